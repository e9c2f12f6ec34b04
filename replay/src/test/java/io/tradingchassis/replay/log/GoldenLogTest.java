package io.tradingchassis.replay.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.replay.verify.Replayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The golden-log store (SPEC §13): round trips, and damage at every byte found where it is. */
class GoldenLogTest {
    @TempDir
    static Path tmp;
    static Path log;
    static byte[] bytes;
    static List<LogFixtures.Span> spans;

    @BeforeAll
    static void record() throws IOException {
        log = LogFixtures.record(tmp.resolve("small.tcgl"), 60, 20);
        bytes = Files.readAllBytes(log);
        spans = LogFixtures.spans(log);
    }

    static Replayer.Outcome replay(Path p) throws IOException {
        return new Replayer(StrategyCatalog.standard()).replay(p);
    }

    @Test
    void aRecordedRunReplaysAndItsShapeIsAsRecorded() throws IOException {
        Replayer.Outcome o = replay(log);
        assertTrue(o.complete());
        long entries = spans.stream().filter(s -> s.kind() == 'E').count();
        long checkpoints = spans.stream().filter(s -> s.kind() == 'C').count();
        assertEquals(entries, o.entries());
        assertEquals(checkpoints, o.checkpoints());
        assertTrue(checkpoints >= 2, "the fixture has checkpoints: " + checkpoints);
        assertTrue(spans.stream().anyMatch(s -> s.kind() == 'E') && bytes.length < 16_000, "small: " + bytes.length);
    }

    @Test
    void binaryToYamlToBinaryIsLossless() throws IOException {
        Path yaml = tmp.resolve("rt.tcgl.yaml");
        LogYaml.writeFile(log, yaml);
        String text = Files.readString(yaml);
        assertTrue(text.contains("type: OrderSubmitted") && text.contains("checkpoint: 20"), "readable YAML");
        Path back = tmp.resolve("rt.tcgl");
        LogYaml.toBinary(yaml, back);
        assertArrayEquals(bytes, Files.readAllBytes(back));
        Path yaml2 = tmp.resolve("rt2.tcgl.yaml");
        LogYaml.writeFile(back, yaml2);
        assertEquals(text, Files.readString(yaml2));
    }

    /** Which span holds byte {@code i}. */
    static LogFixtures.Span at(long i) {
        for (LogFixtures.Span s : spans) {
            if (i >= s.from() && i < s.to()) {
                return s;
            }
        }
        throw new AssertionError("no span holds byte " + i);
    }

    @Test
    void aOneBitFlipAtEveryByteIsFoundAtItsRecordNeverPassesNeverCrashes() throws IOException {
        Path bad = tmp.resolve("flip.tcgl");
        for (int i = 0; i < bytes.length; i++) {
            byte[] b = bytes.clone();
            b[i] ^= (byte) (1 << (i % 8));
            Files.write(bad, b);
            LogFixtures.Span s = at(i);
            LogException e;
            try {
                replay(bad);
                fail("byte " + i + " (" + s + ") flipped, yet the log verifies");
                return;
            } catch (LogException x) {
                e = x;
            } catch (RuntimeException x) {
                throw new AssertionError("byte " + i + " (" + s + "): not a LogException: " + x, x);
            }
            String where = "byte " + i + " in " + s + ": " + e.getMessage();
            switch (s.kind()) {
                case 'H' -> assertTrue(Set.of(LogFailure.CORRUPT, LogFailure.UNKNOWN_FORMAT_VERSION, LogFailure.TRUNCATED,
                        LogFailure.HEADER_FINGERPRINT).contains(e.failure()), where);
                case 'E', 'C' -> {
                    // The record itself, or (a flipped length running past the end) truncation after the one before.
                    boolean atRecord = e.position() == s.position();
                    boolean lengthPastEnd = e.failure() == LogFailure.TRUNCATED && e.position() == s.position() - 1;
                    assertTrue(atRecord || lengthPastEnd, where);
                }
                case 'T' -> assertTrue(e.getMessage().contains("trailer"), where);
                default -> fail(where);
            }
        }
    }

    @Test
    void truncationAtEveryByteIsReportedWithTheLastIntactPositionAndThePrefixVerifies() throws IOException {
        Path cut = tmp.resolve("cut.tcgl");
        long header = spans.get(0).to();
        for (int n = 0; n < bytes.length; n++) {
            Files.write(cut, Arrays.copyOf(bytes, n));
            LogException e = assertThrows(LogException.class, () -> replay(cut), "cut at " + n);
            if (n < header) {
                assertTrue(e.failure() == LogFailure.CORRUPT || e.failure() == LogFailure.TRUNCATED, e.getMessage());
                continue;
            }
            long intact = -1;
            boolean boundary = false;
            for (LogFixtures.Span s : spans) {
                if (s.kind() == 'E' && s.to() <= n) {
                    intact = s.position();
                }
                boundary |= s.from() == n;
            }
            assertEquals(boundary ? LogFailure.MISSING_TRAILER : LogFailure.TRUNCATED, e.failure(), "cut at " + n);
            assertEquals(intact, e.position(), "cut at " + n + ": " + e.getMessage());
            Replayer.Outcome o = new Replayer(StrategyCatalog.standard()).prefix(true).replay(cut);
            assertFalse(o.complete());
            assertEquals(intact + 1, o.entries(), "cut at " + n);
        }
    }
}

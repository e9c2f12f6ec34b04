package io.tradingchassis.core.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.EventStreamEntry;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.event.OrderRejected;
import io.tradingchassis.core.state.Order;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.view.OrderStatus;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * E2/E5: {@code State = f(stream, configuration)}. A seeded, lifecycle-valid random stream folded in
 * one go, entry by entry, twice, on a restored snapshot, and in a second JVM always reaches the same
 * digest (exchange-core style: digests compared every 100 entries). On failure, the seed is in the
 * message.
 */
class FoldDeterminismTest {

    static final long SEED = 0x5EED_2024_0001L;
    static final int COUNT = 4_000;
    static final int CHECKPOINT = 100;

    private static List<EventStreamEntry> stream;
    private static CoreConfiguration cfg;

    @BeforeAll
    static void generate() {
        stream = RandomStreams.generate(SEED, COUNT);
        cfg = RandomStreams.config();
    }

    private static String fold(List<EventStreamEntry> entries) {
        State s = new State();
        new CoreEngine().foldEventStreamEntries(s, entries, cfg);
        return s.digest();
    }

    @Test
    void generatedStreamCoversTheEventTypesAndLifecycleStates() {
        // Guards the other tests against a degenerate generator.
        assertEquals(COUNT, stream.size());
        Set<EventType> seen = EnumSet.noneOf(EventType.class);
        for (int i = 0; i < stream.size(); i++) {
            assertEquals(i, stream.get(i).position());
            seen.add(stream.get(i).event().type());
        }
        Set<EventType> expected = EnumSet.allOf(EventType.class);
        expected.remove(EventType.DISPATCH_FAILED); // needs an unrecorded dispatch: impossible with strategy "none"
        assertEquals(expected, seen, "seed " + SEED);

        // Terminal Orders retire at the end of their step, so the statuses reached are read from the
        // steps' transitions, not from the final State.
        State s = new State();
        CoreEngine engine = new CoreEngine();
        Set<OrderStatus> reached = EnumSet.noneOf(OrderStatus.class);
        int terminal = 0;
        int lateRejects = 0;
        for (EventStreamEntry e : stream) {
            boolean retiredKey = e.event() instanceof OrderRejected
                    && s.execution().orders().get(((OrderRejected) e.event()).orderId()) == null;
            StepResult r = engine.processEventEntry(s, e, cfg);
            for (int i = 0; i < r.transitionCount(); i++) {
                reached.add(r.transitionTo(i));
                if (r.transitionTo(i).isTerminal()) {
                    terminal++;
                    assertNull(s.execution().orders().get(r.transitionOrderId(i)), "retired at the end of its step");
                }
            }
            if (retiredKey) {
                lateRejects++; // a REPLACE/CANCEL overtaken by the Order's end, answered by the venue's reject
            }
        }
        assertEquals(EnumSet.allOf(OrderStatus.class), reached, "seed " + SEED);
        assertTrue(lateRejects > 0, "seed " + SEED + ": no reject of a request whose Order retired first");
        for (long id : s.execution().orders().ids()) {
            Order o = s.execution().orders().get(id);
            assertFalse(o.status().isTerminal(), "only live Orders stay in State: " + o);
        }
        assertEquals(terminal, s.execution().orders().retiredCount());
        assertEquals(s.execution().orders().submittedCount(),
                s.execution().orders().retiredCount() + s.execution().orders().liveCount());
        assertTrue(s.execution().positions().fillCount() > 50, "fills: " + s.execution().positions().fillCount());
        assertEquals(COUNT - 1, s.lastPosition());
    }

    @Test
    void foldEqualsEntryByEntryWithAFreshEngineAtEveryHundredthPositionE5() {
        State stepwise = new State();
        CoreEngine stepEngine = new CoreEngine();
        List<String> stepDigests = new ArrayList<>();
        String lastStepResult = null;
        for (EventStreamEntry e : stream) {
            lastStepResult = stepEngine.processEventEntry(stepwise, e, cfg).toString();
            if ((e.position() + 1) % CHECKPOINT == 0) {
                stepDigests.add(stepwise.digest());
            }
        }

        State folded = new State();
        CoreEngine foldEngine = new CoreEngine();
        List<String> foldDigests = new ArrayList<>();
        String lastFoldResult = null;
        for (int from = 0; from < COUNT; from += CHECKPOINT) {
            lastFoldResult = foldEngine.foldEventStreamEntries(folded, stream.subList(from, from + CHECKPOINT), cfg)
                    .toString();
            foldDigests.add(folded.digest());
        }
        assertEquals(COUNT / CHECKPOINT, stepDigests.size());
        for (int i = 0; i < stepDigests.size(); i++) {
            assertEquals(stepDigests.get(i), foldDigests.get(i),
                    "seed " + SEED + ": digests differ at position " + ((i + 1) * CHECKPOINT - 1));
        }
        assertEquals(lastStepResult, lastFoldResult, "last StepResult");
        assertEquals(stepwise.digest(), fold(stream), "one fold of the whole stream");
    }

    @Test
    void twoFoldsOfTheSameInputInOneJvmAgreeE5() {
        String first = fold(stream);
        String second = fold(RandomStreams.generate(SEED, COUNT)); // regenerated: the generator is deterministic too
        assertEquals(first, second, "seed " + SEED);
        // and one engine reused across two States
        CoreEngine engine = new CoreEngine();
        State a = new State();
        State b = new State();
        engine.foldEventStreamEntries(a, stream, cfg);
        engine.foldEventStreamEntries(b, stream, cfg);
        assertEquals(first, a.digest());
        assertEquals(first, b.digest());
    }

    @Test
    void differentStreamsGiveDifferentDigests() {
        assertNotEquals(fold(stream), fold(RandomStreams.generate(SEED + 1, COUNT)));
        assertNotEquals(fold(stream), fold(stream.subList(0, COUNT - 1)), "one entry fewer");
    }

    @Test
    void foldFromASnapshotTakenAnywhereReachesTheSameDigestProperty() {
        // QuickTheories with a fixed seed: reproducible; each example is its own seeded stream.
        qt().withFixedSeed(20240601L).withExamples(25)
                .forAll(longs().all(), integers().between(0, 600))
                .checkAssert((seed, split) -> {
                    List<EventStreamEntry> s = RandomStreams.generate(seed, 600);
                    State direct = new State();
                    new CoreEngine().foldEventStreamEntries(direct, s, cfg);
                    State prefix = new State();
                    new CoreEngine().foldEventStreamEntries(prefix, s.subList(0, split), cfg);
                    State restored = prefix.snapshot();
                    new CoreEngine().foldEventStreamEntries(restored, s.subList(split, s.size()), cfg);
                    assertEquals(direct.digest(), restored.digest(), "seed " + seed + " split " + split);
                });
    }

    @Test
    void aSecondJvmFoldsTheSameStreamToTheSameDigest() throws Exception {
        String inProcess = fold(stream);
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder pb = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xmx128m",
                "-cp", System.getProperty("java.class.path"),
                DigestMain.class.getName(), Long.toString(SEED), Integer.toString(COUNT));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = readAll(in);
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "second JVM did not finish");
        assertEquals(0, p.exitValue(), "second JVM failed: " + out);
        assertEquals(inProcess, out.trim(), "seed " + SEED + ": digest differs across JVMs");
    }

    /**
     * Pins the digest of the seeded stream. If this changes, the canonical State encoding (or State
     * derivation) changed: every recorded golden-log checkpoint digest changes with it, so the change
     * must be deliberate and the golden logs re-blessed.
     */
    @Test
    void digestOfTheSeededStreamIsPinned() {
        assertEquals(PINNED_DIGEST, fold(stream), "seed " + SEED);
    }

    // Re-pinned for State encoding v2 (components, enum codes, retired Orders, request ids, key high-water
    // mark, strategy memory; the stream's records and answers now name request ids). Shown stable before
    // pinning: the same value in this JVM, in the second JVM of the test above, and in separate JVMs with
    // other GCs, identity-hash modes and the interpreter only. Re-pinned for time in force and the Strategy
    // timer in the encoding, and the generator's OrderExpired events (its second-JVM check agrees); and again
    // when the configuration gained the venue's timeline fields and the synthetic market: State holds the
    // fingerprint the first step bound (CF1), so a new default changes every digest.
    static final String PINNED_DIGEST = "sha256:2d3ea1c0032feebf63f3f7fb57ae7a5ea862c88efa46bafd0c33ff749b519f73";

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        in.transferTo(buf);
        return buf.toString(StandardCharsets.UTF_8);
    }
}

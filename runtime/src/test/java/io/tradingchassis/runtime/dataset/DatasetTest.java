package io.tradingchassis.runtime.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tradingchassis.core.event.Bbo;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.BookSnapshot;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.FeedGap;
import io.tradingchassis.core.event.PriceLevel;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.Trade;
import io.tradingchassis.runtime.codec.EventCodec;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTest {

    private static final DatasetHeader HEADER = DatasetHeader.of("binance", "spot", "BTCUSDT",
            new BigDecimal("0.010"), new BigDecimal("0.00001"),
            List.of(new DatasetSource("spot-btcusdt_20240808.gz", "ab".repeat(32)),
                    new DatasetSource("spot-btcusdt_20240809.gz", "0f".repeat(32))));

    @TempDir
    Path dir;

    /** A seeded stream of market events; a few large snapshots cross the 64 KiB block size. */
    static List<Event> stream(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Event> events = new ArrayList<>();
        long t = 1_723_161_254_000_000_000L;
        for (int i = 0; i < n; i++) {
            t += r.nextInt(1_000_000);
            int k = r.nextInt(100);
            if (k < 60) {
                events.add(new BookDelta(t + 1_270_000_000L, t, 0, r.nextBoolean() ? BookSide.BID : BookSide.ASK,
                        6_180_000 + r.nextInt(10_000), r.nextInt(3) == 0 ? 0 : r.nextInt(1_000_000)));
            } else if (k < 80) {
                events.add(new Trade(t + 1_270_000_000L, t, 0, r.nextBoolean() ? Side.BUY : Side.SELL,
                        6_180_000 + r.nextInt(10_000), 1 + r.nextInt(100_000)));
            } else if (k < 98) {
                long bid = 6_180_000 + r.nextInt(10_000);
                events.add(new Bbo(t, t, 0, bid, r.nextInt(1_000_000), bid + 1, r.nextInt(1_000_000)));
            } else if (k < 99) {
                events.add(new FeedGap(t, t, 0));
            } else {
                int levels = r.nextInt(10) == 0 ? 10_000 : 1_000;
                List<PriceLevel> bids = new ArrayList<>();
                List<PriceLevel> asks = new ArrayList<>();
                for (int j = 0; j < levels; j++) {
                    bids.add(new PriceLevel(6_180_000 - j, 1 + r.nextInt(1_000_000)));
                    asks.add(new PriceLevel(6_180_001 + j, 1 + r.nextInt(1_000_000)));
                }
                events.add(new BookSnapshot(t, t, 0, bids, asks));
            }
        }
        return events;
    }

    private Path write(String name, List<Event> events) throws IOException {
        Path target = dir.resolve(name);
        try (DatasetWriter w = DatasetWriter.create(target, HEADER, false)) {
            for (Event e : events) {
                w.append(e);
            }
            DatasetHeader committed = w.commit();
            assertEquals(events.size(), committed.eventCount());
        }
        return target;
    }

    private static List<Event> readAll(Path file) throws IOException {
        List<Event> out = new ArrayList<>();
        DatasetReader.forEach(file, out::add);
        return out;
    }

    @Test
    void writer_and_reader_round_trip_the_header_and_every_event() throws IOException {
        List<Event> events = stream(20_000, 42);
        Path file = write("a.tcds", events);
        try (DatasetReader r = DatasetReader.open(file)) {
            assertEquals(HEADER.withEventCount(events.size()), r.header());
            assertEquals("0.01", r.header().tickSize(), "sizes are stored in canonical form");
            List<Event> back = new ArrayList<>();
            while (r.hasNext()) {
                back.add(r.next());
            }
            assertEquals(events, back);
            assertEquals(events.size(), r.index());
            assertFalse(r.hasNext());
        }
        assertEquals(HEADER.withEventCount(events.size()), DatasetReader.verify(file));
    }

    @Test
    void an_empty_dataset_round_trips() throws IOException {
        Path file = write("empty.tcds", List.of());
        assertEquals(List.of(), readAll(file));
        assertEquals(0, DatasetReader.verify(file).eventCount());
    }

    @Test
    void an_event_larger_than_a_block_gets_a_block_of_its_own() throws IOException {
        List<PriceLevel> levels = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            levels.add(new PriceLevel(1_000_000 + i, 1_000_000 + i));
        }
        BookSnapshot big = new BookSnapshot(1, 2, 0, levels, levels);
        assertTrue(EventCodec.maxEncodedLength(big) > 64 * 1024);
        List<Event> events = List.of(new Bbo(1, 1, 0, 1, 1, 2, 2), big, new Bbo(3, 3, 0, 1, 1, 2, 2));
        assertEquals(events, readAll(write("big.tcds", events)));
    }

    @Test
    void the_same_events_give_the_same_bytes_and_id() throws IOException {
        List<Event> events = stream(5_000, 7);
        Path a = write("a.tcds", events);
        Path b = write("b.tcds", events);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertEquals(Dataset.id(a), Dataset.id(b));
        Path c = write("c.tcds", stream(5_000, 8));
        assertNotEquals(Dataset.id(a), Dataset.id(c));
    }

    @Test
    void the_id_is_sha256_of_the_whole_file() throws Exception {
        Path file = write("a.tcds", stream(1_000, 1));
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        assertEquals("sha256:" + hex, Dataset.id(file));
    }

    @Test
    void the_header_is_the_documented_layout() throws IOException {
        Path file = write("a.tcds", List.of(new FeedGap(1, 2, 0)));
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("54434453" + "0d0a1a0a", HexFormat.of().formatHex(b.array(), 0, 8), "magic TCDS\\r\\n\\x1a\\n");
        assertEquals(1, b.getInt(8), "format version");
        assertEquals(1, b.getLong(16), "event count, written on commit");
        assertEquals(EventCodec.VERSION, b.getInt(24), "codec version");
        assertEquals(7, b.getShort(28), "venue length");
        assertEquals("binance", new String(b.array(), 30, 7, StandardCharsets.US_ASCII));
    }

    @Test
    void nothing_appears_at_the_target_before_commit_and_nothing_is_left_without_one() throws IOException {
        Path target = dir.resolve("x.tcds");
        try (DatasetWriter w = DatasetWriter.create(target, HEADER, false)) {
            for (Event e : stream(10_000, 3)) {
                w.append(e);
            }
            assertFalse(Files.exists(target), "the target appears only on commit");
        } // closed without commit: an aborted import
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "no target and no temporary file left");
        }
    }

    @Test
    void an_existing_target_is_refused_unless_replacing_is_asked_for() throws IOException {
        Path file = write("a.tcds", stream(10, 1));
        byte[] before = Files.readAllBytes(file);
        assertThrows(FileAlreadyExistsException.class, () -> DatasetWriter.create(file, HEADER, false));
        assertArrayEquals(before, Files.readAllBytes(file));
        try (DatasetWriter w = DatasetWriter.create(file, HEADER, true)) {
            w.append(new FeedGap(1, 1, 0));
            w.commit();
        }
        assertEquals(List.of(new FeedGap(1, 1, 0)), readAll(file));
    }

    @Test
    void every_truncation_is_an_error_naming_the_file_and_offset_and_only_intact_entries_come_first() throws IOException {
        List<Event> events = stream(3_000, 11);
        Path file = write("t.tcds", events);
        byte[] bytes = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.tcds");
        SplittableRandom r = new SplittableRandom(5);
        List<Integer> lengths = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lengths.add(i);
            lengths.add(bytes.length - 1 - i);
            lengths.add(r.nextInt(bytes.length));
        }
        for (int len : lengths) {
            Files.write(cut, Arrays.copyOf(bytes, len));
            List<Event> seen = new ArrayList<>();
            DatasetFormatException ex = assertThrows(DatasetFormatException.class,
                    () -> DatasetReader.forEach(cut, seen::add), "cut at " + len);
            assertTrue(ex.getMessage().startsWith(cut + ": "), ex.getMessage());
            assertTrue(ex.getMessage().contains("truncated") && ex.getMessage().contains(" at byte offset "),
                    ex.getMessage());
            assertEquals(events.subList(0, seen.size()), seen, "entries handed out before the error are intact");
            assertEquals(1, ex.getMessage().lines().count());
        }
    }

    @Test
    void a_truncation_between_blocks_names_the_intact_entries() throws IOException {
        List<Event> events = stream(20_000, 13);
        Path file = write("t.tcds", events);
        byte[] bytes = Files.readAllBytes(file);
        int trailerAt = bytes.length - 16;
        Path cut = dir.resolve("cut.tcds");
        Files.write(cut, Arrays.copyOf(bytes, trailerAt));
        DatasetFormatException ex = assertThrows(DatasetFormatException.class, () -> DatasetReader.verify(cut));
        assertEquals(cut + ": truncated: no trailer; the file ends after 20000 intact entries (the header declares "
                + "20000) at byte offset " + trailerAt + " (entry 20000)", ex.getMessage());
        assertEquals(trailerAt, ex.offset());
        assertEquals(20_000, ex.entryIndex());
    }

    @Test
    void every_single_byte_corruption_is_detected() throws IOException {
        // Small (about 2 KiB), so every byte can be tried: market events and one small snapshot.
        List<Event> events = new ArrayList<>(stream(100, 17).stream().filter(e -> !(e instanceof BookSnapshot)).toList());
        events.add(50, new BookSnapshot(5, 6, 0, List.of(new PriceLevel(99, 1), new PriceLevel(98, 2)),
                List.of(new PriceLevel(101, 3))));
        Path file = write("c.tcds", events);
        byte[] bytes = Files.readAllBytes(file);
        Path bad = dir.resolve("bad.tcds");
        for (int i = 0; i < bytes.length; i++) {
            byte[] copy = bytes.clone();
            copy[i] ^= (byte) (1 + (i % 255));
            Files.write(bad, copy);
            try {
                List<Event> seen = new ArrayList<>();
                DatasetReader.forEach(bad, seen::add);
                fail("byte " + i + " changed and nothing noticed");
            } catch (DatasetFormatException ex) {
                assertTrue(ex.getMessage().startsWith(bad + ": ") && ex.getMessage().contains(" at byte offset "),
                        ex.getMessage());
            }
        }
    }

    @Test
    void a_corrupt_block_names_its_offset_and_first_entry() throws IOException {
        List<Event> events = stream(20_000, 19);
        Path file = write("c.tcds", events);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int first = 16 + b.getInt(12) + 4;
        int second = first + 8 + b.getInt(first) + 4;
        int entriesInFirst = b.getInt(first + 4);
        bytes[second + 20] ^= 0x40;
        Path bad = dir.resolve("bad.tcds");
        Files.write(bad, bytes);
        List<Event> seen = new ArrayList<>();
        DatasetFormatException ex = assertThrows(DatasetFormatException.class, () -> DatasetReader.forEach(bad, seen::add));
        assertTrue(ex.getMessage().startsWith(bad + ": block fails its CRC32C check (stored "), ex.getMessage());
        assertTrue(ex.getMessage().endsWith("): corrupt block at byte offset " + second + " (entry " + entriesInFirst
                + ")"), ex.getMessage());
        assertEquals(entriesInFirst, seen.size(), "the corrupt block's events are never handed out");
    }

    @Test
    void other_files_and_versions_are_refused_by_name() throws IOException {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello, this is not a dataset");
        assertEquals(text + ": not a dataset (no TCDS magic) at byte offset 0",
                assertThrows(DatasetFormatException.class, () -> DatasetReader.open(text)).getMessage());
        Path file = write("v.tcds", stream(10, 1));
        byte[] bytes = Files.readAllBytes(file);
        bytes[8] = 2;
        Files.write(file, bytes);
        assertEquals(file + ": dataset format version 2 is not one this build reads (1) at byte offset 8",
                assertThrows(DatasetFormatException.class, () -> DatasetReader.open(file)).getMessage());
    }

    @Test
    void a_newer_codec_version_is_refused_by_name() throws IOException {
        DatasetHeader newer = new DatasetHeader(Dataset.FORMAT_VERSION, EventCodec.VERSION + 1, "binance", "spot",
                "BTCUSDT", "0.01", "0.00001", List.of(), 0);
        Path file = dir.resolve("newer.tcds");
        try (DatasetWriter w = DatasetWriter.create(file, newer, false)) {
            w.commit();
        }
        assertEquals(file + ": event codec version " + (EventCodec.VERSION + 1) + " is not one this build reads ("
                        + EventCodec.OLDEST_READABLE_VERSION + " to " + EventCodec.VERSION + ") at byte offset 24",
                assertThrows(DatasetFormatException.class, () -> DatasetReader.open(file)).getMessage());
    }

    @Test
    void bytes_after_the_trailer_are_refused() throws IOException {
        Path file = write("x.tcds", stream(10, 1));
        long size = Files.size(file);
        Files.write(file, new byte[] {0}, StandardOpenOption.APPEND);
        assertEquals(file + ": bytes follow the trailer: not one dataset at byte offset " + size,
                assertThrows(DatasetFormatException.class, () -> DatasetReader.verify(file)).getMessage());
    }

    @Test
    void headers_hold_canonical_positive_sizes_only() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> new DatasetHeader(1, 1,
                "binance", "usdm", "BTCUSDT", "0.10", "0.001", List.of(), 0));
        assertEquals("tickSize \"0.10\" is not in canonical form \"0.1\"", ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DatasetHeader(1, 1, "binance", "usdm", "BTCUSDT", "0",
                "0.001", List.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> new DatasetSource("x.gz", "AB".repeat(32)));
        assertEquals("10", DatasetHeader.canonicalDecimal(new BigDecimal("1E+1")));
        assertEquals("0.1", DatasetHeader.canonicalDecimal(new BigDecimal("0.100")));
    }
}

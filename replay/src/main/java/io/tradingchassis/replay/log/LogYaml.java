package io.tradingchassis.replay.log;

import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.runtime.codec.EventCodec;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.wire.DocumentContext;
import net.openhft.chronicle.wire.ValueIn;
import net.openhft.chronicle.wire.Wire;
import net.openhft.chronicle.wire.WireType;

/**
 * The YAML form of a golden log (Chronicle Wire), for review: {@code tc inspect} prints it, and small
 * goldens are committed in it so a code review shows a readable diff. One YAML document per record — the
 * header ({@code format: 1}, …), entries ({@code position}, {@code event} with its fields by name,
 * {@code chain}), checkpoints ({@code checkpoint}, {@code state}) and the trailer ({@code trailer}
 * entries, {@code chain}, {@code state}). Binary → YAML → binary gives the same bytes: events are
 * re-encoded with the codec, whose encoding is unique.
 */
public final class LogYaml {
    /** File name ending of a golden log in YAML. */
    public static final String EXTENSION = ".tcgl.yaml";

    private LogYaml() {
    }

    /** What {@link #write} prints: a position range and event types ({@code null}: all). */
    public record Filter(long from, long to, Set<EventType> types) {
        /** Everything. */
        public static final Filter ALL = new Filter(0, Long.MAX_VALUE, null);

        boolean accepts(long position, EventType type) {
            return position >= from && position <= to && (types == null || types.contains(type));
        }

        boolean everything() {
            return from == 0 && to == Long.MAX_VALUE && types == null;
        }
    }

    /**
     * Writes {@code binary} as YAML to {@code out}, record by record (constant memory); a filter other than
     * {@link Filter#ALL} prints the header and the matching entries only.
     *
     * @return the number of entries written
     * @throws LogException when the log is damaged: everything before the damage has been written
     */
    public static long write(Path binary, Writer out, Filter filter) throws IOException {
        try (GoldenLogReader in = GoldenLogReader.open(binary)) {
            Bytes<?> bytes = Bytes.allocateElasticOnHeap(4096);
            Wire w = WireType.YAML_ONLY.apply(bytes);
            LogHeader h = in.header();
            w.write("format").int32(h.formatVersion());
            w.write("codecVersion").int32(h.codecVersion());
            w.write("coreVersion").text(h.coreVersion());
            w.write("digestAlgorithm").text(h.digestAlgorithm());
            w.write("datasetId").text(h.datasetId());
            w.write("strategyId").text(h.strategyId());
            w.write("strategyVersion").text(h.strategyVersion());
            w.write("checkpointInterval").int64(h.checkpointInterval());
            w.write("configurations").sequence(h, (hh, so) -> {
                for (int i = 0; i < hh.configurations().size(); i++) {
                    int k = i;
                    so.marshallable(m -> {
                        m.write("fingerprint").text(hh.fingerprints().get(k));
                        m.write("json").text(hh.configurations().get(k));
                    });
                }
            });
            emit(bytes, out);
            long n = 0;
            while (in.next()) {
                if (in.kind() == GoldenLogReader.Kind.CHECKPOINT) {
                    if (filter.everything()) {
                        w.write("checkpoint").int64(in.position());
                        w.write("state").text(in.digest());
                        emit(bytes, out);
                    }
                    continue;
                }
                Event e = in.event();
                if (!filter.accepts(in.position(), e.type())) {
                    continue;
                }
                w.write("position").int64(in.position());
                w.write("event").marshallable(m -> EventRecords.toYaml(e, m));
                w.write("chain").text(hex(in.chain()));
                emit(bytes, out);
                n++;
            }
            if (filter.everything()) {
                w.write("trailer").int64(in.trailerEntries());
                w.write("chain").text(hex(in.trailerChain()));
                w.write("state").text(in.trailerDigest());
                emit(bytes, out);
            }
            out.write("...\n");
            return n;
        }
    }

    private static void emit(Bytes<?> bytes, Writer out) throws IOException {
        out.write("---\n");
        out.write(bytes.toString());
        bytes.clear();
    }

    /** {@link #write} into a file. */
    public static void writeFile(Path binary, Path yaml) throws IOException {
        try (Writer out = Files.newBufferedWriter(yaml, StandardCharsets.UTF_8)) {
            write(binary, out, Filter.ALL);
        }
    }

    /**
     * Reads a log's YAML form and writes its binary form to {@code binary} (replaced).
     *
     * @throws LogException ({@link LogFailure#CORRUPT}) naming the document that cannot be read
     */
    public static void toBinary(Path yaml, Path binary) throws IOException {
        String text = Files.readString(yaml, StandardCharsets.UTF_8);
        Wire r = WireType.YAML_ONLY.apply(Bytes.from(text));
        LogHeader header = null;
        LogOutput out = null;
        ByteBuffer ev = LogFormat.le(1 << 16);
        int doc = 0;
        boolean trailer = false;
        try {
            while (true) {
                try (DocumentContext dc = r.readingDocument()) {
                    if (!dc.isPresent()) {
                        break;
                    }
                    doc++;
                    Wire w = dc.wire();
                    StringBuilder key = new StringBuilder();
                    ValueIn first = w.read(key);
                    String k = key.toString();
                    if (header == null) {
                        if (!k.equals("format")) {
                            throw bad(yaml, doc, "the first document must be the header (format: …), found " + k);
                        }
                        header = readHeader(first.int32(), w);
                        out = new LogOutput(binary, header, true);
                        continue;
                    }
                    if (trailer) {
                        throw bad(yaml, doc, "a document after the trailer");
                    }
                    switch (k) {
                        case "position" -> {
                            long p = first.int64();
                            Event[] e = new Event[1];
                            w.read("event").marshallable(m -> e[0] = EventRecords.fromYaml(m, "position " + p));
                            long chain = parseHex(w.read("chain").text(), yaml, doc);
                            ev.clear();
                            if (ev.capacity() < EventCodec.maxEncodedLength(e[0])) {
                                ev = LogFormat.le(EventCodec.maxEncodedLength(e[0]));
                            }
                            EventCodec.encode(e[0], ev);
                            out.entry(p, ev, 0, ev.position(), chain);
                            out.maybeFlush();
                        }
                        case "checkpoint" -> {
                            long p = first.int64();
                            out.checkpoint(p, sha(w.read("state").text(), yaml, doc));
                        }
                        case "trailer" -> {
                            long n = first.int64();
                            long chain = parseHex(w.read("chain").text(), yaml, doc);
                            out.trailer(n, chain, sha(w.read("state").text(), yaml, doc));
                            trailer = true;
                        }
                        default -> throw bad(yaml, doc, "unknown record '" + k + "' (position, checkpoint or trailer)");
                    }
                }
            }
        } catch (LogException e) {
            throw e;
        } catch (RuntimeException e) {
            throw bad(yaml, doc, String.valueOf(e.getMessage()));
        } finally {
            if (out != null) {
                out.close();
            }
        }
        if (header == null) {
            throw bad(yaml, 0, "no header document");
        }
    }

    private static LogHeader readHeader(int format, Wire w) {
        int codec = w.read("codecVersion").int32();
        String core = w.read("coreVersion").text();
        String alg = w.read("digestAlgorithm").text();
        String dataset = w.read("datasetId").text();
        String sid = w.read("strategyId").text();
        String sver = w.read("strategyVersion").text();
        long interval = w.read("checkpointInterval").int64();
        List<String> fps = new ArrayList<>();
        List<String> cfgs = new ArrayList<>();
        w.read("configurations").sequence(fps, (l, si) -> {
            while (si.hasNextSequenceItem()) {
                si.marshallable(m -> {
                    fps.add(m.read("fingerprint").text());
                    cfgs.add(m.read("json").text());
                });
            }
        });
        return new LogHeader(format, codec, core, alg, dataset, sid, sver, interval, cfgs, fps);
    }

    private static LogException bad(Path yaml, int doc, String detail) {
        return new LogException(LogFailure.CORRUPT, yaml, LogException.UNKNOWN, LogException.UNKNOWN,
                "YAML document " + doc + ": " + detail);
    }

    private static long parseHex(String s, Path yaml, int doc) {
        if (s == null || !s.startsWith("0x") || s.length() != 18) {
            throw bad(yaml, doc, "chain '" + s + "' is not 0x and 16 hex digits");
        }
        return Long.parseUnsignedLong(s.substring(2), 16);
    }

    private static byte[] sha(String s, Path yaml, int doc) {
        if (s == null || !s.startsWith("sha256:") || s.length() != 7 + 64) {
            throw bad(yaml, doc, "state '" + s + "' is not sha256: and 64 hex digits");
        }
        return HexFormat.of().parseHex(s.substring(7));
    }

    private static String hex(long v) {
        return String.format("0x%016x", v);
    }
}

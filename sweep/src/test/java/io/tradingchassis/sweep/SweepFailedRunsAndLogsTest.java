package io.tradingchassis.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.config.InstrumentSpec;
import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.replay.log.GoldenLogReader;
import io.tradingchassis.replay.verify.Replayer;
import io.tradingchassis.runtime.InputSource;
import io.tradingchassis.runtime.backtest.SyntheticMarket;
import io.tradingchassis.runtime.dataset.Dataset;
import io.tradingchassis.runtime.dataset.DatasetHeader;
import io.tradingchassis.runtime.dataset.DatasetWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: a run that throws mid-stream is a row with its error, the entries recorded before it and the
 * last one's chain value, never a lost row, and the sweep still exits 0; {@code --keep-logs} keeps every
 * run's golden log, and each replays (SPEC §13) to its row's chain value and State digest.
 *
 * <p>One sweep through {@code tc-sweep}'s own entry point on Spark ({@code local[2]}): two strategy points
 * over two datasets, a whole one and the same file cut inside a later block. The cut file's declared id is
 * its own {@code sha256:} (honest: the id names exactly these bytes), so the executor's id check passes and
 * the run fails where the reader meets the cut, after the intact blocks' events.
 */
class SweepFailedRunsAndLogsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    private static Path out;
    private static int exitCode;
    private static List<JsonNode> rows;
    private static String wholeId;
    private static String cutId;

    @BeforeAll
    static void sweepOverAWholeAndACutDataset() throws IOException {
        CoreConfiguration cfg = CoreConfiguration.parse(JSON.readTree(SweepJobTest.SWEEP).get("base").toString(), "base");
        Path whole = tmp.resolve("whole.tcds");
        InstrumentSpec i = cfg.instruments().get(0);
        try (DatasetWriter w = DatasetWriter.create(whole, DatasetHeader.of("test", "spot", i.symbol(), i.tickSize(),
                i.lotSize(), List.of()), false)) {
            SyntheticMarket market = new SyntheticMarket(7, 12_000, 0, SyntheticMarket.START_NS, 6_000_000);
            while (market.peekLocalTsNs() != InputSource.EXHAUSTED) {
                w.append(market.poll());
            }
            w.commit();
        }
        long size = Files.size(whole);
        assertTrue(size > 4 * (64 << 10), "several 64 KiB blocks: " + size + " bytes");
        Path cut = tmp.resolve("cut.tcds");
        Files.copy(whole, cut);
        try (FileChannel ch = FileChannel.open(cut, StandardOpenOption.WRITE)) {
            ch.truncate(size * 3 / 4); // inside a block after the first ones: the run fails mid-stream
        }
        wholeId = Dataset.id(whole);
        cutId = Dataset.id(cut);
        String sweep = SweepJobTest.SWEEP
                .replace("\"strategy.parameters.quoteQtyLots\": [500, 1000],\n", "")
                .replace("\"syntheticMarket.seed\": [1, 2]", "\"syntheticMarket.seed\": [1]")
                .replace("\"strategy.parameters.halfSpreadTicks\": [1, 2, 3]", "\"strategy.parameters.halfSpreadTicks\": [1, 2]")
                .replace("\"datasets\": \"synthetic\"", "\"datasets\": [ { \"id\": \"" + wholeId
                        + "\", \"path\": \"whole.tcds\" }, { \"id\": \"" + cutId + "\", \"path\": \"cut.tcds\" } ]");
        Path file = tmp.resolve("sweep.json");
        Files.writeString(file, sweep);
        out = tmp.resolve("out");
        assertEquals(4, SweepSpec.load(file).runs().size(), sweep);
        exitCode = SweepCommand.execute(file.toString(), "--master", "local[2]", "--spark",
                "--out", out.toString(), "--keep-logs", "--quiet");
        rows = new ArrayList<>();
        JSON.readTree(out.resolve("sweep.json").toFile()).get("rows").forEach(rows::add);
    }

    @Test
    void aRunThatThrowsMidStreamIsAnErrorRowWithItsEntriesAndChainAndTheSweepExitsZero() throws IOException {
        assertEquals(0, exitCode, "runs that failed are rows; the sweep itself succeeded");
        assertEquals(4, rows.size(), "no lost row: " + rows);
        Map<String, JsonNode> wholeByPoint = new HashMap<>();
        List<JsonNode> failed = new ArrayList<>();
        for (JsonNode r : rows) {
            String point = r.get("axes").toString();
            if (r.get("datasetId").asText().equals(wholeId)) {
                assertEquals("ok", r.get("status").asText(), r.toString());
                assertFalse(r.has("error"), r.toString());
                assertFalse(r.get("stateDigest").asText().isEmpty(), r.toString());
                wholeByPoint.put(point, r);
            } else {
                assertEquals(cutId, r.get("datasetId").asText());
                failed.add(r);
            }
        }
        assertEquals(2, failed.size());
        for (JsonNode r : failed) {
            assertEquals("error", r.get("status").asText(), r.toString());
            String error = r.get("error").asText();
            assertTrue(error.startsWith("DatasetFormatException: ") && error.contains("cut.tcds")
                    && error.contains("truncated"), error);
            assertFalse(r.has("stateDigest"), "a run that failed has no final State");
            long entries = r.get("entries").asLong();
            JsonNode ok = wholeByPoint.get(r.get("axes").toString());
            assertTrue(entries > 1000 && entries < ok.get("entries").asLong(),
                    "failed mid-stream: " + entries + " of " + ok.get("entries") + " entries");
            // The same configuration over the same events up to the cut: the row's chain value is the whole
            // run's chain value at the same position (the chain starts at 0 whatever the dataset id).
            assertEquals(chainAt(log(ok), entries - 1), r.get("chain").asText(), "chain at entry " + (entries - 1));
        }
        String csv = Files.readString(out.resolve("sweep.csv"));
        List<String> errorLines = csv.lines().filter(l -> l.contains(cutId)).toList();
        assertEquals(2, errorLines.size(), csv);
        for (JsonNode r : failed) {
            String line = errorLines.stream().filter(l -> l.startsWith(r.get("runId").asText() + ",")).findFirst()
                    .orElseThrow();
            assertTrue(line.contains(",error," + r.get("entries").asText() + ",") && line.contains(r.get("chain").asText())
                    && line.contains("truncated"), line);
        }
    }

    @Test
    void keepLogsKeepsEveryRunsLogAndEachReplaysToItsRowsChainAndStateDigest() throws IOException {
        assertEquals(0, exitCode);
        try (Stream<Path> files = Files.list(out.resolve("logs"))) {
            assertEquals(4, files.filter(f -> f.toString().endsWith(".tcgl")).count(), "one log per run");
        }
        for (JsonNode r : rows) {
            boolean failed = "error".equals(r.get("status").asText());
            Replayer.Outcome o = new Replayer(StrategyCatalog.standard()).prefix(failed).replay(log(r));
            assertEquals(r.get("entries").asLong(), o.entries(), r.toString());
            assertEquals(r.get("chain").asText(), SweepTask.hex(o.chain()), r.toString());
            assertEquals(!failed, o.complete(), "a failed run's log has no trailer");
            if (!failed) {
                assertEquals(r.get("stateDigest").asText(), o.stateDigest(), r.toString());
            }
            assertEquals(r.get("configFingerprint").asText(), o.header().fingerprints().get(0));
            assertEquals(r.get("datasetId").asText(), o.header().datasetId());
        }
    }

    private static Path log(JsonNode row) {
        return out.resolve("logs").resolve(row.get("runId").asText() + ".tcgl");
    }

    private static String chainAt(Path log, long position) throws IOException {
        try (GoldenLogReader in = GoldenLogReader.open(log)) {
            while (in.next()) {
                if (in.kind() == GoldenLogReader.Kind.ENTRY && in.position() == position) {
                    return SweepTask.hex(in.chain());
                }
            }
        }
        throw new AssertionError(log + " has no entry " + position);
    }
}

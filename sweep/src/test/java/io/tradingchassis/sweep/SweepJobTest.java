package io.tradingchassis.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.config.SyntheticMarketModel;
import io.tradingchassis.replay.golden.Recording;
import io.tradingchassis.replay.log.GoldenLogReader;
import io.tradingchassis.runtime.backtest.Backtest;
import io.tradingchassis.runtime.backtest.RunMetrics;
import io.tradingchassis.runtime.backtest.SyntheticMarket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: a sweep is a set of {@code tc backtest} runs; its {@code sweep.csv} does not depend on the
 * Spark master (local[1] vs local[2]), and every row's chain value and State digest are those of
 * {@link Recording#record} run directly on the same configuration (SPEC §13 chain).
 */
class SweepJobTest {
    /** 3 × 2 points over 2 seeds: 12 runs of 3000 market events each. */
    static final String SWEEP = """
            {
              "base": {
                "schemaVersion": 1,
                "instruments": [ { "symbol": "BTCUSDT", "tickSize": "0.01", "lotSize": "0.00001" } ],
                "risk": { "maxOrderQtyLots": 100000, "maxPositionLots": 500000, "maxOpenOrders": 10,
                          "priceBandTicks": 5000 },
                "rateLimit": { "capacity": 5, "refillPerSecond": 20 },
                "strategy": { "id": "market-maker", "parameters": { "instrument": 0, "halfSpreadTicks": 2,
                    "quoteQtyLots": 1000, "skewTicksPerLot": 0, "replaceThresholdTicks": 1 } },
                "syntheticMarket": { "seed": 1, "events": 3000, "instrument": 0, "midTicks": 6000000 },
                "checkpointInterval": 1000
              },
              "axes": {
                "strategy.parameters.halfSpreadTicks": [1, 2, 3],
                "strategy.parameters.quoteQtyLots": [500, 1000],
                "syntheticMarket.seed": [1, 2]
              },
              "datasets": "synthetic"
            }
            """;

    @Test
    @Timeout(240)
    void sweepCsvIsByteIdenticalOnLocal1Local2AndStandaloneAndEveryChainEqualsADirectRecording(@TempDir Path tmp)
            throws Exception {
        SweepSpec spec = SweepSpec.parse(SWEEP, "test-sweep.json", tmp);
        assertEquals(12, spec.runs().size());
        Path one = tmp.resolve("local1");
        Path two = tmp.resolve("local2");
        sweep(spec, "local[1]", one);
        sweep(spec, "local[2]", two);
        byte[] a = Files.readAllBytes(one.resolve("sweep.csv"));
        byte[] b = Files.readAllBytes(two.resolve("sweep.csv"));
        assertEquals(new String(a, StandardCharsets.UTF_8), new String(b, StandardCharsets.UTF_8));
        Path plain = tmp.resolve("in-process");
        SweepJob.write(plain, spec, SweepJob.runInProcess(spec, null, null), "in-process");
        assertEquals(new String(a, StandardCharsets.UTF_8), Files.readString(plain.resolve("sweep.csv")),
                "the in-process loop gives the same rows");
        Path three = tmp.resolve("standalone");
        try (StandaloneCluster cluster = new StandaloneCluster(tmp.resolve("cluster"))) {
            try (JavaSparkContext sc = new JavaSparkContext(cluster.conf())) {
                SweepJob.Result r = SweepJob.run(sc, spec, null, null);
                assertEquals(0, r.errors(), () -> r.rows() + "\n" + cluster.logs());
                SweepJob.write(three, spec, r, cluster.master());
            }
        }
        assertEquals(new String(a, StandardCharsets.UTF_8),
                Files.readString(three.resolve("sweep.csv"), StandardCharsets.UTF_8), "standalone master + worker");
        assertEquals(Files.readString(one.resolve("sweep.html")), Files.readString(two.resolve("sweep.html")));
        assertTrue(Files.readString(one.resolve("sweep.html")).contains("uPlot"), "uPlot inlined");
        List<String> lines = Files.readAllLines(one.resolve("sweep.csv"));
        assertEquals(13, lines.size(), "a header and 12 rows");

        // Each row against Recording.record run here, on the spec's own configuration.
        Map<Integer, RunSpec> byIndex = new HashMap<>();
        spec.runs().forEach(r -> byIndex.put(r.index(), r));
        JsonNode json = new ObjectMapper().readTree(one.resolve("sweep.json").toFile());
        Set<String> seeds = new HashSet<>();
        String previous = "";
        for (JsonNode row : json.get("rows")) {
            assertEquals("ok", row.get("status").asText(), row.toString());
            assertTrue(row.get("runId").asText().compareTo(previous) >= 0, "sorted by run id");
            previous = row.get("runId").asText();
            RunSpec run = byIndex.get(row.get("index").asInt());
            CoreConfiguration cfg = CoreConfiguration.parse(run.configJson(), "direct");
            SyntheticMarketModel sm = cfg.syntheticMarket();
            seeds.add(row.get("datasetId").asText());
            Backtest bt = Backtest.simulated(cfg, SyntheticMarket.of(sm), Recording.syntheticId(sm), SyntheticMarket.of(sm));
            Path log = tmp.resolve("direct-" + run.index() + ".tcgl");
            RunMetrics m = Recording.record(bt, log, true, n -> { });
            try (GoldenLogReader in = GoldenLogReader.open(log)) {
                while (in.next()) {
                    // to the trailer
                }
                assertEquals(SweepTask.hex(in.trailerChain()), row.get("chain").asText(), "chain of run " + run.index());
                assertEquals(in.trailerDigest(), row.get("stateDigest").asText(), "digest of run " + run.index());
            }
            assertEquals(bt.identity().runId(), row.get("runId").asText());
            assertEquals(m.entries(), row.get("entries").asLong());
            assertEquals(m.fills().size(), row.get("fills").asInt());
        }
        assertEquals(2, seeds.size(), "two synthetic datasets (seeds)");
    }

    private static void sweep(SweepSpec spec, String master, Path out) throws Exception {
        try (JavaSparkContext sc = new JavaSparkContext(SweepJob.conf(master))) {
            SweepJob.Result r = SweepJob.run(sc, spec, null, null);
            assertEquals(0, r.errors());
            SweepJob.write(out, spec, r, master);
        }
    }
}

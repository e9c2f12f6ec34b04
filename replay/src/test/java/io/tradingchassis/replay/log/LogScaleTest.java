package io.tradingchassis.replay.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.replay.golden.Recording;
import io.tradingchassis.replay.verify.Replayer;
import io.tradingchassis.runtime.backtest.Backtest;
import io.tradingchassis.runtime.backtest.SyntheticMarket;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden logs at scale (SPEC §13): constant-memory replay, and a recording killed with SIGKILL. */
class LogScaleTest {

    static String config(long events, String strategy) {
        return "{\"instruments\":[{\"symbol\":\"BTCUSDT\",\"tickSize\":\"0.01\",\"lotSize\":\"0.00001\"}],"
                + "\"risk\":{\"maxOrderQtyLots\":100000,\"maxPositionLots\":500000,\"priceBandTicks\":5000},"
                + "\"strategy\":" + strategy + ",\"syntheticMarket\":{\"seed\":11,\"events\":" + events + "}}";
    }

    @Test
    void aMillionEntryLogReplaysInConstantHeap(@TempDir Path tmp) throws IOException {
        CoreConfiguration cfg = CoreConfiguration.parse(config(1_000_000, "{\"id\":\"none\"}"), "scale");
        Path log = tmp.resolve("m.tcgl");
        Recording.record(Backtest.simulated(cfg, SyntheticMarket.of(cfg.syntheticMarket()), "scale",
                SyntheticMarket.of(cfg.syntheticMarket())), log, true, n -> { });
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        List<Long> used = new ArrayList<>();
        Replayer.Outcome o = new Replayer(StrategyCatalog.standard()).listener((p, e, r, s) -> {
            if (p % 200_000 == 100_000) {
                System.gc();
                used.add(mem.getHeapMemoryUsage().getUsed());
            }
        }).replay(log);
        assertTrue(o.entries() >= 1_000_000, "entries: " + o.entries());
        assertEquals(5, used.size(), used.toString());
        long growth = used.get(used.size() - 1) - used.get(0);
        System.out.printf("replay of %d entries (%d bytes): heap after GC at 100k..900k entries %s MiB%n", o.entries(),
                Files.size(log), used.stream().map(u -> u >> 20).toList());
        assertTrue(growth < 8L << 20, "heap grew by " + (growth >> 20) + " MiB from 100k to 900k entries: " + used);
    }

    @Test
    void aRecordingKilledWithSigkillLeavesAnIntactPrefixThatReplayNamesAndPrefixVerifies(@TempDir Path tmp)
            throws IOException, InterruptedException {
        Path cfg = tmp.resolve("c.json");
        Files.writeString(cfg, config(50_000_000, "{\"id\":\"market-maker\",\"parameters\":{\"halfSpreadTicks\":1,"
                + "\"quoteQtyLots\":20}}"));
        Path log = tmp.resolve("killed.tcgl");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "io.tradingchassis.replay.cli.TcCommand", "record", "--config", cfg.toString(), "--out", log.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("out.txt").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!(Files.exists(log) && Files.size(log) > (3 << 20)) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "the recording is still running when killed: " + Files.readString(tmp.resolve("out.txt")));
        p.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no finally
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, p.exitValue(), "killed by SIGKILL");

        LogException e;
        try {
            new Replayer(StrategyCatalog.standard()).replay(log);
            throw new AssertionError("a killed recording verified as complete");
        } catch (LogException x) {
            e = x;
        }
        assertTrue(e.failure() == LogFailure.TRUNCATED || e.failure() == LogFailure.MISSING_TRAILER, e.getMessage());
        assertTrue(e.position() > 10_000, e.getMessage());
        Replayer.Outcome o = new Replayer(StrategyCatalog.standard()).prefix(true).replay(log);
        assertFalse(o.complete());
        assertEquals(e.position() + 1, o.entries(), "the prefix is every entry up to the last intact one");
        assertTrue(new File(log.toString()).length() > 0);
    }
}

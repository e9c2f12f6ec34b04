package io.tradingchassis.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.config.SyntheticMarketModel;
import io.tradingchassis.core.view.OrderStatus;
import io.tradingchassis.replay.golden.Recording;
import io.tradingchassis.replay.log.GoldenLogReader;
import io.tradingchassis.runtime.InputSource;
import io.tradingchassis.runtime.backtest.Backtest;
import io.tradingchassis.runtime.backtest.DatasetInput;
import io.tradingchassis.runtime.backtest.RunIdentity;
import io.tradingchassis.runtime.backtest.RunMetrics;
import io.tradingchassis.runtime.backtest.SyntheticMarket;
import io.tradingchassis.runtime.dataset.Dataset;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * One run of a sweep, as an executor runs it: the same code path as {@code tc backtest} (a
 * {@link Backtest#simulated} over the dataset, or over the configuration's synthetic market, recorded by
 * {@link Recording#record} into a temporary golden log), then the log's trailer gives the final State
 * digest and chain value. Never throws: a dataset whose {@code sha256:} is not the declared one, or a run
 * that throws, is a row with {@code status=error} and the reason (and, for a run that threw, the number
 * of entries recorded before it and the last one's chain value). With a logs folder, every run's log is
 * kept there as {@code <run-id>.tcgl}, a failed run's up to its last entry, without a trailer.
 */
public final class SweepTask {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SweepTask() {
    }

    /** Runs the spec {@code specJson} ({@link RunSpec#toJson()}); a row as JSON ({@link SweepRow}). */
    public static String run(String specJson, String keepLogsDir) {
        RunSpec spec = RunSpec.fromJson(specJson);
        ObjectNode row = JSON.createObjectNode();
        row.put("index", spec.index());
        ObjectNode axes = row.putObject("axes");
        spec.axisValues().forEach(axes::put);
        CoreConfiguration cfg = CoreConfiguration.parse(spec.configJson(), "sweep run " + spec.index());
        SyntheticMarketModel sm = cfg.syntheticMarket();
        String datasetId = spec.synthetic() ? Recording.syntheticId(sm) : spec.datasetId();
        // The identity the run has (or would have had): computed by Backtest itself, over an unread market.
        identity(row, Backtest.simulated(cfg, SyntheticMarket.of(sm), datasetId, null).identity());
        long started = System.nanoTime(); // wall clock: only for the row's eventsPerSecond (not in sweep.csv)
        Path log = null;
        DatasetInput market = null;
        DatasetInput venueFeed = null;
        try {
            InputSource m;
            InputSource feed;
            if (spec.synthetic()) {
                m = SyntheticMarket.of(sm);
                feed = SyntheticMarket.of(sm); // the venue's own copy, as tc backtest
            } else {
                Path data = Path.of(spec.datasetPath());
                if (!Files.isRegularFile(data)) {
                    return error(row, "dataset " + data + ": no such file on this executor");
                }
                String actual = Dataset.id(data);
                if (!actual.equals(spec.datasetId())) {
                    return error(row, "dataset " + data + ": sha256 mismatch: declared " + spec.datasetId()
                            + ", the file is " + actual);
                }
                market = DatasetInput.open(data, cfg);
                venueFeed = DatasetInput.open(data, cfg); // the venue's own reader, as tc backtest
                m = market;
                feed = venueFeed;
            }
            Backtest bt = Backtest.simulated(cfg, m, datasetId, feed);
            log = Files.createTempFile("tc-sweep-" + spec.index() + "-", ".tcgl");
            RunMetrics metrics;
            try {
                metrics = Recording.record(bt, log, true, n -> { });
            } catch (RuntimeException | IOException | StackOverflowError e) {
                lastEntry(row, log);
                String reason = describe(e);
                try {
                    log = keep(log, keepLogsDir, row); // the log up to its last entry, without a trailer
                } catch (IOException notKept) {
                    reason += " (its log was not kept: " + describe(notKept) + ")";
                }
                return error(row, reason);
            }
            metrics(row, metrics);
            trailer(row, log);
            long wall = System.nanoTime() - started;
            row.put("status", "ok");
            row.put("wallNs", wall);
            log = keep(log, keepLogsDir, row);
            return row.toString();
        } catch (RuntimeException | IOException e) {
            return error(row, describe(e));
        } finally {
            closeQuietly(market);
            closeQuietly(venueFeed);
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException e) {
                    // a temp file left behind is not the run's result
                }
            }
        }
    }

    /** With {@code --keep-logs}, moves the run's log to {@code DIR/<run-id>.tcgl}; null when moved. */
    private static Path keep(Path log, String keepLogsDir, ObjectNode row) throws IOException {
        if (keepLogsDir == null) {
            return log;
        }
        Path dir = Files.createDirectories(Path.of(keepLogsDir));
        Files.move(log, dir.resolve(row.get("runId").asText() + ".tcgl"), StandardCopyOption.REPLACE_EXISTING);
        return null;
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private static void identity(ObjectNode row, RunIdentity id) {
        row.put("runId", id.runId());
        row.put("datasetId", id.datasetId());
        row.put("configFingerprint", id.configurationFingerprint());
        row.put("strategyId", id.strategyId());
        row.put("strategyVersion", id.strategyVersion());
        row.put("codeVersion", id.codeVersion());
    }

    private static void metrics(ObjectNode row, RunMetrics m) {
        row.put("entries", m.entries());
        row.put("position", m.lotSize().multiply(BigDecimal.valueOf(m.positionLots())).stripTrailingZeros()
                .toPlainString());
        row.put("realizedPnl", plain(m.realizedPnl()));
        row.put("markedPnl", plain(m.markedPnl()));
        row.put("maxDrawdown", plain(m.maxDrawdown()));
        row.put("fills", m.fills().size());
        ObjectNode orders = row.putObject("orders");
        Map<OrderStatus, Long> by = m.ordersByFinalStatus();
        for (OrderStatus s : OrderStatus.values()) {
            orders.put(s.name(), by.getOrDefault(s, 0L));
        }
    }

    private static String plain(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }

    /** Reads the log to its trailer: the final State digest and chain value. */
    private static void trailer(ObjectNode row, Path log) throws IOException {
        try (GoldenLogReader in = GoldenLogReader.open(log)) {
            while (in.next()) {
                // to the trailer
            }
            row.put("stateDigest", in.trailerDigest());
            row.put("chain", hex(in.trailerChain()));
        }
    }

    /** For a run that threw: the last entry the log holds and its chain value. */
    private static void lastEntry(ObjectNode row, Path log) {
        try (GoldenLogReader in = GoldenLogReader.open(log)) {
            long chain = 0;
            try {
                while (in.next()) {
                    if (in.kind() == GoldenLogReader.Kind.ENTRY) {
                        chain = in.chain();
                    }
                }
            } catch (RuntimeException | IOException e) {
                // the log ends without a trailer: what was read is what there is
            }
            row.put("entries", in.lastEntry() + 1);
            if (in.lastEntry() >= 0) {
                row.put("chain", hex(chain));
            }
        } catch (RuntimeException | IOException e) {
            row.put("entries", 0);
        }
    }

    /** The chain value as {@code tc inspect} prints it. */
    static String hex(long v) {
        return String.format("0x%016x", v);
    }

    private static String error(ObjectNode row, String reason) {
        row.put("status", "error");
        row.put("error", reason);
        return row.toString();
    }

    private static void closeQuietly(DatasetInput in) {
        if (in != null) {
            try {
                in.close();
            } catch (RuntimeException | IOException e) {
                // closing a reader does not change the run's result
            }
        }
    }
}

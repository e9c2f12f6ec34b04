package io.tradingchassis.replay.cli;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.config.SyntheticMarketModel;
import io.tradingchassis.runtime.InputSource;
import io.tradingchassis.runtime.backtest.Backtest;
import io.tradingchassis.runtime.backtest.DatasetInput;
import io.tradingchassis.runtime.backtest.RunIdentity;
import io.tradingchassis.runtime.backtest.RunMetrics;
import io.tradingchassis.runtime.backtest.StreamRecorder;
import io.tradingchassis.runtime.backtest.SyntheticMarket;
import io.tradingchassis.runtime.dataset.Dataset;
import io.tradingchassis.runtime.dataset.DatasetFormatException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tc backtest}: the local backtest (SPEC §12), the main job. Market data (a dataset, or the
 * configuration's seeded synthetic market) → runtime → core → strategy → simulated venue; the whole
 * stream is recorded and the run folder {@code OUT/<run-id>/} gets {@code stream.tcds}, {@code fills.csv},
 * {@code summary.json} and {@code report.html}.
 */
@Command(name = "backtest",
        sortOptions = false,
        description = {"Run a strategy over market data against the simulated venue, record the whole stream, and "
                + "write the run's results.",
                "Without --data the configuration's seeded synthetic market is used (syntheticMarket.seed, .events), "
                        + "so a fresh clone runs with no data. With --data the dataset (from 'tc import') must be "
                        + "for the configuration's instruments[0]: same symbol, tick and lot size.",
                "Writes OUT/<run-id>/: stream.tcds (every entry, in processing order), fills.csv, summary.json "
                        + "(run identity, counts, orders by final status, position, PnL, drawdown, and a separate "
                        + "wallClock section) and report.html (self-contained plots). The run id is derived from "
                        + "the dataset id, the configuration fingerprint, the strategy and the code version: the "
                        + "same inputs give the same folder and the same bytes (but wallClock)."},
        exitCodeList = {TcCommand.EXIT_LINE_OK,
                "2:invalid input (configuration, dataset, a dataset for another instrument) or usage",
                TcCommand.EXIT_LINE_INTERNAL, TcCommand.EXIT_LINE_OUTPUT, TcCommand.EXIT_LINE_IO},
        footer = {"Examples:",
                "  tc backtest --config runtime/local/local.json",
                "  tc import binance ../shared/data/binance/usdm-btcusdt_20240808.gz --symbol BTCUSDT --futures \\",
                "      --out .runtime/usdm.tcds",
                "  tc backtest --config runtime/local/usdm-btcusdt.json --data .runtime/usdm.tcds"})
final class BacktestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "runtime/local/local.json",
            description = "Configuration file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--data", paramLabel = "DATASET",
            description = "Dataset to replay (from 'tc import'); default: the configuration's synthetic market.")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".runtime/local/results",
            description = "Where run folders go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--quiet", description = "No progress bar on standard error.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(config)) {
            throw new UserInputException(config + ": no such configuration file");
        }
        CoreConfiguration cfg = CoreConfiguration.load(config);
        if (cfg.instruments().isEmpty()) {
            throw new UserInputException(config + ": $.instruments: a backtest needs at least one instrument");
        }
        InputSource market;
        InputSource feed;
        String datasetId;
        long total;
        DatasetInput dataset = null;
        DatasetInput venueFeed = null;
        if (data != null) {
            try {
                datasetId = Dataset.id(data);
                dataset = DatasetInput.open(data, cfg);
                venueFeed = DatasetInput.open(data, cfg); // the venue's own reader of the same data
            } catch (NoSuchFileException e) {
                throw new UserInputException(data + ": no such dataset");
            } catch (DatasetFormatException | IllegalArgumentException e) {
                throw new UserInputException(e.getMessage());
            }
            market = dataset;
            feed = venueFeed;
            total = dataset.eventCount();
        } else {
            SyntheticMarketModel sm = cfg.syntheticMarket();
            market = SyntheticMarket.of(sm);
            feed = SyntheticMarket.of(sm); // the venue's own copy: same seed, same rows
            datasetId = "synthetic:seed=" + sm.seed() + ",events=" + sm.events() + ",midTicks=" + sm.midTicks();
            total = sm.events();
        }
        Backtest backtest = Backtest.simulated(cfg, market, datasetId, feed);
        RunIdentity id = backtest.identity();
        Path dir = out.resolve(id.runId());
        RunMetrics m;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new OutputFileException(dir + ": cannot create the run folder: " + e.getMessage());
        }
        Progress progress = new Progress(quiet, total);
        try (StreamRecorder stream = StreamRecorder.create(dir.resolve("stream.tcds"), cfg)) {
            m = backtest.run(dir, stream, progress::update);
            stream.commit();
        } finally {
            progress.close();
            try {
                if (dataset != null) {
                    dataset.close();
                }
            } finally {
                if (venueFeed != null) {
                    venueFeed.close();
                }
            }
        }
        BigDecimal position = m.lotSize().multiply(BigDecimal.valueOf(m.positionLots())).stripTrailingZeros();
        spec.commandLine().getOut().print("OK run " + id.runId() + ": " + m.entries() + " entries, "
                + m.fills().size() + " fills, position " + position.toPlainString() + ", marked PnL "
                + m.markedPnl().stripTrailingZeros().toPlainString() + "\n  results: " + dir + "\n");
        return TcCommand.EXIT_OK;
    }

    /** A progress bar on stderr, shown only once a run has taken more than a second. */
    private static final class Progress {
        private final boolean quiet;
        private final long total;
        private final long startedNs = System.nanoTime(); // wall clock: only for when to show the bar
        private ProgressBar bar;

        Progress(boolean quiet, long total) {
            this.quiet = quiet;
            this.total = total;
        }

        void update(long entries) {
            if (quiet) {
                return;
            }
            if (bar == null && System.nanoTime() - startedNs > 1_000_000_000L) {
                bar = new ProgressBarBuilder().setTaskName("backtest").setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII).setUnit(" entries", 1).continuousUpdate().build();
            }
            if (bar != null) {
                bar.maxHint(Math.max(total, entries));
                bar.stepTo(entries);
            }
        }

        void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}

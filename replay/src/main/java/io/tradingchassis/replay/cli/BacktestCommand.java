package io.tradingchassis.replay.cli;

import io.tradingchassis.runtime.backtest.Backtest;
import io.tradingchassis.runtime.backtest.RunIdentity;
import io.tradingchassis.runtime.backtest.RunMetrics;
import io.tradingchassis.runtime.backtest.StreamRecorder;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
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
        RunMetrics m;
        Path dir;
        RunIdentity id;
        try (RunInputs in = RunInputs.open(config, data)) {
            Backtest backtest = in.backtest();
            id = backtest.identity();
            dir = out.resolve(id.runId());
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new OutputFileException(dir + ": cannot create the run folder: " + e.getMessage());
            }
            Progress progress = new Progress(quiet, in.total);
            try (StreamRecorder stream = StreamRecorder.create(dir.resolve("stream.tcds"), in.configuration)) {
                m = backtest.run(dir, stream, progress::update);
                stream.commit();
            } finally {
                progress.close();
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

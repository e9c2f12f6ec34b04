package io.tradingchassis.replay.cli;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.replay.golden.Recording;
import io.tradingchassis.runtime.InputSource;
import io.tradingchassis.runtime.backtest.Backtest;
import io.tradingchassis.runtime.backtest.DatasetInput;
import io.tradingchassis.runtime.backtest.RunMetrics;
import io.tradingchassis.runtime.backtest.SyntheticMarket;
import io.tradingchassis.runtime.dataset.Dataset;
import io.tradingchassis.runtime.dataset.DatasetFormatException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tc record}: run a backtest and record it as a golden log (SPEC §13). */
@Command(name = "record",
        sortOptions = false,
        description = {"Run a backtest (as 'tc backtest': market → runtime → core → strategy → simulated venue) and "
                + "record it as a golden log: every entry with its XXH3-64 chain value, a full State digest every "
                + "checkpointInterval positions, and a trailer.",
                "The log is written as the run goes, in batches: a run that is killed leaves an intact prefix that "
                        + "'tc replay --prefix' verifies."},
        exitCodeList = {TcCommand.EXIT_LINE_OK, "2:invalid input (configuration, dataset) or usage",
                TcCommand.EXIT_LINE_INTERNAL, TcCommand.EXIT_LINE_OUTPUT},
        footer = {"Examples:",
                "  tc record --config runtime/local/local.json --out run.tcgl",
                "  tc replay run.tcgl"})
final class RecordCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "Configuration file.")
    Path config;

    @Option(names = "--data", paramLabel = "DATASET",
            description = "Dataset to replay (from 'tc import'); default: the configuration's synthetic market.")
    Path data;

    @Option(names = "--out", paramLabel = "LOG", required = true, description = "The golden log to write (.tcgl).")
    Path out;

    @Option(names = "--force", description = "Replace LOG if it exists.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(config)) {
            throw new UserInputException(config + ": no such configuration file");
        }
        CoreConfiguration cfg = CoreConfiguration.load(config);
        if (cfg.instruments().isEmpty()) {
            throw new UserInputException(config + ": $.instruments: a run needs at least one instrument");
        }
        if (Files.exists(out) && !force) {
            throw new OutputFileException(out + ": exists (--force replaces it)");
        }
        Path parent = out.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new OutputFileException(parent + ": cannot create the folder for the log: " + e.getMessage());
        }
        InputSource market;
        InputSource feed;
        String datasetId;
        DatasetInput a = null;
        DatasetInput b = null;
        RunMetrics m;
        try {
            if (data != null) {
                try {
                    datasetId = Dataset.id(data);
                    a = DatasetInput.open(data, cfg);
                    b = DatasetInput.open(data, cfg);
                } catch (NoSuchFileException e) {
                    throw new UserInputException(data + ": no such dataset");
                } catch (DatasetFormatException | IllegalArgumentException e) {
                    throw new UserInputException(e.getMessage());
                }
                market = a;
                feed = b;
            } else {
                market = SyntheticMarket.of(cfg.syntheticMarket());
                feed = SyntheticMarket.of(cfg.syntheticMarket());
                datasetId = Recording.syntheticId(cfg.syntheticMarket());
            }
            try {
                m = Recording.record(Backtest.simulated(cfg, market, datasetId, feed), out, force, n -> { });
            } catch (FileAlreadyExistsException e) {
                throw new OutputFileException(out + ": exists (--force replaces it)");
            }
        } finally {
            if (a != null) {
                a.close();
            }
            if (b != null) {
                b.close();
            }
        }
        spec.commandLine().getOut().print("OK recorded " + m.entries() + " entries to " + out + "\n");
        return TcCommand.EXIT_OK;
    }
}

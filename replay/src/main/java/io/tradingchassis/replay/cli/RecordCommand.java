package io.tradingchassis.replay.cli;

import io.tradingchassis.replay.golden.Recording;
import io.tradingchassis.runtime.backtest.RunMetrics;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
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
        if (Files.exists(out) && !force) {
            throw new OutputFileException(out + ": exists (--force replaces it)");
        }
        RunMetrics m;
        try (RunInputs in = RunInputs.open(config, data)) {
            Path parent = out.toAbsolutePath().getParent();
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new OutputFileException(parent + ": cannot create the folder for the log: " + e.getMessage());
            }
            try {
                m = Recording.record(in.backtest(), out, force, n -> { });
            } catch (FileAlreadyExistsException e) {
                throw new OutputFileException(out + ": exists (--force replaces it)");
            }
        }
        spec.commandLine().getOut().print("OK recorded " + m.entries() + " entries to " + out + "\n");
        return TcCommand.EXIT_OK;
    }
}

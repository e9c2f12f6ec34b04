package io.tradingchassis.replay.cli;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.replay.verify.Replayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tc replay}: re-run the core over a golden log and verify everything it records (SPEC §13). */
@Command(name = "replay",
        sortOptions = false,
        description = {"Re-run the core over a golden log (binary .tcgl or YAML .tcgl.yaml) and verify every chain "
                + "value, every checkpoint's State digest, every dispatch record against the dispatch request the "
                + "core re-derives, and the trailer. Stops at the first divergence and names its position.",
                "Exit 0 only when everything matches."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {LogFiles.EXIT_LINES_HEAD, "2:invalid input or usage", "3:unknown format version",
                "4:corrupt log", "5:chain mismatch", "6:truncated log", "7:missing trailer",
                "8:header fingerprint mismatch", "9:behaviour changed", "10:configuration mismatch",
                "70:internal error"},
        footer = {"Examples:",
                "  tc replay run.tcgl",
                "  tc replay --prefix killed-run.tcgl",
                "  tc replay run.tcgl --config other.json --allow-config-change"})
final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "LOG", description = "The golden log.")
    Path log;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Replay under this configuration (its fingerprint must be the log's).")
    Path config;

    @Option(names = "--allow-config-change",
            description = "With --config: replay under a different configuration and report where behaviour first differs.")
    boolean allowChange;

    @Option(names = "--prefix", description = "Accept a log without trailer (a recording cut off) and verify its "
            + "intact prefix.")
    boolean prefix;

    @Override
    public Integer call() throws IOException {
        Replayer r = new Replayer(StrategyCatalog.standard()).prefix(prefix);
        if (config != null) {
            if (!Files.isRegularFile(config)) {
                throw new UserInputException(config + ": no such configuration file");
            }
            r.configuration(CoreConfiguration.load(config), allowChange);
        }
        Replayer.Outcome o = LogFiles.replay(r, log);
        String what = o.complete() ? "OK " + log + ": " + o.entries() + " entries, " + o.checkpoints()
                + " checkpoints and the trailer verified"
                : "OK prefix of " + log + ": " + o.entries() + " entries (positions 0.." + (o.entries() - 1) + ") and "
                        + o.checkpoints() + " checkpoints verified; the log has no trailer";
        spec.commandLine().getOut().print(what + "\n  chain " + Replayer.hex(o.chain()) + ", state " + o.stateDigest()
                + "\n");
        return TcCommand.EXIT_OK;
    }
}

package io.tradingchassis.replay.cli;

import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.replay.golden.Scenario;
import io.tradingchassis.replay.log.LogException;
import io.tradingchassis.replay.log.LogYaml;
import io.tradingchassis.replay.verify.LogDiff;
import io.tradingchassis.replay.verify.Replayer;
import io.tradingchassis.replay.verify.StateTree;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tc bless}: re-record one expected golden, by name, after printing its diff. */
@Command(name = "bless",
        sortOptions = false,
        description = {"Re-record the golden NAME from its scenario (DIR/scenarios/NAME.json), print how it differs "
                + "from the expected log (DIR/logs/NAME.tcgl.yaml or NAME.tcgl), then replace the expected log. Only "
                + "by name: there is no --all, so every change is read before it is accepted."},
        exitCodeList = {"0:blessed (or unchanged)", "2:invalid input (no such golden, a bad scenario) or usage",
                "73:the golden could not be written", "70:internal error"},
        footer = {"Example:", "  tc bless ioc-expiry"})
final class BlessCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "The golden's name.")
    String name;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "golden",
            description = "The golden corpus (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--shared", paramLabel = "DIR", defaultValue = "../shared/data",
            description = "Where recordings named by scenarios are (default: ${DEFAULT-VALUE}).")
    Path shared;

    @Option(names = "--all", hidden = true)
    boolean all;

    @Override
    public Integer call() throws IOException {
        if (all) {
            throw new UserInputException("--all is refused: bless names one golden, so every changed golden's diff "
                    + "is read before it is accepted");
        }
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new UserInputException("give the NAME of one golden (letters, digits, '.', '_', '-')");
        }
        Path scenarioFile = dir.resolve("scenarios").resolve(name + ".json");
        if (!Files.isRegularFile(scenarioFile)) {
            throw new UserInputException(scenarioFile + ": no such golden scenario");
        }
        Scenario s;
        try {
            s = Scenario.load(scenarioFile, StrategyCatalog.standard());
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        Path logs = dir.resolve("logs");
        Files.createDirectories(logs);
        Path yaml = logs.resolve(name + LogYaml.EXTENSION);
        Path bin = logs.resolve(name + ".tcgl");
        boolean binaryForm = Files.exists(bin) && !Files.exists(yaml);
        Path fresh = Files.createTempFile("tc-bless-", ".tcgl");
        Path work = Files.createTempDirectory("tc-bless-");
        PrintWriter out = spec.commandLine().getOut();
        try {
            s.record(fresh, shared, work);
            try {
                new Replayer(StrategyCatalog.standard()).replay(fresh);
            } catch (LogException e) {
                throw new UserInputException(scenarioFile + ": its recording does not replay, so it is not blessed: "
                        + e.naming(fresh, Path.of(name + " (fresh recording)")).getMessage());
            }
            Path expected = binaryForm ? bin : Files.exists(yaml) ? LogFiles.binary(yaml) : null;
            if (expected == null) {
                out.print("new golden " + name + "\n");
            } else {
                LogDiff.Result r = LogDiff.compare(expected, fresh, StrategyCatalog.standard());
                if (r.equal()) {
                    out.print("unchanged: " + name + " (" + r.entries() + " entries)\n");
                    return TcCommand.EXIT_OK;
                }
                out.print(name + ": differs at position " + r.position() + "\n  was: " + r.eventA() + "\n  now: "
                        + r.eventB() + "\n");
                for (StateTree.Difference d : r.differences()) {
                    out.print("    " + d + "\n");
                }
            }
            try {
                if (binaryForm) {
                    Files.copy(fresh, bin, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    LogYaml.writeFile(fresh, yaml);
                }
            } catch (IOException e) {
                throw new OutputFileException((binaryForm ? bin : yaml) + ": cannot write the golden: " + e.getMessage());
            }
            out.print("blessed " + (binaryForm ? bin : yaml) + "\n");
            return TcCommand.EXIT_OK;
        } finally {
            Files.deleteIfExists(fresh);
            try (var files = Files.list(work)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(work);
        }
    }
}

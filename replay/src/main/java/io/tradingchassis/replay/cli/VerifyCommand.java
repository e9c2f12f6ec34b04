package io.tradingchassis.replay.cli;

import io.tradingchassis.replay.log.LogException;
import io.tradingchassis.replay.log.LogFormat;
import io.tradingchassis.replay.log.LogYaml;
import io.tradingchassis.replay.verify.Replayer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tc verify}: replay every golden log in a folder. */
@Command(name = "verify",
        description = {"Replay every golden log in DIR (*.tcgl and *.tcgl.yaml, in name order) as 'tc replay' does, "
                + "one line per log. Exit non-zero if any fails."},
        exitCodeList = {"0:every log verifies", "1:at least one log fails (each failure is named on its line)",
                "2:invalid input or usage", "70:internal error"},
        footer = {"Example:", "  tc verify golden/logs"})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Folder of golden logs.")
    Path dir;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException(dir + ": no such folder");
        }
        List<Path> logs;
        try (Stream<Path> s = Files.list(dir)) {
            logs = s.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(LogFormat.EXTENSION) || n.endsWith(LogYaml.EXTENSION);
            }).sorted().toList();
        }
        if (logs.isEmpty()) {
            throw new UserInputException(dir + ": no golden logs (*.tcgl, *.tcgl.yaml)");
        }
        PrintWriter out = spec.commandLine().getOut();
        int failed = 0;
        for (Path p : logs) {
            try {
                Replayer.Outcome o = LogFiles.replay(p);
                out.print("ok   " + p.getFileName() + ": " + o.entries() + " entries\n");
            } catch (LogException e) {
                failed++;
                out.print("FAIL " + p.getFileName() + ": " + TcCommand.oneLine(e.getMessage()) + " (exit "
                        + e.failure().exitCode() + ")\n");
            }
            out.flush();
        }
        out.print(failed == 0 ? "all " + logs.size() + " golden logs verify\n"
                : failed + " of " + logs.size() + " golden logs fail\n");
        return failed == 0 ? TcCommand.EXIT_OK : DiffCommand.EXIT_DIFFER;
    }
}

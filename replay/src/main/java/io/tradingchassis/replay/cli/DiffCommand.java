package io.tradingchassis.replay.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.replay.log.EventRecords;
import io.tradingchassis.replay.log.LogException;
import io.tradingchassis.replay.log.LogFailure;
import io.tradingchassis.replay.verify.LogDiff;
import io.tradingchassis.replay.verify.Replayer;
import io.tradingchassis.replay.verify.StateTree;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tc diff}: the first difference between two golden logs, or between a log and its re-run. */
@Command(name = "diff",
        sortOptions = false,
        description = {"Compare two golden logs entry by entry while the core folds each, and print the first "
                + "divergent position, both events, both steps' results and the State paths that differ after it "
                + "(execution.orders[42].status: ACCEPTED ≠ REJECTED). With --replay, compare a log with its own "
                + "re-run by this core.",
                "Exit 0 when equal, 1 when they differ."},
        exitCodeList = {"0:equal", "1:the logs differ", "2:invalid input or usage", "3:unknown format version",
                "4:corrupt log", "6:truncated log", "7:missing trailer", "8:header fingerprint mismatch",
                "70:internal error"},
        footer = {"Examples:",
                "  tc diff expected.tcgl actual.tcgl",
                "  tc diff --json expected.tcgl.yaml actual.tcgl",
                "  tc diff --replay run.tcgl"})
final class DiffCommand implements Callable<Integer> {
    /** Exit code when the logs differ. */
    static final int EXIT_DIFFER = 1;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "LOG", arity = "1..2", description = "Two logs A B (or one, with --replay).")
    List<Path> logs;

    @Option(names = "--replay", description = "Compare the one LOG with its re-run by this core.")
    boolean replay;

    @Option(names = "--json", description = "Print the difference as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (replay) {
            if (logs.size() != 1) {
                throw new UserInputException("--replay compares one LOG with its re-run: give exactly one");
            }
            return replayDiff(out, logs.get(0));
        }
        if (logs.size() != 2) {
            throw new UserInputException("give two logs A B (or one with --replay)");
        }
        LogDiff.Result r = LogDiff.compare(LogFiles.binary(logs.get(0)), LogFiles.binary(logs.get(1)),
                StrategyCatalog.standard());
        if (json) {
            out.print(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJson(r)) + "\n");
        } else if (r.equal()) {
            out.print("equal: " + r.entries() + " entries with the same bytes and chain values\n");
        } else {
            out.print("differ at position " + r.position() + " (after " + r.entries() + " equal entries)\n");
            out.print("  A: " + (r.eventA() == null ? "(ends here)" : r.eventA()) + "\n");
            out.print("  B: " + (r.eventB() == null ? "(ends here)" : r.eventB()) + "\n");
            out.print("  chain A " + Replayer.hex(r.chainA()) + ", B " + Replayer.hex(r.chainB()) + "\n");
            if (r.resultA() != null && !r.resultA().equals(r.resultB())) {
                out.print("  result A: " + r.resultA() + "\n  result B: " + r.resultB() + "\n");
            }
            out.print(r.differences().isEmpty() ? "  State after it: no path differs\n" : "  State after it:\n");
            for (StateTree.Difference d : r.differences()) {
                out.print("    " + d + "\n");
            }
        }
        return r.equal() ? TcCommand.EXIT_OK : EXIT_DIFFER;
    }

    private static ObjectNode toJson(LogDiff.Result r) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("equal", r.equal());
        o.put("entriesEqual", r.entries());
        if (!r.equal()) {
            o.put("position", r.position());
            ObjectNode a = o.putObject("a");
            ObjectNode b = o.putObject("b");
            if (r.eventA() != null) {
                a.set("event", EventRecords.toJson(r.eventA()));
                a.put("chain", Replayer.hex(r.chainA()));
                a.put("result", r.resultA());
            }
            if (r.eventB() != null) {
                b.set("event", EventRecords.toJson(r.eventB()));
                b.put("chain", Replayer.hex(r.chainB()));
                b.put("result", r.resultB());
            }
            ArrayNode st = o.putArray("state");
            for (StateTree.Difference d : r.differences()) {
                ObjectNode x = st.addObject();
                x.put("path", d.path());
                x.put("a", d.left());
                x.put("b", d.right());
            }
        }
        return o;
    }

    private int replayDiff(PrintWriter out, Path log) throws IOException {
        try {
            Replayer.Outcome o = LogFiles.replay(log);
            out.print(json ? "{\"equal\": true, \"entriesEqual\": " + o.entries() + "}\n"
                    : "equal: " + log + " and its re-run agree on all " + o.entries() + " entries\n");
            return TcCommand.EXIT_OK;
        } catch (LogException e) {
            if (e.failure() != LogFailure.CHAIN_MISMATCH && e.failure() != LogFailure.BEHAVIOUR_CHANGED) {
                throw e;
            }
            if (json) {
                ObjectNode o = new ObjectMapper().createObjectNode();
                o.put("equal", false);
                o.put("position", e.position());
                o.put("detail", e.getMessage());
                out.print(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n");
            } else {
                out.print("differ at position " + e.position() + ": " + e.getMessage() + "\n");
            }
            return EXIT_DIFFER;
        }
    }
}

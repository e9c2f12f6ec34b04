package io.tradingchassis.replay.cli;

import io.tradingchassis.core.event.EventType;
import io.tradingchassis.replay.log.LogYaml;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tc inspect}: a golden log's entries as YAML. */
@Command(name = "inspect",
        sortOptions = false,
        description = {"Print a golden log as YAML (Chronicle Wire): the header, then one document per entry "
                + "(position, event with its fields by name, chain value), checkpoint and the trailer. With --from, "
                + "--to or --type, the header and the matching entries only. The full YAML converts back to the "
                + "same binary log."},
        exitCodeList = {TcCommand.EXIT_LINE_OK, "2:invalid input or usage", "3:unknown format version",
                "4:corrupt log", "6:truncated log", "7:missing trailer", TcCommand.EXIT_LINE_IO},
        footer = {"Examples:",
                "  tc inspect run.tcgl --from 100 --to 120",
                "  tc inspect run.tcgl --type ORDER_FILLED,ORDER_SUBMITTED"})
final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "LOG", description = "The golden log.")
    Path log;

    @Option(names = "--from", paramLabel = "N", defaultValue = "0", description = "First position shown.")
    long from;

    @Option(names = "--to", paramLabel = "M", defaultValue = "" + Long.MAX_VALUE, description = "Last position shown.")
    long to;

    @Option(names = "--type", paramLabel = "TYPE", split = ",",
            description = "Event types shown (e.g. TRADE,ORDER_FILLED).")
    List<String> types;

    @Override
    public Integer call() throws IOException {
        Set<EventType> only = null;
        if (types != null) {
            only = EnumSet.noneOf(EventType.class);
            for (String t : types) {
                try {
                    only.add(EventType.valueOf(t.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new UserInputException("--type " + t + ": not an event type; one of "
                            + List.of(EventType.values()));
                }
            }
        }
        if (from < 0 || to < from) {
            throw new UserInputException("--from " + from + " --to " + to + ": need 0 <= from <= to");
        }
        LogYaml.write(LogFiles.binary(log), spec.commandLine().getOut(), new LogYaml.Filter(from, to, only));
        return TcCommand.EXIT_OK;
    }
}

package io.tradingchassis.replay.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** The {@code --no-newline} option of the commands that print a canonical form. */
final class OutputOptions {

    @Option(names = "--no-newline",
            description = "Do not print the newline after the canonical text, so the output is exactly the "
                    + "canonical bytes (e.g. to pipe into sha256sum).")
    boolean noNewline;

    /** Prints {@code text}, then {@code \n} unless {@code --no-newline}; never a platform line separator. */
    void print(PrintWriter out, String text) {
        out.print(text);
        if (!noNewline) {
            out.print('\n');
        }
    }
}

package io.tradingchassis.replay.cli;

import io.tradingchassis.core.json.JsonCanonicalizationException;
import io.tradingchassis.core.json.JsonCanonicalizer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tc json}: RFC 8785 canonical form of any JSON text. A text that is not JSON, or breaks an
 * I-JSON rule, is one line {@code tc: <file>: <rule> ... at line:column} and exit code
 * {@value TcCommand#EXIT_INPUT}.
 */
@Command(name = "json",
        description = "Work with arbitrary JSON text (RFC 8785 canonical form).",
        subcommands = {JsonCommand.Canonical.class},
        footer = {"Run 'tc json <command> --help' for details.",
                "",
                "Examples:",
                "  echo '{\"b\":2,\"a\":1}' | tc json canonical -"})
final class JsonCommand implements Runnable {

    /**
     * Largest JSON text {@code tc json canonical} reads: 16 MiB, as for a configuration. Canonicalizing
     * takes many times the input in heap (an object's members are sorted in memory); at this size every
     * shape tried fits a 512 MiB heap, and a larger input is refused with a message naming the limit
     * rather than left to run out of memory.
     */
    static final int MAX_INPUT_BYTES = 16 * 1024 * 1024;

    @Spec
    CommandSpec spec;

    /** No subcommand: a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** {@code tc json canonical [--no-newline] FILE}. */
    @Command(name = "canonical",
            description = {"Print the RFC 8785 (JSON Canonicalization Scheme) form of a JSON text: members "
                    + "sorted, no whitespace, numbers as ECMAScript writes them, UTF-8.",
                    "Duplicate member names, lone surrogates and numbers beyond the double range are errors "
                            + "(I-JSON, RFC 7493).",
                    "The text is followed by one newline unless --no-newline is given."},
            exitCodeList = {TcCommand.EXIT_LINE_OK, TcCommand.EXIT_LINE_INPUT, TcCommand.EXIT_LINE_INTERNAL,
                    TcCommand.EXIT_LINE_IO},
            footer = {"Examples:",
                    "  echo '{\"b\":2,\"a\":1}' | tc json canonical -      # prints {\"a\":1,\"b\":2}"})
    static final class Canonical implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        OutputOptions output;

        @Parameters(index = "0", paramLabel = "FILE",
                description = "JSON file, or '-' to read standard input; at most " + (MAX_INPUT_BYTES >> 20) + " MiB.")
        String file;

        @Override
        public Integer call() {
            Input input = Input.read(file, TcCommand.root(spec).stdin(), MAX_INPUT_BYTES, "a JSON text");
            String canonical;
            try {
                canonical = JsonCanonicalizer.canonicalize(input.text());
            } catch (JsonCanonicalizationException e) {
                throw new UserInputException(input.name() + ": " + e.getMessage());
            }
            output.print(spec.commandLine().getOut(), canonical);
            return TcCommand.EXIT_OK;
        }
    }
}

package io.tradingchassis.replay.cli;

import io.tradingchassis.core.config.CoreConfiguration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tc config}: validate a configuration file, print its fully resolved RFC 8785 form, or print
 * its fingerprint (SPEC §10). An invalid configuration is one line {@code tc: <file>: $.path: rule}
 * on standard error and exit code {@value TcCommand#EXIT_INPUT}.
 */
@Command(name = "config",
        description = "Validate a configuration file, print its fully resolved canonical form, or its fingerprint.",
        subcommands = {ConfigCommand.Validate.class, ConfigCommand.Canonical.class, ConfigCommand.Fingerprint.class},
        footer = {"Run 'tc config <command> --help' for details.",
                "",
                "Examples:",
                "  tc config validate my-config.json"})
final class ConfigCommand implements Runnable {

    private static final String FILE_HELP = "Configuration JSON file, or '-' to read standard input; at most "
            + (CoreConfiguration.MAX_INPUT_BYTES >> 20) + " MiB.";

    @Spec
    CommandSpec spec;

    /** No subcommand: a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** Reads FILE, of at most {@link CoreConfiguration#MAX_INPUT_BYTES} bytes. */
    private static Input read(CommandSpec spec, String file) {
        return Input.read(file, TcCommand.root(spec).stdin(), CoreConfiguration.MAX_INPUT_BYTES, "a configuration");
    }

    /** Reads and validates FILE; throws a ConfigurationException naming the path of the first problem. */
    private static CoreConfiguration load(CommandSpec spec, String file) {
        Input input = read(spec, file);
        return CoreConfiguration.parse(input.text(), input.name());
    }

    /** {@code tc config validate FILE}. */
    @Command(name = "validate",
            description = {"Check a configuration file: every key known, every value valid, schema version "
                    + "supported.",
                    "On success prints one line: OK <file>: schemaVersion N, <k> instrument(s), strategy <id>, "
                            + "fingerprint sha256:<hex>.",
                    "On failure prints one line naming the JSON path and the rule, and exits with 2."},
            exitCodeList = {TcCommand.EXIT_LINE_OK, TcCommand.EXIT_LINE_INPUT, TcCommand.EXIT_LINE_INTERNAL,
                    TcCommand.EXIT_LINE_IO},
            footer = {"Examples:",
                    "  tc config validate my-config.json"})
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = FILE_HELP)
        String file;

        @Override
        public Integer call() {
            Input input = read(spec, file);
            CoreConfiguration c = CoreConfiguration.parse(input.text(), input.name());
            spec.commandLine().getOut().print("OK " + input.name() + ": schemaVersion " + c.schemaVersion() + ", "
                    + c.instruments().size() + " instrument(s), strategy " + c.strategy().id()
                    + ", fingerprint " + c.fingerprint() + "\n");
            return TcCommand.EXIT_OK;
        }
    }

    /** {@code tc config canonical [--no-newline] FILE}. */
    @Command(name = "canonical",
            description = {"Print the fully resolved configuration (every default written out) in RFC 8785 "
                    + "canonical form: the exact text whose SHA-256 is the fingerprint.",
                    "The text is followed by one newline unless --no-newline is given."},
            exitCodeList = {TcCommand.EXIT_LINE_OK, TcCommand.EXIT_LINE_INPUT, TcCommand.EXIT_LINE_INTERNAL,
                    TcCommand.EXIT_LINE_IO},
            footer = {"Examples:",
                    "  tc config canonical --no-newline my-config.json | sha256sum"})
    static final class Canonical implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        OutputOptions output;

        @Parameters(index = "0", paramLabel = "FILE", description = FILE_HELP)
        String file;

        @Override
        public Integer call() {
            output.print(spec.commandLine().getOut(), load(spec, file).canonicalJson());
            return TcCommand.EXIT_OK;
        }
    }

    /** {@code tc config fingerprint FILE}. */
    @Command(name = "fingerprint",
            description = {"Print the configuration's fingerprint, sha256:<hex>: the SHA-256 of its fully "
                    + "resolved RFC 8785 form.",
                    "Key order, whitespace, number spelling and defaults written out or left implicit never "
                            + "change it; any change of meaning does."},
            exitCodeList = {TcCommand.EXIT_LINE_OK, TcCommand.EXIT_LINE_INPUT, TcCommand.EXIT_LINE_INTERNAL,
                    TcCommand.EXIT_LINE_IO},
            footer = {"Examples:",
                    "  tc config fingerprint my-config.json"})
    static final class Fingerprint implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = FILE_HELP)
        String file;

        @Override
        public Integer call() {
            spec.commandLine().getOut().print(load(spec, file).fingerprint() + "\n");
            return TcCommand.EXIT_OK;
        }
    }
}

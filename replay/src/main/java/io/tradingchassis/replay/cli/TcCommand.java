package io.tradingchassis.replay.cli;

import io.tradingchassis.core.config.ConfigurationException;
import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.replay.log.LogException;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code tc}, the TradingChassis-J command-line tool. Subcommands: {@code config} ({@link ConfigCommand}),
 * {@code json} ({@link JsonCommand}) and {@code import} ({@link ImportCommand}).
 *
 * <p>Exit codes: {@value #EXIT_OK} success; {@value #EXIT_INPUT} bad input or wrong usage (one line
 * on standard error, no stack trace); {@value #EXIT_OUTPUT} an output file (a dataset, a report) could not
 * be written; {@value #EXIT_INTERNAL} internal error (a bug: stack trace with {@code --verbose} or
 * {@code TC_DEBUG}); {@value #EXIT_IO} standard output could not be written.
 * Standard output is always UTF-8 and lines end with {@code \n} on every platform.
 */
// The attributes every command shares are declared once here and inherited (scope = INHERIT): help and
// version options, the version provider, and the headings of the command, footer and exit-code lists.
@Command(name = "tc",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = TcCommand.Version.class,
        description = "TradingChassis-J command-line tool: run backtests, record, replay, diff and verify golden "
                + "logs, import market-data recordings into datasets, sweep parameters on Spark, and validate, "
                + "canonicalize and fingerprint configurations.",
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        subcommands = {BacktestCommand.class, RecordCommand.class, ReplayCommand.class, DiffCommand.class,
                VerifyCommand.class, BlessCommand.class, InspectCommand.class, ImportCommand.class,
                SweepHandoffCommand.class, ConfigCommand.class, JsonCommand.class, HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {TcCommand.EXIT_LINE_OK, TcCommand.EXIT_LINE_INPUT, TcCommand.EXIT_LINE_INTERNAL,
                TcCommand.EXIT_LINE_OUTPUT, TcCommand.EXIT_LINE_IO},
        footerHeading = "%n",
        footer = {"Run 'tc <command> --help' for details.",
                "",
                "Examples:",
                "  tc config validate my-config.json",
                "  tc config fingerprint my-config.json",
                "  echo '{\"b\":2,\"a\":1}' | tc json canonical -",
                "  tc import binance usdm-btcusdt_20240808.gz --symbol BTCUSDT --futures \\",
                "      --out btc.tcds",
                "  tc sweep runtime/local/sweep.json --out .runtime/sweep"})
public final class TcCommand implements Runnable {

    /** Success. */
    public static final int EXIT_OK = 0;
    /** Bad input (missing file, malformed JSON, invalid configuration) or wrong usage. */
    public static final int EXIT_INPUT = 2;
    /** An output file (a dataset, a report) could not be created or written (sysexits EX_CANTCREAT). */
    public static final int EXIT_OUTPUT = 73;
    /**
     * An unexpected exception or error: a bug in tc or the library, or the JVM out of memory or stack
     * (sysexits EX_SOFTWARE).
     */
    public static final int EXIT_INTERNAL = 70;
    /** Standard output could not be written (closed pipe, full disk): the output is incomplete (EX_IOERR). */
    public static final int EXIT_IO = 74;

    /** The version when the jar manifest carries none. */
    public static final String FALLBACK_VERSION = "0.1.0-SNAPSHOT";

    /** Environment variable that, when set to a non-empty value, makes internal errors print a stack trace. */
    public static final String DEBUG_ENV = "TC_DEBUG";

    static final String EXIT_LINE_OK = "0:success";
    static final String EXIT_LINE_INPUT = "2:invalid input (missing file, malformed JSON, invalid configuration) or usage";
    static final String EXIT_LINE_OUTPUT = "73:an output file (dataset, report) could not be written";
    static final String EXIT_LINE_INTERNAL =
            "70:internal error (a bug, or out of memory; --verbose or TC_DEBUG=1 prints the stack trace)";
    static final String EXIT_LINE_IO = "74:standard output could not be written";

    private static final String VERBOSE = "--verbose";

    @Spec
    CommandSpec spec;

    @Option(names = VERBOSE, scope = ScopeType.INHERIT,
            description = "Print the stack trace of an internal error (same as environment variable TC_DEBUG=1).")
    boolean verbose;

    private final InputStream stdin;

    /** A command reading standard input from {@link System#in}. */
    public TcCommand() {
        this(System.in);
    }

    /** A command reading standard input ({@code -}) from {@code stdin}. */
    public TcCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    /** Runs {@code tc} with UTF-8 standard output and error, and exits with its exit code. */
    public static void main(String... args) {
        // FileOutputStream, not System.out: a PrintStream hides write errors from PrintWriter.checkError().
        PrintWriter out = new PrintWriter(new BufferedWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8)));
        PrintWriter err = new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        System.exit(run(out, err, System.in, args));
    }

    /**
     * Runs {@code tc} in-process: parses {@code args}, executes the command, flushes both writers.
     * Stack traces of internal errors follow {@code --verbose} or environment variable {@value #DEBUG_ENV};
     * without them, every failure, an {@link Error} such as {@link OutOfMemoryError} included, is reported
     * in one or two lines, never a stack trace.
     *
     * @param out  standard output
     * @param err  standard error
     * @param in   standard input, read when a FILE argument is {@code -}
     * @param args the command line, without {@code tc}
     * @return the exit code
     */
    public static int run(PrintWriter out, PrintWriter err, InputStream in, String... args) {
        String debug = System.getenv(DEBUG_ENV);
        return run(out, err, in, debug != null && !debug.isEmpty(), args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, InputStream, String...)}, with {@code TC_DEBUG} given. */
    static int run(PrintWriter out, PrintWriter err, InputStream in, boolean debug, String... args) {
        CommandLine cmd = new CommandLine(new TcCommand(in));
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
                reportFailure(ex, commandLine.getErr(), debug || verboseRequested(parseResult)));
        int code;
        try {
            code = cmd.execute(args);
        } catch (Error e) {
            // picocli hands only Exceptions to the handler above; an Error (out of memory, stack overflow,
            // a broken class path) leaves execute() and would end the JVM with a stack trace.
            code = reportFailure(e, err, debug || verboseRequested(cmd.getParseResult()));
        }
        out.flush();
        if (out.checkError() && code == EXIT_OK) {
            err.println("tc: cannot write to standard output; the output is incomplete");
            code = EXIT_IO;
        }
        err.flush();
        return code;
    }

    /** No subcommand: a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** Standard input, for FILE arguments spelled {@code -}. */
    InputStream stdin() {
        return stdin;
    }

    /** The {@code tc} command at the root of {@code spec}'s command hierarchy. */
    static TcCommand root(CommandSpec spec) {
        return (TcCommand) spec.root().userObject();
    }

    private static int reportFailure(Throwable ex, PrintWriter err, boolean stackTrace) {
        if (ex instanceof UserInputException || ex instanceof ConfigurationException) {
            // Both messages already name the input: "<file>: <what is wrong>".
            err.println("tc: " + oneLine(ex.getMessage()));
            return EXIT_INPUT;
        }
        if (ex instanceof LogException le) {
            // Names the log, the position or byte offset, and the rule; the kind gives the exit code.
            err.println("tc: " + oneLine(ex.getMessage()));
            return le.failure().exitCode();
        }
        if (ex instanceof OutputFileException) {
            err.println("tc: " + oneLine(ex.getMessage()));
            return EXIT_OUTPUT;
        }
        String resource = resourceExhausted(ex);
        if (resource != null) {
            // Not a bug to send in with a stack trace: the JVM needs more room for this input.
            err.println("tc: internal error: " + resource);
            if (stackTrace) {
                ex.printStackTrace(err);
            }
            return EXIT_INTERNAL;
        }
        err.println("tc: internal error: " + oneLine(ex.toString()));
        if (stackTrace) {
            ex.printStackTrace(err);
        } else {
            err.println("tc: run again with " + VERBOSE + " (or " + DEBUG_ENV + "=1) to see the stack trace");
        }
        return EXIT_INTERNAL;
    }

    /** What ran out, and what to do, for an out-of-memory or stack-overflow error; else {@code null}. */
    private static String resourceExhausted(Throwable ex) {
        if (ex instanceof OutOfMemoryError) {
            String detail = ex.getMessage() == null ? "" : oneLine(ex.getMessage()) + "; ";
            return "out of memory (" + detail + "maximum heap " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB): give java a larger -Xmx, e.g. JAVA_TOOL_OPTIONS=-Xmx2g ./tc ...";
        }
        if (ex instanceof StackOverflowError) {
            return "stack overflow (the input may be nested too deeply for the thread stack): give java a "
                    + "larger -Xss, e.g. JAVA_TOOL_OPTIONS=-Xss16m ./tc ...";
        }
        return null;
    }

    private static boolean verboseRequested(ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(VERBOSE)) {
                return true;
            }
        }
        return false;
    }

    /** {@code s} with line breaks folded, so every diagnostic is one line. */
    static String oneLine(String s) {
        return s == null ? "(no message)" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    /** The jar manifest's Implementation-Version, else {@link #FALLBACK_VERSION}. */
    public static String version() {
        String v = TcCommand.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? FALLBACK_VERSION : v;
    }

    /** {@code --version}: the tool version and the configuration schema it reads. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tc " + version() + " (TradingChassis-J; configuration schemaVersion "
                    + CoreConfiguration.CURRENT_SCHEMA_VERSION + ")"};
        }
    }
}

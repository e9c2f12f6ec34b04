package io.tradingchassis.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tc-sweep SWEEP.json [--master M] [--out DIR] [--keep-logs] [--quiet]}: a parameter sweep on Spark. */
@Command(name = "tc sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a parameter sweep on Spark: every point of SWEEP.json's grid (axes or runs) over every "
                + "dataset, each run the same code path as 'tc backtest'.",
                "Writes OUT/sweep.csv and OUT/sweep.json sorted by run id: run identity, axis values, final "
                        + "position, realized and marked PnL, max drawdown, fills, orders by final status, the "
                        + "final State digest and golden-log chain value. Progress on stderr."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every run done, including runs that failed: each is a row with status=error, its "
                + "error, and the entries and chain value recorded before it (see sweep.csv)",
                "2:invalid SWEEP.json or usage",
                "70:internal error: the sweep failed as a whole (e.g. Spark could not run it); no output",
                "73:an output file could not be written"},
        footer = {"Example (./tc sweep runs ./tc-sweep, this module's launcher; either works):",
                "  ./tc sweep runtime/local/sweep.json --master 'local[*]' --out .runtime/sweep",
                "On a cluster (sweep/README.md):",
                "  spark-submit --master spark://host:7077 --class io.tradingchassis.sweep.SweepCommand \\",
                "    tradingchassis-sweep-<version>-job.jar sweep.json --out /shared/sweep"})
public final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SWEEP.json", description = "The sweep: base, axes or runs, datasets.")
    Path sweep;

    @Option(names = "--master", defaultValue = "${sys:spark.master:-local[*]}",
            description = "Spark master: local[*], local[N], spark://host:7077, k8s://… (default: the one "
                    + "spark-submit was given, else local[*]; here: ${DEFAULT-VALUE}).")
    String master;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".runtime/sweep",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--keep-logs", description = "Keep each run's golden log as OUT/logs/<run-id>.tcgl (a run "
            + "that failed: the log up to its last entry, without a trailer; 'tc replay --prefix' checks it). "
            + "Executors must share OUT's file system.")
    boolean keepLogs;

    @Option(names = "--quiet", description = "No progress on standard error.")
    boolean quiet;

    @Option(names = "--spark", description = "Use Spark even for a local sweep of fewer than "
            + IN_PROCESS_BELOW + " runs (which otherwise run in this JVM: Spark's session start, about 4 s, "
            + "would dominate).")
    boolean forceSpark;

    /** A local sweep of fewer runs than this runs in-process unless {@code --spark}. */
    static final int IN_PROCESS_BELOW = 4;

    /** Exit code: the sweep failed as a whole. */
    static final int EXIT_INTERNAL = 70;

    /** Exit code: an output file could not be written. */
    static final int EXIT_OUTPUT = 73;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(sweep)) {
            System.err.println("tc-sweep: " + sweep + ": no such file");
            return 2;
        }
        SweepSpec spec;
        try {
            spec = SweepSpec.load(sweep);
        } catch (SweepSpecException e) {
            System.err.println("tc-sweep: " + e.getMessage());
            return 2;
        }
        String logs = keepLogs ? out.resolve("logs").toAbsolutePath().toString() : null;
        SweepJob.Result result;
        String ranOn = master;
        if (master.startsWith("local") && spec.runs().size() < IN_PROCESS_BELOW && !forceSpark) {
            ranOn = "in-process";
            System.err.println("tc-sweep: " + spec.runs().size() + " runs in this JVM, without Spark (fewer than "
                    + IN_PROCESS_BELOW + " runs on " + master + "; --spark to use Spark)");
            result = SweepJob.runInProcess(spec, logs, quiet ? null : System.err);
        } else {
            System.err.println("tc-sweep: " + spec.runs().size() + " runs on " + master);
            try (JavaSparkContext sc = new JavaSparkContext(SweepJob.conf(master))) {
                result = SweepJob.run(sc, spec, logs, quiet ? null : System.err);
            }
        }
        try {
            SweepJob.write(out, spec, result, ranOn);
        } catch (IOException e) {
            System.err.println("tc-sweep: " + out + ": cannot write the results: " + e);
            return EXIT_OUTPUT;
        }
        System.out.println("OK sweep: " + result.rows().size() + " runs, " + result.errors() + " failed; results: "
                + out.resolve("sweep.csv"));
        return 0;
    }

    /** Runs the command; exits with its code. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs the command line {@code args}; returns the exit code. A failure of the sweep as a whole (anything
     * thrown, Spark's job failing included) is one line, then the stack trace (a Spark failure's cause is
     * deep in it), and {@value #EXIT_INTERNAL}.
     */
    public static int execute(String... args) {
        CommandLine cmd = new CommandLine(new SweepCommand());
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> internalError(ex));
        try {
            return cmd.execute(args);
        } catch (Error e) {
            // picocli hands only Exceptions to the handler (an Error: out of memory, a broken class path)
            return internalError(e);
        }
    }

    private static int internalError(Throwable t) {
        System.err.println("tc-sweep: internal error: " + t);
        t.printStackTrace();
        return EXIT_INTERNAL;
    }
}

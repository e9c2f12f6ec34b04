package io.tradingchassis.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A timed benchmark (not a unit test, not JMH; surefire does not run it): the same sweep on Spark
 * ({@code MASTER}, default {@code local[2]}) and as a plain loop in this JVM, in one session, reporting
 * runs/s, events/s and their ratio. Spark's session start is counted separately (it is paid once).
 *
 * <pre>
 * java -cp sweep/target/test-classes:sweep/target/classes:$(cat sweep/target/classpath.txt) \
 *     io.tradingchassis.sweep.SweepBench SWEEP.json [MASTER]
 * </pre>
 */
public final class SweepBench {
    private SweepBench() {
    }

    /** {@code SWEEP.json [MASTER]}. */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String master = args.length > 1 ? args[1] : "local[2]";
        SweepSpec spec = SweepSpec.load(file);
        Path out = Files.createTempDirectory("tc-sweep-bench");
        long t0 = System.nanoTime(); // wall clock: this is a timed benchmark
        SweepJob.Result spark;
        long sessionNs;
        try (JavaSparkContext sc = new JavaSparkContext(SweepJob.conf(master))) {
            sessionNs = System.nanoTime() - t0;
            SweepJob.run(sc, spec, null, null); // warm-up
            spark = SweepJob.run(sc, spec, null, null);
        }
        SweepJob.runInProcess(spec, null, null); // warm-up
        SweepJob.Result loop = SweepJob.runInProcess(spec, null, null);
        long events = loop.rows().stream().mapToLong(r -> r.path("entries").asLong()).sum();
        SweepJob.write(out.resolve("spark"), spec, spark, master);
        SweepJob.write(out.resolve("loop"), spec, loop, "in-process");
        boolean same = Files.readString(out.resolve("spark/sweep.csv")).equals(Files.readString(out.resolve("loop/sweep.csv")));
        int n = spec.runs().size();
        System.out.printf("%d runs, %d entries; Spark session start %.2f s (once)%n", n, events, sessionNs / 1e9);
        System.out.printf("%-12s %8.2f s %8.2f runs/s %12.0f entries/s%n", master, spark.wallNs() / 1e9,
                n / (spark.wallNs() / 1e9), events / (spark.wallNs() / 1e9));
        System.out.printf("%-12s %8.2f s %8.2f runs/s %12.0f entries/s%n", "plain loop", loop.wallNs() / 1e9,
                n / (loop.wallNs() / 1e9), events / (loop.wallNs() / 1e9));
        System.out.printf("ratio Spark/loop throughput: %.2f; sweep.csv identical: %s; JDK %s, %d cores%n",
                (double) loop.wallNs() / spark.wallNs(), same, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
    }
}

package io.tradingchassis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.OperatingSystemMXBean;
import io.tradingchassis.sweep.SweepJob;
import io.tradingchassis.sweep.SweepSpec;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A timed benchmark of parameter sweeps (issue 12): wall clock ({@code System.nanoTime}), not JMH and not
 * a unit test (it is in bench's main sources; surefire never runs it). In one JVM and one session, every
 * sweep given is run on Spark ({@code --master}, default {@code local[2]}) and as a plain loop in this JVM
 * ({@link SweepJob#runInProcess}: the same {@code SweepTask} per run, one after another), each after a
 * warm-up; the Spark session start is timed separately (it is paid once per sweep command). For each sweep
 * it reports runs/s and events/s of both, their ratio, where the Spark time goes (the tasks' own time,
 * their concurrency, the per-task overhead) and whether both {@code sweep.csv} are byte-identical; it
 * exits 1 if they are not, or if a run failed.
 *
 * <p>The warm-up is a smaller sweep (default: at most 8 runs, the first values of the leading axes) on
 * Spark and then in the loop, before anything is measured; both share this JVM's JIT, so the second
 * measured path is not favoured by the first's compilation. {@code bench/sweep-bench.sh} writes the sweeps
 * (32 market-maker runs over the imported USD-M BTCUSDT day, and 32-run synthetic sweeps of several run
 * lengths) and runs this class with Spark on the class path:
 *
 * <pre>
 * SweepBench [--master local[2]] [--warmup 8] [--rounds 1] [--work DIR] [--out RESULT.json] [--commit C]
 *            NAME=SWEEP.json...
 * </pre>
 */
public final class SweepBench {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final double NS = 1e9;
    private static final OperatingSystemMXBean CPU = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);

    private SweepBench() {
    }

    /** See the class comment. */
    public static void main(String[] args) throws Exception {
        String master = "local[2]";
        int warmup = 8;
        int rounds = 1;
        Path work = Path.of("bench/target/sweep-bench");
        Path out = null;
        String commit = "unknown";
        List<String[]> sweeps = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--master" -> master = args[++i];
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--commit" -> commit = args[++i];
                default -> {
                    int eq = args[i].indexOf('=');
                    if (eq <= 0 || args[i].startsWith("-")) {
                        System.err.println("usage: SweepBench [--master M] [--warmup N] [--rounds R] [--work DIR]"
                                + " [--out FILE] [--commit C] NAME=SWEEP.json...");
                        System.exit(2);
                    }
                    sweeps.add(new String[] {args[i].substring(0, eq), args[i].substring(eq + 1)});
                }
            }
        }
        if (sweeps.isEmpty()) {
            System.err.println("SweepBench: no sweep given (NAME=SWEEP.json)");
            System.exit(2);
        }
        int parallelism = parallelism(master);
        ObjectNode result = JSON.createObjectNode();
        result.put("benchmark", "SweepBench");
        result.put("kind", "timed benchmark: wall clock (System.nanoTime) of whole sweeps, rounds of one"
                + " measurement each (Spark, then the loop), not JMH; Spark and the plain loop in the same JVM and"
                + " session, each after a warm-up; processCpuNs and gcNs are the whole JVM's during a pass");
        result.put("date", LocalDate.now(ZoneOffset.UTC).toString());
        result.put("commit", commit);
        result.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        result.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        result.put("cores", Runtime.getRuntime().availableProcessors());
        result.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
        result.put("master", master);
        result.put("parallelism", parallelism);
        result.put("warmupRunsAtMost", warmup);
        result.put("rounds", rounds);
        // The machine may be shared: its load (runnable threads, 1-minute average) before and after.
        result.put("loadAverageAtStart", round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));

        boolean ok = true;
        ArrayNode rows = JSON.createArrayNode();
        long t0 = System.nanoTime();
        try (JavaSparkContext sc = new JavaSparkContext(SweepJob.conf(master))) {
            long sessionNs = System.nanoTime() - t0;
            result.put("sparkSessionStartNs", sessionNs);
            System.out.printf("SweepBench: Spark session start (%s) %.2f s, paid once; JDK %s, %d cores%n", master,
                    sessionNs / NS, System.getProperty("java.runtime.version"),
                    Runtime.getRuntime().availableProcessors());
            for (String[] s : sweeps) {
                ObjectNode row = measure(sc, master, parallelism, s[0], Path.of(s[1]), warmup, rounds, work,
                        sessionNs);
                ok &= row.get("sweepCsvIdentical").asBoolean() && row.get("errors").asLong() == 0;
                rows.add(row);
            }
        }
        result.set("sweeps", rows);
        result.put("loadAverageAtEnd", round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, JSON.writeValueAsString(result) + "\n", StandardCharsets.UTF_8);
            System.out.println("SweepBench: wrote " + out);
        }
        if (!ok) {
            System.err.println("SweepBench: FAILED: a sweep.csv differs between Spark and the loop, or a run failed");
            System.exit(1);
        }
    }

    /** One measured pass of a path: its result and the process's CPU and GC time meanwhile. */
    private record Pass(SweepJob.Result result, long cpuNs, long gcNs, long gcCount) {
        long wallNs() {
            return result.wallNs();
        }

        long taskNs() {
            return sum(result.rows(), "wallNs");
        }
    }

    private static Pass pass(JavaSparkContext sc, SweepSpec spec) {
        long cpu = CPU.getProcessCpuTime();
        long[] gc = gc();
        SweepJob.Result r = sc == null ? SweepJob.runInProcess(spec, null, null) : SweepJob.run(sc, spec, null, null);
        long[] gcAfter = gc();
        return new Pass(r, CPU.getProcessCpuTime() - cpu, gcAfter[0] - gc[0], gcAfter[1] - gc[1]);
    }

    private static long[] gc() {
        long ms = 0;
        long count = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, b.getCollectionTime());
            count += Math.max(0, b.getCollectionCount());
        }
        return new long[] {ms * 1_000_000L, count};
    }

    private static ObjectNode measure(JavaSparkContext sc, String master, int parallelism, String name, Path file,
            int warmupRuns, int rounds, Path work, long sessionNs) throws IOException {
        SweepSpec spec = SweepSpec.load(file);
        SweepSpec warm = warmupSpec(file, warmupRuns);
        int n = spec.runs().size();
        System.out.printf("%n%s: %d runs (%s), warm-up %d runs on each path, %d round(s) of Spark then loop%n",
                name, n, file, warm.runs().size(), rounds);
        SweepJob.run(sc, warm, null, null);
        SweepJob.runInProcess(warm, null, null);
        List<Pass> sparks = new ArrayList<>();
        List<Pass> loops = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            sparks.add(pass(sc, spec));
            loops.add(pass(null, spec));
        }

        // sweep.csv of the first round's two paths, written and compared byte for byte; every later round's
        // CSV must equal them too.
        Path dir = work.resolve(name);
        SweepJob.write(dir.resolve("spark"), spec, sparks.get(0).result(), master);
        SweepJob.write(dir.resolve("loop"), spec, loops.get(0).result(), "in-process");
        boolean same = Files.mismatch(dir.resolve("spark/sweep.csv"), dir.resolve("loop/sweep.csv")) == -1;
        String csv = Files.readString(dir.resolve("loop/sweep.csv"));
        long errors = 0;
        for (int r = 0; r < rounds; r++) {
            same &= SweepJob.csv(spec, sparks.get(r).result().rows()).equals(csv)
                    && SweepJob.csv(spec, loops.get(r).result().rows()).equals(csv);
            errors += sparks.get(r).result().errors() + loops.get(r).result().errors();
        }
        long events = sum(loops.get(0).result().rows(), "entries");

        ArrayNode roundNodes = JSON.createArrayNode();
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ratios[r] = (double) loops.get(r).wallNs() / sparks.get(r).wallNs();
            ObjectNode o = roundNodes.addObject();
            o.set("spark", figures(sparks.get(r), n, events));
            o.set("loop", figures(loops.get(r), n, events));
            o.put("ratioSparkOverLoopThroughput", round(ratios[r]));
        }
        // The headline: the round with the median ratio (all its figures from that one round).
        Integer[] order = new Integer[rounds];
        for (int r = 0; r < rounds; r++) {
            order[r] = r;
        }
        Arrays.sort(order, (a, b) -> Double.compare(ratios[a], ratios[b]));
        int med = order[(rounds - 1) / 2];
        Pass spark = sparks.get(med);
        Pass loop = loops.get(med);

        double sparkS = spark.wallNs() / NS;
        double loopS = loop.wallNs() / NS;
        double ratio = ratios[med];
        // Spark's wall on `parallelism` cores against the loop's on one: what the tasks cost beyond the loop's
        // runs, per task, in core time (scheduling, serialization, collect, cores idle at the tail, and a run
        // slowed by the other one running beside it, or by another process on a shared machine).
        double overheadPerTask = ((double) parallelism * spark.wallNs() - loop.wallNs()) / n;
        // The same split: the tasks' own time (inside SweepTask) and what is outside it.
        double outsidePerTask = ((double) parallelism * spark.wallNs() - spark.taskNs()) / n;
        double inflation = (double) spark.taskNs() / loop.taskNs();
        double concurrency = (double) spark.taskNs() / spark.wallNs();
        double runS = loopS / n;
        // Spark (its session start aside) gains per run t - (k t + o) / P: t the loop's time per run, k the
        // tasks' inflation, o the outside-task core time per task; the session start S is repaid after S / gain runs.
        double gainPerRun = runS - (inflation * runS + outsidePerTask / NS) / parallelism;

        System.out.printf("  %-12s %8.2f s %8.2f runs/s %12.0f events/s   tasks: sum %.2f s, concurrency %.2f;"
                + " CPU %.2f s, GC %.2f s%n", master, sparkS, n / sparkS, events / sparkS, spark.taskNs() / NS,
                concurrency, spark.cpuNs() / NS, spark.gcNs() / NS);
        System.out.printf("  %-12s %8.2f s %8.2f runs/s %12.0f events/s   runs: sum %.2f s, %.3f s each;"
                + " CPU %.2f s, GC %.2f s%n", "plain loop", loopS, n / loopS, events / loopS, loop.taskNs() / NS, runS,
                loop.cpuNs() / NS, loop.gcNs() / NS);
        System.out.printf("  throughput ratio Spark/loop %.2f (median of %s; incl. the session start: %.2f); "
                + "sweep.csv byte-identical: %s; %d events%n", ratio, Arrays.toString(round(ratios)),
                (double) loop.wallNs() / (spark.wallNs() + sessionNs), same, events);
        System.out.printf("  per task: overhead vs the loop %.1f ms core time, of which outside the task %.1f ms; "
                + "a task runs %.2fx the loop's run time%n", overheadPerTask / 1e6, outsidePerTask / 1e6, inflation);
        // On a shared machine the wall clock also counts waiting for a core: the JVM's CPU time says how many
        // cores each pass actually had, and what a run costs in CPU on each path.
        double sparkCores = (double) spark.cpuNs() / spark.wallNs();
        double loopCores = (double) loop.cpuNs() / loop.wallNs();
        double cpuRatio = (double) loop.cpuNs() / spark.cpuNs();
        System.out.printf("  cores this JVM had: Spark pass %.2f, loop pass %.2f; CPU per run Spark %.0f ms,"
                + " loop %.0f ms (ratio %.2f)%n", sparkCores, loopCores, spark.cpuNs() / 1e6 / n, loop.cpuNs() / 1e6 / n, cpuRatio);

        ObjectNode row = JSON.createObjectNode();
        row.put("name", name);
        row.put("spec", file.toString());
        row.put("runs", n);
        row.put("warmupRuns", warm.runs().size());
        row.put("events", events);
        row.put("eventsNote", "golden-log entries of all runs (market events and each run's own order events)");
        row.put("errors", errors);
        row.put("sweepCsvIdentical", same);
        row.put("headline", "the round with the median ratio; every round below");
        row.set("spark", figures(spark, n, events));
        row.set("loop", figures(loop, n, events));
        row.put("ratioSparkOverLoopThroughput", round(ratio));
        row.put("ratioIncludingSessionStart", round((double) loop.wallNs() / (spark.wallNs() + sessionNs)));
        row.put("loopRunNs", Math.round(loop.wallNs() / (double) n));
        row.put("overheadPerTaskCoreNs", Math.round(overheadPerTask));
        row.put("outsideTaskPerTaskCoreNs", Math.round(outsidePerTask));
        row.put("taskInflation", round(inflation));
        row.put("sparkConcurrency", round(concurrency));
        row.put("sparkCoresUsed", round(sparkCores));
        row.put("loopCoresUsed", round(loopCores));
        row.put("cpuPerRunRatioLoopOverSpark", round(cpuRatio));
        row.put("sparkGainPerRunNs", Math.round(gainPerRun * NS));
        if (gainPerRun > 0) {
            row.put("runsToRepaySessionStart", (long) Math.ceil(sessionNs / NS / gainPerRun));
        }
        row.set("rounds", roundNodes);
        return row;
    }

    private static ObjectNode figures(Pass p, int runs, long events) {
        ObjectNode o = JSON.createObjectNode();
        o.put("wallNs", p.wallNs());
        o.put("runsPerSecond", round(runs / (p.wallNs() / NS)));
        o.put("eventsPerSecond", Math.round(events / (p.wallNs() / NS)));
        o.put("sumOfRunWallNs", p.taskNs());
        o.put("processCpuNs", p.cpuNs());
        o.put("processCpuPerRunNs", p.cpuNs() / runs);
        o.put("gcNs", p.gcNs());
        o.put("gcCount", p.gcCount());
        return o;
    }

    private static double[] round(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = round(v[i]);
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static long sum(List<JsonNode> rows, String field) {
        long s = 0;
        for (JsonNode r : rows) {
            s += r.path(field).asLong();
        }
        return s;
    }

    /** {@code local[N]}: N; {@code local} : 1; {@code local[*]} and anything else: this machine's cores. */
    static int parallelism(String master) {
        if (master.equals("local")) {
            return 1;
        }
        if (master.startsWith("local[") && master.endsWith("]")) {
            String n = master.substring("local[".length(), master.length() - 1).split(",")[0];
            if (n.matches("[0-9]+")) {
                return Integer.parseInt(n);
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * The warm-up: the same file with its grid cut to at most {@code max} runs per dataset (the leading
     * axes keep only their first values; with {@code runs}, the first {@code max} runs).
     */
    static SweepSpec warmupSpec(Path file, int max) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(Files.readString(file));
        if (root.get("axes") instanceof ObjectNode axes) {
            long product = 1;
            for (JsonNode v : axes) {
                product *= v.size();
            }
            for (Map.Entry<String, JsonNode> e : axes.properties()) {
                if (product <= max) {
                    break;
                }
                int size = e.getValue().size();
                long rest = product / size;
                int keep = (int) Math.max(1, Math.min(size, max / rest));
                ArrayNode cut = JSON.createArrayNode();
                for (int i = 0; i < keep; i++) {
                    cut.add(e.getValue().get(i));
                }
                e.setValue(cut);
                product = rest * keep;
            }
        } else if (root.get("runs") instanceof ArrayNode runs) {
            while (runs.size() > Math.max(1, max)) {
                runs.remove(runs.size() - 1);
            }
        }
        return SweepSpec.parse(root.toString(), file + " (warm-up)", file.toAbsolutePath().getParent());
    }
}

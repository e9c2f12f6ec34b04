package io.tradingchassis.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12, on a cluster: the job jar ({@code target/tradingchassis-sweep-<version>-job.jar}, built at
 * {@code package}; this runs in {@code verify}, after it) submitted exactly as {@code spark-submit} submits
 * it, to a standalone master and worker that, like the submitting JVM, have only Spark's jars
 * ({@link SparkHome}): the executors get our code from the job jar alone. The sweep's {@code sweep.csv} is
 * byte for byte the one of a {@code local[1]} run of the same sweep in this JVM.
 */
class SweepSubmitIT {
    private static final List<String> OUR_CODE = List.of("tradingchassis", "agrona", "zero-allocation-hashing",
            "picocli", "chronicle", "uplot", "progressbar");

    @Test
    @Timeout(300)
    void theJobJarSubmittedWithSparkSubmitToAStandaloneClusterGivesTheSameSweepCsvAsLocal1() throws Exception {
        // A folder under target/ (kept after a failure, for its logs), not a @TempDir: SPARK_HOME/jars links
        // into the local repository, and JUnit warns about every link it deletes.
        Path tmp = Path.of(System.getProperty("sweep.itDir"));
        deleteRecursively(tmp);
        Files.createDirectories(tmp);
        Path jobJar = Path.of(System.getProperty("sweep.jobJar"));
        assertTrue(Files.isRegularFile(jobJar), jobJar + ": run through 'mvn verify' (the jar is built at package)");
        theJobJarHoldsOurCodeAndNotSparkAndRelocatesJackson(jobJar);

        Path sweep = tmp.resolve("sweep.json");
        Files.writeString(sweep, SweepJobTest.SWEEP);
        Path local = tmp.resolve("local1");
        assertEquals(0, SweepCommand.execute(sweep.toString(), "--master", "local[1]", "--out",
                local.toString(), "--quiet"));

        SparkHome spark = SparkHome.create(tmp.resolve("spark"), Path.of(System.getProperty("sweep.dependencyTree")));
        try (Stream<Path> jars = Files.list(spark.jars())) {
            List<String> names = jars.map(j -> j.getFileName().toString()).toList();
            assertTrue(names.size() > 100 && names.stream().anyMatch(n -> n.startsWith("spark-core_2.13-")), names.toString());
            for (String n : names) {
                assertFalse(OUR_CODE.stream().anyMatch(n::contains), "Spark's jars hold " + n);
            }
        }
        Path out = tmp.resolve("cluster");
        Path driverLog = tmp.resolve("spark-submit.log");
        try (StandaloneCluster cluster = new StandaloneCluster(tmp.resolve("standalone"), spark)) {
            // bin/spark-submit is bin/spark-class org.apache.spark.deploy.SparkSubmit "$@".
            ProcessBuilder submitCommand = spark.sparkClass(driverLog, "org.apache.spark.deploy.SparkSubmit", List.of(
                    "--master", cluster.master(),
                    "--class", "io.tradingchassis.sweep.SweepCommand",
                    // this machine's sizes (the defaults ask for 1 GiB each); nothing the job needs
                    "--driver-memory", "512m", "--conf", "spark.executor.memory=512m", "--conf", "spark.cores.max=2",
                    jobJar.toString(),
                    sweep.toString(), "--out", out.toString(), "--keep-logs"));
            List<String> cmd = submitCommand.command();
            onlySparkHome(spark, cmd.get(cmd.indexOf("-cp") + 1), "spark-submit's JVM");
            Process submit = submitCommand.start();
            try {
                boolean ended = submit.waitFor(240, TimeUnit.SECONDS);
                String logs = StandaloneCluster.tail(driverLog, 60) + cluster.logs();
                assertTrue(ended, "spark-submit did not end\n" + logs);
                assertEquals(0, submit.exitValue(), logs);
                assertTrue(Files.readString(driverLog).contains("12 runs on " + cluster.master()),
                        "the master spark-submit was given\n" + logs);
                executorsRanOnTheWorkerWithTheJobJarAndSparksJarsOnly(cluster, spark, jobJar);
            } finally {
                submit.destroyForcibly().waitFor();
            }
        }
        assertEquals(Files.readString(local.resolve("sweep.csv"), StandardCharsets.UTF_8),
                Files.readString(out.resolve("sweep.csv"), StandardCharsets.UTF_8), "spark-submit on a cluster vs local[1]");
        assertEquals(13, Files.readAllLines(out.resolve("sweep.csv")).size(), "a header and 12 rows");
        try (Stream<Path> logs = Files.list(out.resolve("logs"))) {
            assertEquals(12, logs.count(), "--keep-logs: the executors wrote one log per run");
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f); // a link, not what it links to
            }
        }
    }

    /** No Spark, Scala, Hadoop or un-relocated Jackson class; ours, and the jars ours need, are there. */
    private static void theJobJarHoldsOurCodeAndNotSparkAndRelocatesJackson(Path jobJar) throws IOException {
        List<String> foreign = new ArrayList<>();
        List<String> have = new ArrayList<>();
        try (ZipFile z = new ZipFile(jobJar.toFile())) {
            for (ZipEntry e : z.stream().toList()) {
                String n = e.getName();
                if (n.endsWith(".class") && !(n.startsWith("io/tradingchassis/") || n.startsWith("org/agrona/")
                        || n.startsWith("net/openhft/hashing/") || n.startsWith("picocli/"))) {
                    foreign.add(n);
                }
                if (n.startsWith("com/fasterxml/") || n.contains("versions/")) {
                    foreign.add(n);
                }
            }
            for (String c : List.of("io/tradingchassis/sweep/SweepTask.class", "io/tradingchassis/core/state/State.class",
                    "io/tradingchassis/runtime/backtest/Backtest.class", "io/tradingchassis/replay/golden/Recording.class",
                    "io/tradingchassis/shaded/jackson/databind/ObjectMapper.class",
                    "META-INF/services/io.tradingchassis.shaded.jackson.core.JsonFactory",
                    "META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.iife.min.js")) {
                if (z.getEntry(c) != null) {
                    have.add(c);
                }
            }
        }
        assertEquals(List.of(), foreign, "classes the job jar must not hold");
        assertEquals(7, have.size(), "found only " + have);
    }

    /**
     * The executor ran on the worker (its folder under the worker's work dir), fetched the job jar there, and
     * was started with Spark's jars only: its launch command (the first line of its stderr) names none of ours.
     */
    private static void executorsRanOnTheWorkerWithTheJobJarAndSparksJarsOnly(StandaloneCluster cluster,
            SparkHome spark, Path jobJar) throws IOException {
        List<Path> executors;
        try (Stream<Path> files = Files.walk(cluster.work())) {
            executors = files.filter(f -> f.getFileName().toString().equals("stderr")).map(Path::getParent).toList();
        }
        assertFalse(executors.isEmpty(), "no executor on the worker\n" + cluster.logs());
        for (Path e : executors) {
            assertTrue(Files.exists(e.resolve(jobJar.getFileName())), "the executor fetched the job jar into " + e);
            String command = Files.readAllLines(e.resolve("stderr")).stream()
                    .filter(l -> l.startsWith("Spark Executor Command:")).findFirst().orElseThrow();
            int cp = command.indexOf("\"-cp\" \"");
            assertTrue(cp > 0, command);
            int from = cp + "\"-cp\" \"".length();
            onlySparkHome(spark, command.substring(from, command.indexOf('"', from)), "the executor's JVM");
        }
    }

    /** Every entry of {@code classpath} is in SPARK_HOME (its conf/ and jars/). */
    private static void onlySparkHome(SparkHome spark, String classpath, String who) {
        for (String entry : classpath.split(File.pathSeparator)) {
            assertTrue(Path.of(entry).toAbsolutePath().normalize().startsWith(spark.home().toAbsolutePath().normalize()),
                    who + " has " + entry + " on its classpath: " + classpath);
        }
    }
}

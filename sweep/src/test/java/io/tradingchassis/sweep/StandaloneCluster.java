package io.tradingchassis.sweep;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;

/**
 * A Spark standalone master and one worker on 127.0.0.1, each its own JVM, started and stopped by the test
 * (issue 12: the cluster case in {@code mvn verify}). Two kinds:
 * <ul>
 *   <li>{@link #StandaloneCluster(Path)}: both JVMs on this test's classpath; the worker builds its
 *       executors' classpath from {@code spark.executor.extraClassPath} (this JVM's classpath, see
 *       {@link #conf()}); with no Spark installation, {@code SPARK_TESTING=1} lets it do without a
 *       {@code SPARK_HOME/jars} folder.</li>
 *   <li>{@link #StandaloneCluster(Path, SparkHome)}: both started as {@code bin/spark-class} starts them from
 *       a Spark installation holding only Spark's jars, so executors have only Spark's jars and whatever the
 *       application ships ({@code spark.jars}): a cluster as a Spark user finds it.</li>
 * </ul>
 */
final class StandaloneCluster implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();
    private final Path dir;
    private final SparkHome spark;
    private final int port;

    StandaloneCluster(Path dir) throws IOException, InterruptedException {
        this(dir, null);
    }

    StandaloneCluster(Path dir, SparkHome spark) throws IOException, InterruptedException {
        this.dir = dir;
        this.spark = spark;
        Files.createDirectories(dir.resolve("work"));
        this.port = freePort();
        start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                String.valueOf(port), "--webui-port", String.valueOf(freePort()));
        waitForPort(port);
        start("worker", "org.apache.spark.deploy.worker.Worker", master(), "--host", "127.0.0.1", "--cores", "2",
                "--memory", "1g", "--webui-port", String.valueOf(freePort()), "--work-dir",
                dir.resolve("work").toString());
    }

    String master() {
        return "spark://127.0.0.1:" + port;
    }

    /** The driver's configuration: executors on this JVM's classpath, with the JVM flags the build uses. */
    SparkConf conf() {
        return SweepJob.conf(master())
                .set("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                .set("spark.executor.extraJavaOptions", String.join(" ", jvmFlags()))
                .set("spark.executor.memory", "512m")
                .set("spark.cores.max", "2")
                .set("spark.executor.cores", "2");
    }

    private static List<String> jvmFlags() {
        return List.of("--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
                "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
                "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED");
    }

    /** The worker's folder of applications: {@code app-…/<executor id>/} with each executor's stderr and fetched jars. */
    Path work() {
        return dir.resolve("work");
    }

    private void start(String name, String main, String... args) throws IOException, InterruptedException {
        if (spark != null) {
            processes.add(spark.sparkClass(dir.resolve(name + ".log"), main, List.of(args)).start());
            return;
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.addAll(jvmFlags());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_HOME", dir.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_TESTING", "1");
        processes.add(pb.start());
    }

    /** The last lines of the master's, the worker's and the executors' logs (for a failure message). */
    String logs() {
        StringBuilder sb = new StringBuilder();
        List<Path> logs = new ArrayList<>(List.of(dir.resolve("master.log"), dir.resolve("worker.log")));
        try (Stream<Path> files = Files.walk(work())) {
            files.filter(f -> f.getFileName().toString().equals("stderr")).sorted().forEach(logs::add);
        } catch (IOException e) {
            sb.append("--- ").append(work()).append(": ").append(e.getMessage()).append('\n');
        }
        for (Path log : logs) {
            sb.append(tail(log, 30));
        }
        return sb.toString();
    }

    /** The last {@code n} lines of {@code log}, under a header naming it. */
    static String tail(Path log, int n) {
        StringBuilder sb = new StringBuilder("--- ").append(log).append('\n');
        try {
            List<String> lines = Files.readAllLines(log);
            lines.subList(Math.max(0, lines.size() - n), lines.size()).forEach(l -> sb.append(l).append('\n'));
        } catch (IOException e) {
            sb.append("(no log: ").append(e.getMessage()).append(")\n");
        }
        return sb.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void waitForPort(int p) throws InterruptedException, IOException {
        for (int i = 0; i < 300; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), p), 200);
                return;
            } catch (IOException e) {
                if (!processes.get(0).isAlive()) {
                    throw new IOException("the master exited:\n" + logs());
                }
                Thread.sleep(100);
            }
        }
        throw new IOException("the master did not listen on " + p + ":\n" + logs());
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.destroy();
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}

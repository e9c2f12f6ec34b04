package io.tradingchassis.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradingchassis.core.view.OrderStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * The sweep as a Spark job: one task per run (the run specs cross as JSON strings, Spark's default
 * JavaSerializer), each task a {@link SweepTask} (the same code path as {@code tc backtest}); the rows are
 * collected on the driver, sorted by run id (then grid index) and written as {@code sweep.csv} and
 * {@code sweep.json}. Nothing in {@code sweep.csv} depends on the master, the number of executors or the
 * order tasks finish in; wall-clock figures go only to {@code sweep.json}'s {@code wallClock} section.
 */
public final class SweepJob {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SweepJob() {
    }

    /** The sweep's rows, sorted; each as {@link SweepTask} wrote it. */
    public record Result(List<JsonNode> rows, long wallNs) {
        /** Rows whose run failed. */
        public long errors() {
            return rows.stream().filter(r -> !"ok".equals(r.path("status").asText())).count();
        }
    }

    /**
     * A Spark configuration for {@code master} (on top of the {@code spark.*} system properties, which is
     * how {@code spark-submit} hands over its settings): no web UI unless set; a local master binds the
     * loopback address unless set (a cluster's executors must reach the driver at a routable address, so
     * there Spark's own choice, or {@code SPARK_LOCAL_IP}, stands).
     */
    public static SparkConf conf(String master) {
        SparkConf conf = new SparkConf().setAppName("tc-sweep").setMaster(master)
                .setIfMissing("spark.ui.enabled", "false");
        if (master.startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1")
                    .setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        if (master.startsWith("spark://") || master.startsWith("k8s://")) {
            // java -cp … --master spark://… : executors need this module's jar (spark-submit sets it itself).
            String jar = ownJar();
            if (jar != null) {
                conf.setIfMissing("spark.jars", jar);
            }
        }
        return conf;
    }

    private static String ownJar() {
        try {
            Path p = Path.of(SweepJob.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString().endsWith(".jar") ? p.toString() : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** Runs {@code spec} on {@code sc}; progress (runs done / total) on {@code progress} (null: none). */
    public static Result run(JavaSparkContext sc, SweepSpec spec, String keepLogsDir, PrintStream progress) {
        List<String> specs = new ArrayList<>();
        for (RunSpec r : spec.runs()) {
            specs.add(r.toJson());
        }
        int total = specs.size();
        AtomicInteger done = new AtomicInteger();
        SparkListener listener = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (progress != null && end.taskInfo().successful()) {
                    progress.println("tc-sweep: " + done.incrementAndGet() + "/" + total + " runs done");
                }
            }
        };
        sc.sc().addSparkListener(listener);
        long started = System.nanoTime(); // wall clock: only for the wallClock section
        List<String> out;
        try {
            out = sc.parallelize(specs, Math.max(1, total)).map(s -> SweepTask.run(s, keepLogsDir)).collect();
        } finally {
            sc.sc().removeSparkListener(listener);
        }
        long wall = System.nanoTime() - started;
        return new Result(sortRows(out), wall);
    }

    /**
     * Runs {@code spec} in this JVM, one run after another, without Spark: the same {@link SweepTask} per
     * run, so the same rows (for sweeps too small to pay Spark's session start, and as the plain-loop baseline).
     */
    public static Result runInProcess(SweepSpec spec, String keepLogsDir, PrintStream progress) {
        List<String> out = new ArrayList<>();
        long started = System.nanoTime(); // wall clock: only for the wallClock section
        int total = spec.runs().size();
        for (RunSpec r : spec.runs()) {
            out.add(SweepTask.run(r.toJson(), keepLogsDir));
            if (progress != null) {
                progress.println("tc-sweep: " + out.size() + "/" + total + " runs done");
            }
        }
        return new Result(sortRows(out), System.nanoTime() - started);
    }

    /** Rows (JSON) sorted by run id, then grid index. */
    public static List<JsonNode> sortRows(List<String> rows) {
        List<JsonNode> nodes = new ArrayList<>();
        for (String r : rows) {
            try {
                nodes.add(JSON.readTree(r));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a task returned a row that is not JSON: " + e.getOriginalMessage(), e);
            }
        }
        nodes.sort(Comparator.comparing((JsonNode n) -> n.path("runId").asText())
                .thenComparingInt(n -> n.path("index").asInt()));
        return nodes;
    }

    /** Writes {@code DIR/sweep.csv}, {@code DIR/sweep.json} and {@code DIR/sweep.html}. */
    public static void write(Path dir, SweepSpec spec, Result result, String master) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("sweep.csv"), csv(spec, result.rows()), StandardCharsets.UTF_8);
        SweepReport.write(dir.resolve("sweep.html"), spec, result.rows());
        ObjectNode root = JSON.createObjectNode();
        root.put("source", spec.source());
        root.put("runs", result.rows().size());
        root.put("errors", result.errors());
        ArrayNode axes = root.putArray("axes");
        spec.axes().forEach(axes::add);
        ArrayNode rows = root.putArray("rows");
        ObjectNode wall = JSON.createObjectNode();
        wall.put("master", master);
        wall.put("sweepNs", result.wallNs());
        ArrayNode perRun = wall.putArray("runs");
        for (JsonNode r : result.rows()) {
            ObjectNode copy = ((ObjectNode) r).deepCopy();
            copy.remove("wallNs");
            rows.add(copy);
            if (r.has("wallNs")) {
                ObjectNode w = perRun.addObject();
                w.put("runId", r.get("runId").asText());
                w.put("wallNs", r.get("wallNs").asLong());
                long ns = Math.max(1, r.get("wallNs").asLong());
                w.put("eventsPerSecond", r.path("entries").asLong() * 1_000_000_000L / ns);
            }
        }
        root.set("wallClock", wall);
        Files.writeString(dir.resolve("sweep.json"), JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    }

    /** The CSV: identity, the axis values, the results; one row per run, in the given (sorted) order. */
    public static String csv(SweepSpec spec, List<JsonNode> rows) {
        List<String> head = new ArrayList<>(List.of("runId", "datasetId", "configFingerprint", "strategyId",
                "strategyVersion", "codeVersion"));
        head.addAll(spec.axes());
        head.addAll(List.of("status", "entries", "position", "realizedPnl", "markedPnl", "maxDrawdown", "fills"));
        for (OrderStatus s : OrderStatus.values()) {
            head.add("orders" + s.name());
        }
        head.addAll(List.of("stateDigest", "chain", "error"));
        StringBuilder sb = new StringBuilder();
        line(sb, head);
        for (JsonNode r : rows) {
            List<String> v = new ArrayList<>();
            for (String k : List.of("runId", "datasetId", "configFingerprint", "strategyId", "strategyVersion",
                    "codeVersion")) {
                v.add(r.path(k).asText(""));
            }
            for (String a : spec.axes()) {
                v.add(r.path("axes").path(a).asText(""));
            }
            for (String k : List.of("status", "entries", "position", "realizedPnl", "markedPnl", "maxDrawdown",
                    "fills")) {
                v.add(r.path(k).asText(""));
            }
            for (OrderStatus s : OrderStatus.values()) {
                v.add(r.path("orders").path(s.name()).asText(""));
            }
            for (String k : List.of("stateDigest", "chain", "error")) {
                v.add(r.path(k).asText(""));
            }
            line(sb, v);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells.get(i);
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(c);
            }
        }
        sb.append('\n');
    }
}

package io.tradingchassis.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * A Spark installation as a cluster has one, made of this build's Spark jars: {@code SPARK_HOME/jars}
 * holds exactly the jars of {@code spark-sql_2.13}'s dependency closure (Maven's verbose dependency tree,
 * {@code target/dependency-tree.json}, so jars that Spark shares with our modules, Jackson and slf4j, are
 * in; our modules and their other jars are not), linked from the local repository. Commands are built the
 * way {@code bin/spark-class} (and so {@code bin/spark-submit}) builds them: {@code org.apache.spark.launcher.Main}
 * run on {@code SPARK_HOME/jars/*} prints the JVM command line (classpath {@code SPARK_HOME/conf} and
 * {@code SPARK_HOME/jars/*}, Spark's JVM module options, memory), which is then started.
 */
final class SparkHome {
    private static final String SPARK_GROUP = "org.apache.spark";
    private final Path home;

    private SparkHome(Path home) {
        this.home = home;
    }

    /** Lays out {@code home/jars} from the jars of this JVM's classpath that Spark depends on. */
    static SparkHome create(Path home, Path dependencyTree) throws IOException {
        Map<String, String> sparkArtifacts = sparkClosure(new ObjectMapper().readTree(dependencyTree.toFile()));
        Path jars = Files.createDirectories(home.resolve("jars"));
        Files.createDirectories(home.resolve("conf"));
        TreeSet<String> found = new TreeSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            String p = jar.toAbsolutePath().toString().replace(File.separatorChar, '/');
            for (Map.Entry<String, String> ga : sparkArtifacts.entrySet()) {
                if (p.endsWith(".jar") && p.contains(ga.getValue())) {
                    Path link = jars.resolve(jar.getFileName().toString());
                    if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                        throw new IOException("two of Spark's jars are named " + jar.getFileName());
                    }
                    Files.createSymbolicLink(link, jar.toAbsolutePath());
                    found.add(ga.getKey());
                }
            }
        }
        TreeSet<String> missing = new TreeSet<>(sparkArtifacts.keySet());
        missing.removeAll(found);
        // A pom-only or test-scoped node has no jar here; spark-core is the one that must be.
        if (!found.contains(SPARK_GROUP + ":spark-core_2.13")) {
            throw new IOException("spark-core is not on this classpath; Spark's artifacts without a jar: " + missing);
        }
        return new SparkHome(home);
    }

    /** groupId:artifactId → "/group/path/artifactId/" for every node under spark-sql, omitted duplicates included. */
    private static Map<String, String> sparkClosure(JsonNode root) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode child : root.path("children")) {
            if (SPARK_GROUP.equals(child.path("groupId").asText()) && child.path("artifactId").asText().startsWith("spark-sql")) {
                collect(child, out);
            }
        }
        if (out.isEmpty()) {
            throw new IOException("the dependency tree names no spark-sql dependency");
        }
        return out;
    }

    private static void collect(JsonNode n, Map<String, String> out) {
        String g = n.path("groupId").asText();
        String a = n.path("artifactId").asText();
        if (!"test".equals(n.path("scope").asText())) {
            out.put(g + ":" + a, "/" + g.replace('.', '/') + "/" + a + "/");
        }
        for (JsonNode c : n.path("children")) {
            collect(c, out);
        }
    }

    Path home() {
        return home;
    }

    Path jars() {
        return home.resolve("jars");
    }

    /** The environment Spark's scripts and daemons get here: this home, Scala 2.13, the loopback address. */
    Map<String, String> env() {
        return Map.of("SPARK_HOME", home.toString(), "SPARK_SCALA_VERSION", "2.13", "SPARK_LOCAL_IP", "127.0.0.1",
                "SPARK_DAEMON_MEMORY", "384m");
    }

    /** {@code bin/spark-class MAIN ARGS…} as a process writing to {@code log} (not started). */
    ProcessBuilder sparkClass(Path log, String main, List<String> args) throws IOException, InterruptedException {
        List<String> launcher = new ArrayList<>(List.of(java(), "-Xmx128m", "-cp", jars() + File.separator + "*",
                "org.apache.spark.launcher.Main", main));
        launcher.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(launcher).redirectErrorStream(true);
        pb.environment().putAll(env());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("spark launcher failed (" + p.exitValue() + "): " + new String(out, StandardCharsets.UTF_8));
        }
        // bin/spark-class: lines of text, then a NUL line, then the command's arguments, each ended by NUL.
        String text = new String(out, StandardCharsets.UTF_8);
        int start = text.indexOf("\0\n");
        if (start < 0) {
            throw new IOException("spark launcher printed no command: " + text);
        }
        List<String> command = new ArrayList<>();
        String rest = text.substring(start + 2);
        for (int from = 0, nul; (nul = rest.indexOf('\0', from)) >= 0; from = nul + 1) {
            command.add(rest.substring(from, nul));
        }
        ProcessBuilder run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        run.environment().putAll(env());
        return run;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}

package io.tradingchassis.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.replay.golden.Scenario;
import io.tradingchassis.replay.log.LogException;
import io.tradingchassis.replay.log.LogFormat;
import io.tradingchassis.replay.log.LogYaml;
import io.tradingchassis.replay.verify.LogDiff;
import io.tradingchassis.replay.verify.Replayer;
import io.tradingchassis.replay.verify.StateTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The golden corpus on disk (golden/scenarios, golden/logs) and the two checks mvn verify runs on it. */
final class Corpus {
    /** golden/: surefire runs in the module's folder and says so in {@code basedir}. */
    static final Path BASE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    static final Path LOGS = BASE.resolve("logs");
    static final Path SCENARIOS = BASE.resolve("scenarios");

    private Corpus() {
    }

    /** The shared data folder (holding binance/): {@code tc.shared.dir}/data, as the parent pom sets it. */
    static Path sharedData() {
        String s = System.getProperty("tc.shared.dir");
        return s != null ? Path.of(s, "data") : BASE.resolve("../../shared/data").normalize();
    }

    /** Scenario names, in name order. */
    static List<String> scenarioNames() throws IOException {
        try (Stream<Path> s = Files.list(SCENARIOS)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
        }
    }

    /** Golden log files, in name order. */
    static List<Path> logFiles() throws IOException {
        try (Stream<Path> s = Files.list(LOGS)) {
            return s.filter(p -> name(p) != null).sorted().toList();
        }
    }

    /** A log file's golden name, or null when it is not a golden log. */
    static String name(Path log) {
        String n = log.getFileName().toString();
        if (n.endsWith(LogYaml.EXTENSION)) {
            return n.substring(0, n.length() - LogYaml.EXTENSION.length());
        }
        if (n.endsWith(LogFormat.EXTENSION)) {
            return n.substring(0, n.length() - LogFormat.EXTENSION.length());
        }
        return null;
    }

    /** The committed log of {@code name}: its YAML form, else its binary form. */
    static Path log(String name) {
        Path yaml = LOGS.resolve(name + LogYaml.EXTENSION);
        return Files.exists(yaml) ? yaml : LOGS.resolve(name + LogFormat.EXTENSION);
    }

    static Scenario scenario(String name) throws IOException {
        return Scenario.load(SCENARIOS.resolve(name + ".json"), StrategyCatalog.standard());
    }

    /** The recording a scenario's binance market needs, or null when it needs none. */
    static Path recordingNeeded(String name) throws IOException {
        String json = Files.readString(SCENARIOS.resolve(name + ".json"));
        JsonNode root = new ObjectMapper().readTree(json);
        JsonNode b = root.path("market").path("binance");
        return b.isTextual() ? sharedData().resolve("binance").resolve(b.asText()) : null;
    }

    /** {@code log} in binary form: itself, or its YAML converted into {@code work}. */
    static Path binary(Path log, Path work) throws IOException {
        if (!log.getFileName().toString().endsWith(LogYaml.EXTENSION)) {
            return log;
        }
        Path bin = work.resolve(name(log) + ".tcgl");
        LogYaml.toBinary(log, bin);
        return bin;
    }

    /**
     * Check 1: replays the golden {@code log}. Null when it verifies, else one message naming the golden, the
     * failure kind and the first divergent position.
     */
    static String replayFailure(Path log) throws IOException {
        Path work = Files.createTempDirectory("corpus-replay-");
        try {
            new Replayer(StrategyCatalog.standard()).replay(binary(log, work));
            return null;
        } catch (LogException e) {
            return "golden " + name(log) + " fails to replay (" + e.failure().label() + ", exit " + e.failure().exitCode()
                    + ") at position " + e.position() + ": " + e.getMessage();
        } finally {
            deleteTree(work);
        }
    }

    /**
     * Check 2: re-records scenario {@code name} and compares it with {@code expected} entry by entry. Null when
     * equal, else one message naming the golden, the first divergent position and the State paths that differ.
     */
    static String reRecordFailure(String name, Scenario scenario, Path expected) throws IOException {
        Path work = Files.createTempDirectory("corpus-record-");
        try {
            Path fresh = work.resolve("fresh.tcgl");
            scenario.record(fresh, sharedData(), work);
            LogDiff.Result r = LogDiff.compare(binary(expected, work), fresh, StrategyCatalog.standard());
            if (r.equal()) {
                return null;
            }
            StringBuilder sb = new StringBuilder("golden ").append(name).append(": its scenario now records something "
                    + "else, first at position ").append(r.position()).append("\n  golden:     ").append(r.eventA())
                    .append("\n  re-recorded: ").append(r.eventB());
            for (StateTree.Difference d : r.differences()) {
                sb.append("\n    ").append(d);
            }
            return sb.append("\n  if the change is intended: ./tc bless ").append(name)
                    .append(" --dir golden (from the checkout's root), and commit the new log").toString();
        } finally {
            deleteTree(work);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}

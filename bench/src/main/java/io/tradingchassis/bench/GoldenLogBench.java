package io.tradingchassis.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.risk.RiskEngine;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.core.step.StepResult;
import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.replay.golden.Recording;
import io.tradingchassis.replay.log.GoldenLogReader;
import io.tradingchassis.replay.log.GoldenLogWriter;
import io.tradingchassis.replay.verify.Replayer;
import io.tradingchassis.runtime.dataset.DatasetReader;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Golden logs (SPEC §13) on real market data: the imported USD-M BTCUSDT day of 2024-08-08 (530,665
 * market rows, strategy {@code none}, so every entry is market data), one whole pass per operation.
 * Measured in the same run:
 * <ul>
 *   <li>{@link #fold}: the core alone over the pre-decoded events (the plain fold);</li>
 *   <li>{@link #record}: the same fold with the golden-log writer recording every step (codec, chain,
 *       checkpoints, file);</li>
 *   <li>{@link #decodeOnly}: reading the recorded log and decoding every event;</li>
 *   <li>{@link #decodeFold}: decoding and folding, without the chain and checkpoints (an ablation);</li>
 *   <li>{@link #replayVerify}: {@code tc replay}'s work — decode, fold, chain check, checkpoints;</li>
 *   <li>{@link #jacksonWrite} / {@link #jacksonRead}: the same events as JSON lines through a Jackson
 *       {@code ObjectMapper} (the baseline a hand-rolled recorder would start from).</li>
 * </ul>
 * Events per second = events / (seconds per operation); bytes per event from {@link #bytesPerEvent}
 * printed at setup. Run from the checkout's root: {@code java -jar bench/target/benchmarks.jar
 * GoldenLogBench -prof gc}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class GoldenLogBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path dir;
    private Event[] events;
    private CoreConfiguration cfg;
    private Path log;
    private Path jsonLines;
    private final Map<EventType, Class<? extends Event>> classes = new EnumMap<>(EventType.class);

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("tc-bench-golden");
        Path dataset = BenchStreams.dataset(BenchStreams.USDM_DAY);
        ObjectNode c = (ObjectNode) JSON.readTree(Files.readString(Paths.get("runtime/local/usdm-btcusdt.json")));
        c.putObject("strategy").put("id", "none");
        cfg = CoreConfiguration.parse(c.toString(), "usdm-btcusdt.json with strategy none");
        List<Event> list = new ArrayList<>();
        DatasetReader.forEach(dataset, list::add);
        events = list.toArray(new Event[0]);
        for (Event e : events) {
            classes.putIfAbsent(e.type(), e.getClass());
        }
        log = dir.resolve("day.tcgl");
        record();
        jsonLines = dir.resolve("day.jsonl");
        jacksonWrite();
        System.out.printf("%n%d events; golden log %d bytes (%.1f B/event); JSON lines %d bytes (%.1f B/event)%n",
                events.length, Files.size(log), bytesPerEvent(log), Files.size(jsonLines), bytesPerEvent(jsonLines));
    }

    private double bytesPerEvent(Path p) throws IOException {
        return (double) Files.size(p) / events.length;
    }

    @TearDown(Level.Trial)
    public void cleanUp() throws IOException {
        BenchStreams.deleteTree(dir);
    }

    /** The plain fold: the core over the pre-decoded events. */
    @Benchmark
    public String fold() {
        io.tradingchassis.core.state.State state = new io.tradingchassis.core.state.State(); // CHECKSTYLE:FQN JMH State
        CoreEngine engine = new CoreEngine(new RiskEngine());
        for (int i = 0; i < events.length; i++) {
            engine.processEvent(state, i, events[i], cfg);
        }
        return state.digest();
    }

    /** The fold recording every step into a golden log. */
    @Benchmark
    public long record() throws IOException {
        io.tradingchassis.core.state.State state = new io.tradingchassis.core.state.State(); // CHECKSTYLE:FQN JMH State
        CoreEngine engine = new CoreEngine(new RiskEngine());
        try (GoldenLogWriter w = GoldenLogWriter.create(log, Recording.header(cfg, List.of(), "bench"), state, true)) {
            for (int i = 0; i < events.length; i++) {
                StepResult r = engine.processEvent(state, i, events[i], cfg);
                w.onStep(i, events[i], r);
            }
            w.finish();
            return w.chain();
        }
    }

    /** Reading the log and decoding every event, nothing else. */
    @Benchmark
    public long decodeOnly() throws IOException {
        long sum = 0;
        try (GoldenLogReader r = GoldenLogReader.open(log)) {
            while (r.next()) {
                if (r.kind() == GoldenLogReader.Kind.ENTRY) {
                    sum += r.event().localTsNs() ^ r.chain();
                }
            }
        }
        return sum;
    }

    /** Ablation: reading the log, decoding every event and folding it, without the chain or checkpoints. */
    @Benchmark
    public String decodeFold() throws IOException {
        io.tradingchassis.core.state.State state = new io.tradingchassis.core.state.State(); // CHECKSTYLE:FQN JMH State
        CoreEngine engine = new CoreEngine(new RiskEngine());
        try (GoldenLogReader r = GoldenLogReader.open(log)) {
            while (r.next()) {
                if (r.kind() == GoldenLogReader.Kind.ENTRY) {
                    engine.processEvent(state, r.position(), r.event(), cfg);
                }
            }
        }
        return state.digest();
    }

    /** Replay-verify: what {@code tc replay} does. */
    @Benchmark
    public long replayVerify() throws IOException {
        return new Replayer(StrategyCatalog.standard()).replay(log).chain();
    }

    /** Baseline: the events as JSON lines through Jackson's ObjectMapper. */
    @Benchmark
    public long jacksonWrite() throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(jsonLines, StandardCharsets.UTF_8)) {
            for (Event e : events) {
                w.write(e.type().name());
                w.write('\t');
                w.write(JSON.writeValueAsString(e));
                w.write('\n');
            }
        }
        return Files.size(jsonLines);
    }

    /** Baseline: the JSON lines read back into events through Jackson's ObjectMapper. */
    @Benchmark
    public long jacksonRead() throws IOException {
        long sum = 0;
        try (BufferedReader r = Files.newBufferedReader(jsonLines, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                int tab = line.indexOf('\t');
                Event e = JSON.readValue(line.substring(tab + 1), classes.get(EventType.valueOf(line.substring(0, tab))));
                sum += e.localTsNs();
            }
        }
        return sum;
    }
}

package io.tradingchassis.bench;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.step.CoreEngine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The core fold over a whole stream ({@link BenchStreams}: the seeded synthetic stream and the two real
 * Binance days), one event at a time through {@code CoreEngine.processEvent} (no entry object), with
 * strategy {@code none}, the market maker and the momentum taker. No venue: the strategies' dispatched
 * requests stay inflight, as in the outside measurement. Its baselines, measured in the same
 * JMH run, are {@link FoldBaselineBench}'s read-only and primitive-book loops over the same events.
 *
 * <p>One operation is one event; an invocation is {@value #CHUNK} events, and every warm-up and
 * measurement iteration is one invocation (single shot), so warming up is a fixed amount of work however
 * busy the machine is. At the end of the stream the fold starts again from position 0 on a fresh State
 * (so a pass includes the day's snapshot, as a real fold does). Add
 * {@code -prof io.tradingchassis.bench.CpuTimeProfiler} for CPU time per event beside wall clock.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar FoldBench FoldBaselineBench -prof gc} from the
 * checkout's root.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
// CHECKSTYLE:FQN JMH's @State and the core's State share a simple name; the core's is imported.
@org.openjdk.jmh.annotations.State(Scope.Thread)
public class FoldBench {
    static final int CHUNK = 1 << 19;

    /** The stream folded. */
    @Param({BenchStreams.SYNTHETIC, BenchStreams.SPOT_DAY, BenchStreams.USDM_DAY})
    public String stream;

    /** The configured strategy. */
    @Param({"none", "market-maker", "momentum-taker"})
    public String strategy;

    private Event[] events;
    private CoreConfiguration cfg;
    private CoreEngine engine;
    private State state;
    private int cursor;

    @Setup(Level.Trial)
    public void load() {
        events = BenchStreams.events(stream);
        cfg = BenchStreams.config(stream, strategy);
        engine = new CoreEngine();
        state = new State();
        cursor = 0;
    }

    /** {@value #CHUNK} steps of the fold. */
    @Benchmark
    @OperationsPerInvocation(CHUNK)
    public long fold() {
        Event[] ev = events;
        int c = cursor;
        long acc = 0;
        for (int k = 0; k < CHUNK; k++) {
            if (c == ev.length) {
                state = new State();
                c = 0;
            }
            acc += engine.processEvent(state, c, ev[c], cfg).dispositionCount();
            c++;
        }
        cursor = c;
        return acc;
    }
}

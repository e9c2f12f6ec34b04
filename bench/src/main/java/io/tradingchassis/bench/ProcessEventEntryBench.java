package io.tradingchassis.bench;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventStreamEntry;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.core.step.StepResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hot path: one market event through {@code processEventEntry}. Every benchmark builds the one
 * {@link EventStreamEntry} a position needs (positions never repeat, E4), so
 * {@link #baselineEntryOnly} measures exactly that allocation: the core's own allocation per step is
 * {@code gc.alloc.rate.norm(bookDelta) − gc.alloc.rate.norm(baselineEntryOnly)}, expected 0.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar ProcessEventEntryBench -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
// CHECKSTYLE:FQN JMH's @State and the core's State share a simple name; the core's is imported.
@org.openjdk.jmh.annotations.State(Scope.Thread)
public class ProcessEventEntryBench {

    /**
     * {@code none}: pure state derivation. {@code quiet-maker}: a market maker whose quotes never move,
     * so the full pipeline runs and emits no Intent. {@code requoting-maker}: the top bid toggles every
     * event, so mid moves and the maker emits a REPLACE every step; its quote's NEW is inflight
     * forever (no venue here), so each REPLACE dominates the pending one (a step with an Intent).
     */
    @Param({"none", "quiet-maker", "requoting-maker"})
    public String strategy;

    private static final int LEVELS = 64;
    private static final int EVENTS = 4096;

    private CoreEngine engine;
    private CoreConfiguration cfg;
    private State state;
    private BookDelta[] deltas;
    private long position;
    private int cursor;

    @Setup(Level.Iteration)
    public void setUp() {
        String params = "none".equals(strategy) ? ""
                : ",\"strategy\":{\"id\":\"market-maker\",\"parameters\":{\"halfSpreadTicks\":5,"
                + "\"replaceThresholdTicks\":" + ("quiet-maker".equals(strategy) ? 1000000 : 0) + "}},"
                + "\"rateLimit\":{\"capacity\":1000000,\"refillPerSecond\":1000000}";
        cfg = CoreConfiguration.parse("{\"instruments\":[{\"symbol\":\"BTCUSDT\",\"tickSize\":\"0.01\","
                + "\"lotSize\":\"0.00001\"}]" + params + "}", "bench");
        engine = new CoreEngine();
        state = new State();
        position = 0;
        // Seed a two-sided book so every later delta is an in-place update near the top.
        for (int i = 0; i < LEVELS; i++) {
            step(new BookDelta(0, 1, 0, BookSide.BID, 1_000_000 - i, 10 + i));
            step(new BookDelta(0, 1, 0, BookSide.ASK, 1_000_010 + i, 10 + i));
        }
        deltas = new BookDelta[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            BookSide side = (i & 1) == 0 ? BookSide.BID : BookSide.ASK;
            long px = side == BookSide.BID ? 1_000_000 - (i % LEVELS) : 1_000_010 + (i % LEVELS);
            deltas[i] = new BookDelta(i, 2 + i, 0, side, px, 1 + (i % 97));
        }
        cursor = 0;
    }

    private StepResult step(Event e) {
        return engine.processEventEntry(state, new EventStreamEntry(position++, e), cfg);
    }

    /** A BookDelta (an in-place level update) through the full step. */
    @Benchmark
    public StepResult bookDelta() {
        BookDelta d = deltas[cursor];
        cursor = (cursor + 1) & (EVENTS - 1);
        return step(d);
    }

    /** Baseline: building the entry a step needs, without processing it. */
    @Benchmark
    public EventStreamEntry baselineEntryOnly() {
        BookDelta d = deltas[cursor];
        cursor = (cursor + 1) & (EVENTS - 1);
        return new EventStreamEntry(position++, d);
    }
}

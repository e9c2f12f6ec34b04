package io.tradingchassis.bench;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.Bbo;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.ControlTime;
import io.tradingchassis.core.event.ControlTimeReason;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventStreamEntry;
import io.tradingchassis.core.event.OrderAccepted;
import io.tradingchassis.core.event.OrderCancelled;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.event.OrderReplaced;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.Trade;
import io.tradingchassis.core.state.Order;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.core.step.StepResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
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
 * One step per operation, by event type, through {@code processEvent} on a realistic State: the first
 * 200,000 events of the synthetic stream ({@link BenchStreams}) are folded first, so the book holds
 * about a hundred levels per side and (with the market maker) quotes are inflight. Each market
 * benchmark cycles through the stream's own events of that type from there on (BookDelta near the top,
 * Trade at the touch, Bbo). {@link #controlTime} realizes a Control-Time deadline (the bench builds
 * that 48-byte event per step). {@link #quoteCycle} runs a stream where the market maker emits, risk
 * checks, the queue dispatches and a venue records, accepts, fills, replaces and cancels: one
 * operation is one entry of that stream (market, execution report or record).
 *
 * <p>One operation is one step; an invocation is {@value #STEPS} steps and every iteration is one
 * invocation (single shot: warming up is a fixed amount of work however busy the machine is).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar StepBench -prof gc}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
// CHECKSTYLE:FQN JMH's @State and the core's State share a simple name; the core's is imported.
@org.openjdk.jmh.annotations.State(Scope.Thread)
public class StepBench {
    private static final int PREFIX = 200_000;
    private static final int CYCLE_EVENTS = 400_000;
    static final int STEPS = 1 << 16;

    /** The configured strategy. */
    @Param({"none", "market-maker"})
    public String strategy;

    private CoreConfiguration cfg;
    private CoreEngine engine;
    private State state;
    private long position;
    private long lastTs;
    private BookDelta[] deltas;
    private Trade[] trades;
    private Bbo[] bbos;
    private int di;
    private int ti;
    private int bi;

    private CoreConfiguration cycleCfg;
    private CoreEngine cycleEngine;
    private State cycleState;
    private Event[] cycle;
    private int ci;

    @Setup(Level.Trial)
    public void setUp() {
        cfg = BenchStreams.config(BenchStreams.SYNTHETIC, strategy);
        Event[] stream = BenchStreams.synthetic(PREFIX * 2, BenchStreams.SYNTHETIC_SEED);
        engine = new CoreEngine();
        state = new State();
        for (int i = 0; i < PREFIX; i++) {
            engine.processEvent(state, position++, stream[i], cfg);
        }
        lastTs = state.control().controlTimeNs();
        List<BookDelta> d = new ArrayList<>();
        List<Trade> t = new ArrayList<>();
        List<Bbo> b = new ArrayList<>();
        for (int i = PREFIX; i < stream.length; i++) {
            if (stream[i] instanceof BookDelta x) {
                d.add(x);
            } else if (stream[i] instanceof Trade x) {
                t.add(x);
            } else if (stream[i] instanceof Bbo x) {
                b.add(x);
            }
        }
        deltas = d.toArray(new BookDelta[0]);
        trades = t.toArray(new Trade[0]);
        bbos = b.toArray(new Bbo[0]);

        cycleCfg = CoreConfiguration.parse("{\"instruments\":[{\"symbol\":\"X\",\"tickSize\":\"0.01\","
                + "\"lotSize\":\"1\"}],\"rateLimit\":{\"capacity\":1000,\"refillPerSecond\":1000000},"
                + "\"risk\":{\"maxPositionLots\":1000000000},"
                + "\"strategy\":{\"id\":\"market-maker\",\"parameters\":{\"halfSpreadTicks\":5,"
                + "\"replaceThresholdTicks\":1}}}", "bench:cycle");
        cycle = quoteCycles(cycleCfg, CYCLE_EVENTS);
        restartCycle();
    }

    private void restartCycle() {
        cycleEngine = new CoreEngine();
        cycleState = new State();
        ci = 0;
    }

    /**
     * Baseline: the same loop reading {@value #STEPS} BookDeltas without stepping. Its B/op is what a
     * single-shot iteration of JMH itself allocates (about 10 KB per iteration, so about 0.16 B/op): the
     * core's own allocation per step is a step benchmark's B/op minus this one's.
     */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public long baselineReadOnly() {
        long acc = 0;
        for (int k = 0; k < STEPS; k++) {
            BookDelta e = deltas[di];
            di = di + 1 == deltas.length ? 0 : di + 1;
            acc += e.qtyLots();
        }
        return acc;
    }

    /** A BookDelta near the top of the book. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public long bookDelta() {
        long acc = 0;
        for (int k = 0; k < STEPS; k++) {
            BookDelta e = deltas[di];
            di = di + 1 == deltas.length ? 0 : di + 1;
            acc += engine.processEvent(state, position++, e, cfg).dispositionCount();
        }
        return acc;
    }

    /** A Trade at the touch (the momentum taker's trigger; the market maker decides on it too). */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public long trade() {
        long acc = 0;
        for (int k = 0; k < STEPS; k++) {
            Trade e = trades[ti];
            ti = ti + 1 == trades.length ? 0 : ti + 1;
            acc += engine.processEvent(state, position++, e, cfg).dispositionCount();
        }
        return acc;
    }

    /** A Bbo. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public long bbo() {
        long acc = 0;
        for (int k = 0; k < STEPS; k++) {
            Bbo e = bbos[bi];
            bi = bi + 1 == bbos.length ? 0 : bi + 1;
            acc += engine.processEvent(state, position++, e, cfg).dispositionCount();
        }
        return acc;
    }

    /** A Control-Time deadline realized one microsecond after the last (includes building the event). */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public long controlTime() {
        long acc = 0;
        for (int k = 0; k < STEPS; k++) {
            lastTs += 1_000;
            acc += engine.processEvent(state, position++, new ControlTime(lastTs, lastTs, lastTs,
                    ControlTimeReason.RATE_LIMIT_RECOVERY), cfg).dispositionCount();
        }
        return acc;
    }

    /** One entry of the quote-cycle stream (market, the strategy's emission and dispatch, records, answers). */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public long quoteCycle() {
        long acc = 0;
        for (int k = 0; k < STEPS; k++) {
            if (ci == cycle.length) {
                restartCycle();
            }
            int i = ci++;
            acc += cycleEngine.processEvent(cycleState, i, cycle[i], cycleCfg).dispositionCount();
        }
        return acc;
    }

    /**
     * Book updates that move the mid by a tick every few events (so the maker re-quotes), and a venue
     * that records every dispatch at once, accepts NEWs, answers REPLACE and CANCEL, and fully fills a
     * quote three steps after its NEW. The stream is generated once by a first run: request ids are the
     * core's own.
     */
    private static Event[] quoteCycles(CoreConfiguration cfg, int count) {
        CoreEngine engine = new CoreEngine();
        State state = new State();
        List<Event> out = new ArrayList<>(count);
        Deque<Event> venue = new ArrayDeque<>();
        Deque<long[]> toFill = new ArrayDeque<>();
        long t = 1_000_000_000L;
        int n = 0;
        while (out.size() < count) {
            t += 1_000;
            Event e;
            if (!venue.isEmpty()) {
                e = venue.poll();
            } else if (!toFill.isEmpty() && toFill.peek()[1] <= n) {
                long key = toFill.poll()[0];
                Order o = state.execution().orders().get(key);
                e = o == null ? new BookDelta(t, t, 0, BookSide.BID, 990, 1 + (n % 5))
                        : new OrderFilled(t, t, key, o.leavesLots(), o.priceTicks(), 0);
            } else {
                BookSide side = (n & 1) == 0 ? BookSide.BID : BookSide.ASK;
                long shift = (n / 16) % 4;
                e = new BookDelta(t, t, 0, side, side == BookSide.BID ? 1_000 + shift : 1_010 + shift, 1 + (n % 7));
            }
            n++;
            StepResult r = engine.processEventEntry(state, new EventStreamEntry(out.size(), e), cfg);
            out.add(e);
            for (int i = 0; i < r.dispatchCount(); i++) {
                long key = r.dispatchOrderKey(i);
                long req = r.dispatchRequestId(i);
                venue.add(new OrderSubmitted(t, t, key, req, r.dispatch(i).command()));
                if (r.dispatchType(i) == CommandType.NEW) {
                    venue.add(new OrderAccepted(t, t, key));
                    toFill.add(new long[] {key, n + 3});
                } else if (r.dispatchType(i) == CommandType.REPLACE) {
                    venue.add(new OrderReplaced(t, t, key, req, r.dispatchPriceTicks(i), r.dispatchQtyLots(i)));
                } else {
                    venue.add(new OrderCancelled(t, t, key, req));
                }
            }
        }
        return out.toArray(new Event[0]);
    }
}

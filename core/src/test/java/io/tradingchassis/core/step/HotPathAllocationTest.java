package io.tradingchassis.core.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventStreamEntry;
import io.tradingchassis.core.event.OrderAccepted;
import io.tradingchassis.core.event.OrderCancelled;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.event.OrderReplaced;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.state.State;
import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards the allocation-free hot path (issue #2/#3 "Speed"): a BookDelta step allocates nothing once
 * State has grown — with no strategy, with a market maker whose quotes stay put, and with one that
 * emits a REPLACE every step (dominating its pending REPLACE: no new command object). This counts bytes
 * with the JVM's per-thread allocation counter; it is a regression guard, not a benchmark (the numbers
 * live in bench/ProcessEventEntryBench with -prof gc).
 */
class HotPathAllocationTest {

    private static final int WARMUP = 50_000;
    private static final int MEASURED = 100_000;

    @ParameterizedTest(name = "strategy {0}")
    @ValueSource(strings = {"none", "quiet-maker", "requoting-maker"})
    void book_delta_step_allocates_nothing(String strategy) {
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        // quiet-maker: quotes never move, no Intent after the first step. requoting-maker: the top bid
        // toggles, mid moves every event and the maker emits a REPLACE every step; its NEW stays inflight
        // (no venue here), so each REPLACE dominates the pending one: a step with an Intent.
        boolean requote = "requoting-maker".equals(strategy);
        String extra = "none".equals(strategy) ? ""
                : ",\"strategy\":{\"id\":\"market-maker\",\"parameters\":{\"halfSpreadTicks\":5,"
                + "\"replaceThresholdTicks\":" + (requote ? 0 : 1000000) + "}}";
        CoreConfiguration cfg = CoreConfiguration.parse("{\"instruments\":[{\"symbol\":\"X\",\"tickSize\":\"0.01\","
                + "\"lotSize\":\"1\"}]" + extra + "}", "test");
        CoreEngine engine = new CoreEngine();
        State state = new State();
        EventStreamEntry[] entries = new EventStreamEntry[WARMUP + MEASURED];
        for (int i = 0; i < entries.length; i++) {
            BookSide side = (i & 1) == 0 ? BookSide.BID : BookSide.ASK;
            long px = side == BookSide.BID ? 1_000 - (i % 64) : 1_010 + (i % 64);
            Event e = requote && i >= 128
                    ? new BookDelta(i, i, 0, BookSide.BID, 1_002, (i & 1) == 0 ? 5 : 0)
                    : new BookDelta(i, i, 0, side, px, 1 + (i % 97));
            entries[i] = new EventStreamEntry(i, e);
        }
        for (int i = 0; i < WARMUP; i++) {
            engine.processEventEntry(state, entries[i], cfg);
        }
        long stepsWithIntents = 0;
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = WARMUP; i < entries.length; i++) {
            if (engine.processEventEntry(state, entries[i], cfg).dispositionCount() > 0) {
                stepsWithIntents++;
            }
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertEquals(requote ? MEASURED : 0, stepsWithIntents, "steps that emitted an Intent");
        // Far below one byte per step: any per-step allocation (>= 16 bytes) would show as >= 1.6 MB.
        assertTrue(allocated < 64 * 1024, "hot path allocated " + allocated + " bytes over " + MEASURED + " steps");
    }

    /**
     * The full quote cycle in steady state allocates nothing in the core (issue #7 §6): the maker's NEW
     * enters an empty queue slot, is dispatched, recorded (an Order is created), accepted, filled
     * completely (the Order retires) and replaced by a fresh NEW — Orders and commands come from pools.
     * The stream is generated once by a first run (request ids are the core's), then replayed on a fresh
     * engine and State with the allocation counter around the second half.
     */
    @Test
    void quote_cycle_with_venue_allocates_nothing_in_steady_state() {
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        CoreConfiguration cfg = CoreConfiguration.parse("{\"instruments\":[{\"symbol\":\"X\",\"tickSize\":\"0.01\","
                + "\"lotSize\":\"1\"}],\"rateLimit\":{\"capacity\":1000,\"refillPerSecond\":1000000},"
                + "\"risk\":{\"maxPositionLots\":1000000000},"
                + "\"strategy\":{\"id\":\"market-maker\",\"parameters\":{\"halfSpreadTicks\":5,"
                + "\"replaceThresholdTicks\":1000000}}}", "test");
        List<EventStreamEntry> stream = generateQuoteCycles(cfg, 60_000);
        CoreEngine engine = new CoreEngine();
        State state = new State();
        int half = stream.size() / 2;
        for (int i = 0; i < half; i++) {
            engine.processEventEntry(state, stream.get(i), cfg);
        }
        long submittedBefore = state.execution().orders().submittedCount();
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = half; i < stream.size(); i++) {
            engine.processEventEntry(state, stream.get(i), cfg);
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        long cycles = state.execution().orders().submittedCount() - submittedBefore;
        assertTrue(cycles > 5_000, "quote cycles measured: " + cycles);
        assertTrue(state.execution().orders().liveCount() <= 2, "State holds live work only");
        // Any per-cycle allocation (>= 16 bytes) would show as >= 80 KB.
        assertTrue(allocated < 64 * 1024, "quote cycles allocated " + allocated + " bytes over " + cycles + " cycles");
    }

    /** Book updates, and a venue that records, accepts and (three steps later) fully fills every quote. */
    private static List<EventStreamEntry> generateQuoteCycles(CoreConfiguration cfg, int count) {
        CoreEngine engine = new CoreEngine();
        State state = new State();
        List<EventStreamEntry> out = new ArrayList<>(count);
        Deque<Event> venue = new ArrayDeque<>();
        Deque<long[]> toFill = new ArrayDeque<>();
        long t = 1_000_000_000L;
        int n = 0;
        while (out.size() < count) {
            t += 1_000;
            Event e;
            if (!venue.isEmpty()) {
                e = venue.poll();
            } else if (toFill.size() > 0 && toFill.peek()[2] <= n) {
                long[] f = toFill.poll();
                e = new OrderFilled(t, t, f[0], f[1], f[3], 0);
            } else {
                BookSide side = (n & 1) == 0 ? BookSide.BID : BookSide.ASK;
                e = new BookDelta(t, t, 0, side, side == BookSide.BID ? 1_000 : 1_010, 1 + (n % 7));
            }
            n++;
            EventStreamEntry entry = new EventStreamEntry(out.size(), e);
            StepResult r = engine.processEventEntry(state, entry, cfg);
            out.add(entry);
            for (int i = 0; i < r.dispatchCount(); i++) {
                long key = r.dispatchOrderKey(i);
                long req = r.dispatchRequestId(i);
                venue.add(new OrderSubmitted(t, t, key, req, r.dispatch(i).command()));
                if (r.dispatchType(i) == CommandType.NEW) {
                    venue.add(new OrderAccepted(t, t, key));
                    toFill.add(new long[] {key, r.dispatchQtyLots(i), n + 3, r.dispatchPriceTicks(i)});
                } else if (r.dispatchType(i) == CommandType.REPLACE) {
                    venue.add(new OrderReplaced(t, t, key, req, r.dispatchPriceTicks(i), r.dispatchQtyLots(i)));
                } else {
                    venue.add(new OrderCancelled(t, t, key, req));
                }
            }
        }
        return out;
    }
}

package io.tradingchassis.core.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventStreamEntry;
import io.tradingchassis.core.state.State;
import java.lang.management.ManagementFactory;
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
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
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
}

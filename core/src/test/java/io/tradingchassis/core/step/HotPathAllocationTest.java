package io.tradingchassis.core.step;

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
 * Guards the allocation-free hot path (issue #2/#3 "Speed"): a BookDelta step, with no strategy and
 * with a market maker whose quotes stay put, allocates nothing once State has grown. This counts bytes
 * with the JVM's per-thread allocation counter; it is a regression guard, not a benchmark (the numbers
 * live in bench/ProcessEventEntryBench with -prof gc).
 */
class HotPathAllocationTest {

    private static final int WARMUP = 50_000;
    private static final int MEASURED = 100_000;

    @ParameterizedTest(name = "strategy {0}")
    @ValueSource(strings = {"none", "market-maker"})
    void book_delta_step_allocates_nothing(String strategy) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        String extra = "market-maker".equals(strategy)
                ? ",\"strategy\":{\"id\":\"market-maker\",\"parameters\":{\"halfSpreadTicks\":5,"
                + "\"replaceThresholdTicks\":1000000}}"
                : "";
        CoreConfiguration cfg = CoreConfiguration.parse("{\"instruments\":[{\"symbol\":\"X\",\"tickSize\":\"0.01\","
                + "\"lotSize\":\"1\"}]" + extra + "}", "test");
        CoreEngine engine = new CoreEngine();
        State state = new State();
        EventStreamEntry[] entries = new EventStreamEntry[WARMUP + MEASURED];
        for (int i = 0; i < entries.length; i++) {
            BookSide side = (i & 1) == 0 ? BookSide.BID : BookSide.ASK;
            long px = side == BookSide.BID ? 1_000 - (i % 64) : 1_001 + (i % 64);
            Event e = new BookDelta(i, i, 0, side, px, 1 + (i % 97));
            entries[i] = new EventStreamEntry(i, e);
        }
        for (int i = 0; i < WARMUP; i++) {
            engine.processEventEntry(state, entries[i], cfg);
        }
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = WARMUP; i < entries.length; i++) {
            engine.processEventEntry(state, entries[i], cfg);
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        // Far below one byte per step: any per-step allocation (>= 16 bytes) would show as >= 1.6 MB.
        assertTrue(allocated < 64 * 1024, "hot path allocated " + allocated + " bytes over " + MEASURED + " steps");
    }
}

package io.tradingchassis.core.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.StrategyCatalog;
import io.tradingchassis.core.config.StrategyConfig;
import io.tradingchassis.core.queue.QueueTestKit;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Strategy selection by id and stream-derived order keys (E5: same keys on every replay). */
class StrategyFactoryTest {

    @Test
    void createsEveryCatalogStrategy_byItsId() {
        for (String id : StrategyCatalog.ids()) {
            String params = "";
            Strategy s = StrategyFactory.create(QueueTestKit.config(QueueTestKit.strategy(id, params)).strategy());
            assertEquals(id, s.id());
        }
        assertInstanceOf(NoStrategy.class, StrategyFactory.create(QueueTestKit.config("").strategy()));
    }

    @Test
    void unknownId_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StrategyFactory.create(new StrategyConfig("nope", new TreeMap<>())));
        assertTrue(e.getMessage().contains("nope"));
    }

    @Test
    void noneStrategy_neverEmits() {
        StrategyTestSupport.Sink sink = new StrategyTestSupport.Sink();
        new NoStrategy().decide(new io.tradingchassis.core.state.State(), sink);
        assertTrue(sink.emitted.isEmpty());
    }

    @Test
    void orderKeys_positionTimes16PlusSlot_uniqueAcrossPositionsAndSlots() {
        assertEquals(0, OrderKeys.fresh(0, 0));
        assertEquals(15, OrderKeys.fresh(0, 15));
        assertEquals(16, OrderKeys.fresh(1, 0));
        assertEquals(12_345L * 16 + 2, OrderKeys.fresh(12_345, 2));
        Set<Long> seen = new HashSet<>();
        for (long p = 0; p < 200; p++) {
            for (int s = 0; s < OrderKeys.SLOTS; s++) {
                assertTrue(seen.add(OrderKeys.fresh(p, s)));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> OrderKeys.fresh(5, -1));
        assertThrows(IllegalArgumentException.class, () -> OrderKeys.fresh(5, OrderKeys.SLOTS));
    }
}

package io.tradingchassis.runtime.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tradingchassis.core.event.Bbo;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSnapshot;
import io.tradingchassis.core.event.MarketEvent;
import io.tradingchassis.core.event.Trade;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Guards of {@link RunMetrics}' per-entry switch. */
class RunMetricsTest {

    /**
     * RunMetrics samples mid and marked PnL on the MarketEvent types, listed by EventType (BOOK_DELTA,
     * BOOK_SNAPSHOT, TRADE, BBO) rather than tested with instanceof: a new MarketEvent type must be added there.
     */
    @Test
    void theMarketEventTypesRunMetricsSwitchesOnAreExactlyThePermittedOnes() {
        assertEquals(Set.of(BookDelta.class, BookSnapshot.class, Trade.class, Bbo.class),
                Set.of(MarketEvent.class.getPermittedSubclasses()));
    }
}

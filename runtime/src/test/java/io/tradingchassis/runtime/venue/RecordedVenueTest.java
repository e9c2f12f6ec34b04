package io.tradingchassis.runtime.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.runtime.EventStreamCursor;
import io.tradingchassis.runtime.RuntimeLoop;
import io.tradingchassis.runtime.VenueAdapter;
import io.tradingchassis.runtime.backtest.SyntheticMarket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC §12: a recorded-feedback venue reproduces a recorded run, and refuses a run that diverges. */
class RecordedVenueTest {

    static final String CONFIG = "{\"instruments\":[{\"symbol\":\"BTCUSDT\",\"tickSize\":\"0.01\",\"lotSize\":\"0.00001\"}],"
            + "\"risk\":{\"maxOrderQtyLots\":100000,\"maxPositionLots\":500000,\"priceBandTicks\":5000},"
            + "\"rateLimit\":{\"capacity\":2,\"refillPerSecond\":5},"
            + "\"strategy\":{\"id\":\"market-maker\",\"parameters\":{\"halfSpreadTicks\":HALF,\"quoteQtyLots\":1000}}}";

    static List<Event> run(CoreConfiguration cfg, VenueAdapter venue) {
        List<Event> stream = new ArrayList<>();
        EventStreamCursor cursor = new EventStreamCursor(new CoreEngine(), new State(), cfg, (p, e, r) -> stream.add(e));
        new RuntimeLoop(cursor, cfg, new SyntheticMarket(5, 15_000, 0, 1_700_000_000_000_000_000L, 6_000_000), venue)
                .run();
        return stream;
    }

    @Test
    void replayingTheRecordedFeedbackReproducesTheRunEntryForEntry() {
        CoreConfiguration cfg = CoreConfiguration.parse(CONFIG.replace("HALF", "2"), "test");
        List<Event> original = run(cfg, new SimulatedVenue(VenueSettings.of(cfg)));
        assertTrue(original.stream().filter(e -> e.type() == EventType.ORDER_FILLED).count() > 10, "a run with fills");
        assertTrue(original.stream().anyMatch(e -> e.type() == EventType.CONTROL_TIME), "and rate-limit recovery");
        List<Event> replayed = run(cfg, new RecordedVenue(original.iterator()));
        assertEquals(original, replayed);
    }

    @Test
    void aRunThatDispatchesDifferentlyIsRefusedAtTheFirstDifferingRequest() {
        CoreConfiguration cfg = CoreConfiguration.parse(CONFIG.replace("HALF", "2"), "test");
        List<Event> original = run(cfg, new SimulatedVenue(VenueSettings.of(cfg)));
        CoreConfiguration wider = CoreConfiguration.parse(CONFIG.replace("HALF", "3"), "test");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> run(wider, new RecordedVenue(original.iterator())));
        assertTrue(e.getMessage().contains("request #1") && e.getMessage().contains("diverged"), e.getMessage());
    }
}

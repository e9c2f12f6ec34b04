package io.tradingchassis.runtime.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.ControlTime;
import io.tradingchassis.core.event.ControlTimeReason;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.runtime.EventStreamCursor;
import io.tradingchassis.runtime.InputSource;
import io.tradingchassis.runtime.RuntimeLoop;
import io.tradingchassis.runtime.venue.SimulatedVenue;
import io.tradingchassis.runtime.venue.VenueSettings;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scripted strategy drives the runtime to exact times: each item at its own control time. */
class ScriptedRunTest {
    static final long S = 1_000_000_000L;

    @Test
    void eachItemIsEmittedAtExactlyItsControlTimeThroughAStrategyTimer() {
        String json = "{\"instruments\":[{\"symbol\":\"BTCUSDT\",\"tickSize\":\"0.1\",\"lotSize\":\"0.001\"}],"
                + "\"strategy\":{\"id\":\"scripted\",\"script\":["
                + "{\"atNs\":" + (15 * S / 10) + ",\"intent\":\"NEW\",\"key\":1,\"side\":\"BUY\",\"price\":\"99.9\","
                + "\"qty\":\"0.005\",\"tif\":\"GTC\"},"
                + "{\"atNs\":" + (3 * S) + ",\"intent\":\"CANCEL\",\"key\":1,\"side\":\"BUY\"}]}}";
        CoreConfiguration cfg = CoreConfiguration.parse(json, "scripted.json");
        Deque<Event> rows = new ArrayDeque<>(List.of(new BookDelta(S, S, 0, BookSide.BID, 999, 5),
                new BookDelta(S, S, 0, BookSide.ASK, 1001, 5), new BookDelta(2 * S, 2 * S, 0, BookSide.BID, 998, 5),
                new BookDelta(4 * S, 4 * S, 0, BookSide.ASK, 1002, 5)));
        InputSource market = new InputSource() {
            @Override
            public long peekLocalTsNs() {
                return rows.isEmpty() ? EXHAUSTED : rows.peek().localTsNs();
            }

            @Override
            public Event poll() {
                return rows.poll();
            }
        };
        List<Event> stream = new ArrayList<>();
        EventStreamCursor cursor = new EventStreamCursor(new CoreEngine(), new State(), cfg,
                (p, e, r) -> stream.add(e));
        new RuntimeLoop(cursor, cfg, market, new SimulatedVenue(VenueSettings.of(cfg))).run();
        List<String> seen = new ArrayList<>();
        for (Event e : stream) {
            if (e instanceof ControlTime ct) {
                assertEquals(ControlTimeReason.STRATEGY_TIMER, ct.reason());
                seen.add("CT@" + ct.deadlineNs());
            } else if (e instanceof OrderSubmitted s) {
                seen.add(s.command().type() + "@" + s.localTsNs() + ":" + s.command().priceTicks());
            }
        }
        assertEquals(List.of("CT@" + 15 * S / 10, "NEW@" + 15 * S / 10 + ":999", "CT@" + 3 * S,
                "CANCEL@" + 3 * S + ":0"), seen);
        assertTrue(stream.stream().anyMatch(e -> e.type() == EventType.ORDER_CANCELLED), "the venue cancelled it");
        assertEquals(2, cursor.state().control().memory(0), "progress lives in strategy memory");
    }
}

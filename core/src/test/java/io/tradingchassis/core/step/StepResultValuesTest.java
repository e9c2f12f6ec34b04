package io.tradingchassis.core.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.EventStreamEntry;
import io.tradingchassis.core.state.InvariantViolation;
import io.tradingchassis.core.state.State;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Issue #7 §2: nothing mutable crosses the API — a StepResult holds values, never State's objects. */
class StepResultValuesTest {

    @Test
    void noPublicMethodOfAResultReturnsAStateObject() {
        for (Method m : StepResult.class.getMethods()) {
            assertFalse(m.getReturnType().getPackageName().endsWith(".core.state"),
                    "StepResult." + m.getName() + " returns " + m.getReturnType().getName());
        }
        assertTrue(DispatchRequest.class.isRecord(), "a dispatch request is a value");
        assertTrue(Modifier.isFinal(StepResult.class.getModifiers()));
    }

    @Test
    void aDispatchRequestIsACopyNotTheInflightMarker() {
        CoreConfiguration cfg = CoreConfiguration.parse("{\"instruments\":[{\"symbol\":\"X\",\"tickSize\":\"1\","
                + "\"lotSize\":\"1\"}],\"strategy\":{\"id\":\"market-maker\"}}", "test");
        CoreEngine engine = new CoreEngine();
        State state = new State();
        engine.processEventEntry(state, new EventStreamEntry(0, new BookDelta(1, 1, 0, BookSide.BID, 99, 5)), cfg);
        StepResult r = engine.processEventEntry(state, new EventStreamEntry(1,
                new BookDelta(2, 2, 0, BookSide.ASK, 103, 5)), cfg);
        assertEquals(2, r.dispatchCount());
        String digest = state.digest();
        DispatchRequest d = r.dispatch(0);
        assertNotSame(d, r.dispatch(0), "each call hands out a fresh value");
        assertEquals(CommandType.NEW, d.type());
        assertEquals(state.execution().inflight().get(d.orderKey()).requestId(), d.requestId());
        assertEquals(d.priceTicks(), r.dispatchPriceTicks(0));
        assertEquals(d.requestId(), r.dispatchRequestId(0));
        StepResult kept = r.copy();
        assertEquals(r.toString(), kept.toString());
        assertEquals(digest, state.digest(), "reading a result changes no State");
    }

    @Test
    void aResultStaysValidUntilTheNextSuccessfulStep() {
        CoreConfiguration cfg = CoreConfiguration.parse("{\"instruments\":[{\"symbol\":\"X\",\"tickSize\":\"1\","
                + "\"lotSize\":\"1\"}],\"strategy\":{\"id\":\"market-maker\"}}", "test");
        CoreEngine engine = new CoreEngine();
        State state = new State();
        engine.processEventEntry(state, new EventStreamEntry(0, new BookDelta(1, 1, 0, BookSide.BID, 99, 5)), cfg);
        StepResult good = engine.processEventEntry(state, new EventStreamEntry(1,
                new BookDelta(2, 2, 0, BookSide.ASK, 103, 5)), cfg);
        String before = good.toString();
        // A repeated position fails (E4): the last good result keeps its dispatches.
        Assertions.assertThrows(InvariantViolation.class,
                () -> engine.processEventEntry(state, new EventStreamEntry(1,
                        new BookDelta(3, 3, 0, BookSide.ASK, 104, 5)), cfg));
        assertEquals(before, good.toString());
        assertEquals(2, good.dispatchCount());
    }
}

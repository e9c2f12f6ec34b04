package io.tradingchassis.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.intent.Disposition;
import io.tradingchassis.core.intent.Reason;
import io.tradingchassis.core.risk.RiskEngine;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.core.step.StepResult;
import io.tradingchassis.properties.gen.Scenarios;
import io.tradingchassis.properties.support.Props;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Guards the properties against a degenerate generator: over the streams the core properties see, every
 * event type a run can hold occurs, every disposition and the interesting reasons occur, and fills land
 * while a REPLACE or CANCEL for the same order is dispatched but not yet recorded (the orderings that hid
 * bugs before).
 */
class GeneratorCoverageTest {

    @Test
    void theValidStreamGeneratorReachesEveryEventTypeDispositionAndTheLateRecordOrderings() {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        Set<Disposition> dispositions = EnumSet.noneOf(Disposition.class);
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        AtomicInteger fillsBeforeRecord = new AtomicInteger();
        AtomicInteger obligations = new AtomicInteger();
        Props.qt("generator_coverage", 60).forAll(Scenarios.valid(120, 14)).checkAssert(s -> {
            CoreConfiguration cfg = s.configuration();
            State state = new State();
            CoreEngine engine = new CoreEngine(new RiskEngine(), s.catalog());
            for (int i = 0; i < s.size(); i++) {
                Event e = s.events().get(i);
                types.add(e.type());
                if (e instanceof OrderFilled f && state.execution().inflight().get(f.orderId()) != null
                        && !state.execution().inflight().recorded(f.orderId())) {
                    fillsBeforeRecord.incrementAndGet();
                }
                StepResult r = engine.processEvent(state, i, e, cfg);
                for (int d = 0; d < r.dispositionCount(); d++) {
                    dispositions.add(r.disposition(d));
                    reasons.add(r.dispositionReason(d));
                }
                if (r.hasObligation()) {
                    obligations.incrementAndGet();
                }
            }
        });
        Set<EventType> expected = EnumSet.allOf(EventType.class);
        expected.removeAll(EnumSet.of(EventType.FEED_GAP)); // no feed gap in generated market data
        assertEquals(expected, types, "event types in the generated streams");
        assertEquals(EnumSet.allOf(Disposition.class), dispositions);
        // DOMINATED_BY_PENDING (a REPLACE over a pending CANCEL) is rare end to end; the dominance-matrix
        // property drives every cell of SPEC §7 directly.
        for (Reason r : EnumSet.of(Reason.MAX_ORDER_QTY, Reason.PRICE_BAND, Reason.KILL_SWITCH, Reason.KEY_NOT_FRESH,
                Reason.NO_LIVE_ORDER, Reason.TARGET_TERMINAL, Reason.REPLACED_BY_INCOMING, Reason.RATE_LIMITED,
                Reason.INFLIGHT)) {
            assertTrue(reasons.contains(r), "reason never reached: " + r + " (reached " + reasons + ")");
        }
        assertTrue(fillsBeforeRecord.get() > 0, "no fill ever landed before a REPLACE/CANCEL record");
        assertTrue(obligations.get() > 0, "no obligation ever returned");
    }
}

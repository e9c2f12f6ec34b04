package io.tradingchassis.properties.support;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.risk.RiskEngine;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.core.step.StepResult;
import io.tradingchassis.core.strategy.StrategyCatalog;
import java.util.ArrayList;
import java.util.List;

/** The core alone folding a stream: every step's full result rendering and State digest. */
public final class Fold {
    private Fold() {
    }

    /** What a fold produced, step by step, and the final State. */
    public record Folded(List<String> results, List<String> digests, State state) {
    }

    /** Folds {@code events} from position 0 with a fresh engine on {@code catalog} and the standard risk policies. */
    public static Folded fold(List<Event> events, CoreConfiguration cfg, StrategyCatalog catalog) {
        return fold(new State(), 0, events, cfg, new CoreEngine(new RiskEngine(), catalog));
    }

    /** Folds {@code events} into {@code state}, the first at {@code firstPosition}, with {@code engine}. */
    public static Folded fold(State state, long firstPosition, List<Event> events, CoreConfiguration cfg,
                              CoreEngine engine) {
        List<String> results = new ArrayList<>(events.size());
        List<String> digests = new ArrayList<>(events.size());
        long p = firstPosition;
        for (Event e : events) {
            StepResult r = engine.processEvent(state, p++, e, cfg);
            results.add(render(r));
            digests.add(state.digest());
        }
        return new Folded(results, digests, state);
    }

    /**
     * Every field of a result, in one line: transitions, dispositions with reasons, dispatches with
     * request id, instrument and time in force, the obligation with its reason and scope, the Strategy's
     * run and failure. Two results render equal iff they are equal.
     */
    public static String render(StepResult r) {
        StringBuilder b = new StringBuilder().append(r.position()).append(' ').append(r.eventType());
        for (int i = 0; i < r.transitionCount(); i++) {
            b.append(" T(").append(r.transitionOrderId(i)).append(':').append(r.transitionFrom(i)).append("->")
                    .append(r.transitionTo(i)).append(')');
        }
        for (int i = 0; i < r.dispositionCount(); i++) {
            b.append(" D(").append(r.dispositionIntentId(i)).append(' ').append(r.dispositionOrderKey(i)).append(' ')
                    .append(r.dispositionType(i)).append(' ').append(r.disposition(i)).append(' ')
                    .append(r.dispositionReason(i)).append(')');
        }
        for (int i = 0; i < r.dispatchCount(); i++) {
            b.append(" X").append(r.dispatch(i));
        }
        if (r.hasObligation()) {
            b.append(" O(").append(r.obligationDeadlineNs()).append(' ').append(r.obligationReason()).append(' ')
                    .append(r.obligationScopeKey()).append(')');
        }
        b.append(r.strategyRan() ? " ran" : " idle");
        if (r.strategyFailure() != null) {
            b.append(" failure=").append(r.strategyFailure());
        }
        return b.toString();
    }
}

package io.tradingchassis.core.strategy;

import io.tradingchassis.core.intent.IntentSink;
import io.tradingchassis.core.view.StateView;
import io.tradingchassis.core.view.StrategyView;

/**
 * A trading strategy: a deterministic function of the State projection to Intents (SPEC §5 step 3).
 * Implementations keep no mutable fields (D3): what they remember lives in State, in the memory slots
 * their {@link StrategyProvider} declares. Anything thrown — {@code Error}s included — is caught by the
 * core: the step emits nothing from this decision, memory writes of the decision are discarded, and the
 * failure is reported in the step's result.
 */
public interface Strategy {

    /**
     * Optional predicate over State (SPEC §5 step 3): the decision trigger fires only when it is true.
     * Read-only: memory cannot be written here. Default: always.
     */
    default boolean wantsDecision(StateView view) {
        return true;
    }

    /** Reads the view (current through the triggering event, I2), may update memory, emits Intents. */
    void decide(StrategyView view, IntentSink out);
}

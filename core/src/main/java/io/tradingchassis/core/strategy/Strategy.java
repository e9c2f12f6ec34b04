package io.tradingchassis.core.strategy;

import io.tradingchassis.core.intent.IntentSink;
import io.tradingchassis.core.view.StateView;

/**
 * A trading strategy: a deterministic function of the State projection to Intents. Implementations
 * keep no mutable fields (D3): everything they remember lives in State.
 */
public interface Strategy {

    /** The id this strategy is selected by in the configuration. */
    String id();

    /**
     * Optional predicate over State (SPEC §5 step 3): the decision trigger fires only when it is true.
     * Default: always.
     */
    default boolean wantsDecision(StateView view) {
        return true;
    }

    /** Reads the view (current through the triggering event, I2) and emits zero or more Intents. */
    void decide(StateView view, IntentSink out);
}

package io.tradingchassis.core.strategy;

import io.tradingchassis.core.intent.IntentSink;
import io.tradingchassis.core.view.StateView;
import io.tradingchassis.core.view.StrategyView;

/** The {@code none} strategy: never emits an Intent (data-only runs, recording, replays of feeds). */
public final class NoStrategy implements Strategy {
    /** Its id. */
    public static final String ID = "none";

    /** Never decides: the step skips the Strategy stage entirely (nothing to project). */
    @Override
    public boolean wantsDecision(StateView view) {
        return false;
    }

    @Override
    public void decide(StrategyView view, IntentSink out) {
        // Deliberately empty: this strategy observes only.
    }
}

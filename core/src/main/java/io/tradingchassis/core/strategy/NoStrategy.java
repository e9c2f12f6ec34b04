package io.tradingchassis.core.strategy;

import io.tradingchassis.core.config.StrategyCatalog;
import io.tradingchassis.core.intent.IntentSink;
import io.tradingchassis.core.view.StateView;

/** The {@code none} strategy: never emits an Intent (data-only runs, recording, replays of feeds). */
public final class NoStrategy implements Strategy {
    @Override
    public String id() {
        return StrategyCatalog.NONE;
    }

    /** Never decides: the step skips the Strategy stage entirely (nothing to project). */
    @Override
    public boolean wantsDecision(StateView view) {
        return false;
    }

    @Override
    public void decide(StateView view, IntentSink out) {
        // Deliberately empty: this strategy observes only.
    }
}

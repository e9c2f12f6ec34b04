package io.tradingchassis.core.risk;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.intent.IntentBuffer;
import io.tradingchassis.core.intent.Reason;
import io.tradingchassis.core.state.State;

/** One risk policy. Returns {@link Reason#NONE} to allow, a denial reason otherwise. Must not mutate State. */
@FunctionalInterface
public interface RiskPolicy {

    /** Verdict for Intent {@code i} of {@code intents}, given State after derivation and earlier admissions. */
    Reason evaluate(State state, CoreConfiguration cfg, IntentBuffer intents, int i);
}

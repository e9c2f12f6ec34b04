package io.tradingchassis.core.risk;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.intent.IntentView;
import io.tradingchassis.core.intent.Reason;

/**
 * One risk policy. Returns {@link Reason#NONE} to allow, a denial reason otherwise. It sees only
 * read-only views; anything it throws ({@code Error}s included) is a {@link Reason#POLICY_ERROR} denial.
 */
@FunctionalInterface
public interface RiskPolicy {

    /** Verdict for {@code intent}, given State after derivation and earlier admissions of the step. */
    Reason evaluate(RiskView state, CoreConfiguration cfg, IntentView intent);
}

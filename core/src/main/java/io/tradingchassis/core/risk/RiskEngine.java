package io.tradingchassis.core.risk;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.intent.IntentBuffer;
import io.tradingchassis.core.intent.Reason;
import io.tradingchassis.core.state.State;
import java.util.List;

/**
 * Applies the policies to one Intent and returns exactly one verdict (R2): {@link Reason#NONE} for
 * ALLOWED, a reason for DENIED. A policy that throws yields {@link Reason#POLICY_ERROR}.
 */
public final class RiskEngine {
    private final RiskPolicy[] policies;

    /** The standard policies ({@link RiskPolicies#STANDARD}). */
    public RiskEngine() {
        this(RiskPolicies.STANDARD);
    }

    /** Custom policies, applied in order; the first denial wins. */
    public RiskEngine(List<RiskPolicy> policies) {
        this.policies = policies.toArray(new RiskPolicy[0]);
    }

    /** The verdict for Intent {@code i}: {@link Reason#NONE} means ALLOWED. */
    public Reason check(State state, CoreConfiguration cfg, IntentBuffer intents, int i) {
        for (RiskPolicy p : policies) {
            Reason r;
            try {
                r = p.evaluate(state, cfg, intents, i);
            } catch (Exception e) {
                // SPEC §5 step 4: an exception is a DENIED, never an allow. Exception, not just
                // RuntimeException: a checked exception thrown sneakily must not escape the step.
                return Reason.POLICY_ERROR;
            }
            if (r == null) {
                return Reason.POLICY_ERROR; // a policy that gives no verdict did not allow
            }
            if (r != Reason.NONE) {
                return r;
            }
        }
        return Reason.NONE;
    }

    /** True when a verdict is ALLOWED. */
    public static boolean allowed(Reason verdict) {
        return verdict == Reason.NONE;
    }
}

package io.tradingchassis.core.risk;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.intent.IntentView;
import io.tradingchassis.core.intent.Reason;
import java.util.List;

/**
 * Applies the policies to one Intent and returns exactly one verdict (R2): {@link Reason#NONE} for
 * ALLOWED, a reason for DENIED. A policy that throws anything — {@code Error}s included — or returns
 * no verdict yields {@link Reason#POLICY_ERROR}: never an allow, and never an escape from the step.
 */
public final class RiskEngine {
    private final RiskPolicy[] policies;
    // The standard policies, in their order: checked by direct calls, not through one megamorphic
    // interface call site (issue #11). Same verdicts, same POLICY_ERROR on anything thrown.
    private final boolean standard;

    /** The standard policies ({@link RiskPolicies#STANDARD}). */
    public RiskEngine() {
        this(RiskPolicies.STANDARD);
    }

    /** Custom policies, applied in order; the first denial wins. */
    public RiskEngine(List<RiskPolicy> policies) {
        this.policies = policies.toArray(new RiskPolicy[0]);
        this.standard = policies.equals(RiskPolicies.STANDARD);
    }

    /** The verdict for {@code intent}: {@link Reason#NONE} means ALLOWED. */
    public Reason check(RiskView state, CoreConfiguration cfg, IntentView intent) {
        if (standard) {
            return checkStandard(state, cfg, intent);
        }
        for (RiskPolicy p : policies) {
            Reason r;
            try {
                r = p.evaluate(state, cfg, intent);
            } catch (Throwable t) {
                // SPEC §5 step 4: anything thrown is a DENIED, never an allow; and the step stays atomic
                // (STYLE habit 12): an Error from a policy must not escape after State derivation.
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

    /**
     * {@link RiskPolicies#STANDARD} in order, the first denial winning; anything thrown is
     * {@link Reason#POLICY_ERROR} (the standard policies never return {@code null}).
     */
    private static Reason checkStandard(RiskView s, CoreConfiguration cfg, IntentView in) {
        try {
            Reason r = RiskPolicies.wellFormed(s, cfg, in);
            if (r == Reason.NONE) {
                r = RiskPolicies.killSwitch(s, cfg, in);
            }
            if (r == Reason.NONE) {
                r = RiskPolicies.maxOrderQty(s, cfg, in);
            }
            if (r == Reason.NONE) {
                r = RiskPolicies.priceBand(s, cfg, in);
            }
            if (r == Reason.NONE) {
                r = RiskPolicies.maxPosition(s, cfg, in);
            }
            if (r == Reason.NONE) {
                r = RiskPolicies.maxOpenOrders(s, cfg, in);
            }
            return r;
        } catch (Throwable t) {
            return Reason.POLICY_ERROR;
        }
    }

    /** True when a verdict is ALLOWED. */
    public static boolean allowed(Reason verdict) {
        return verdict == Reason.NONE;
    }
}

package io.tradingchassis.core.step;

import io.tradingchassis.core.event.ControlTimeReason;

/**
 * A Control Scheduling Obligation (SPEC §9): pending work is blocked by the rate limit alone; the
 * runtime should inject a {@code ControlTime} event at {@code deadlineNs}. Non-canonical: it changes
 * no State (EC7).
 *
 * @param deadlineNs control time at which the next token exists
 * @param scopeKey   order key of the first rate-blocked command (the tie-break scope)
 */
public record ControlSchedulingObligation(long deadlineNs, long scopeKey) {
    /** The only reason SPEC §9 defines; a realizing ControlTime event carries it. */
    public ControlTimeReason reason() {
        return ControlTimeReason.RATE_LIMIT_RECOVERY;
    }
}

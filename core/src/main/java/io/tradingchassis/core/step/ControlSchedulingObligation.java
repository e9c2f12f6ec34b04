package io.tradingchassis.core.step;

import io.tradingchassis.core.event.ControlTimeReason;

/**
 * A Control Scheduling Obligation (SPEC §9): the runtime should inject a {@code ControlTime} event at
 * {@code deadlineNs} — pending work is blocked by the rate limit alone, or the Strategy set a timer.
 * Non-canonical: it changes no State (EC7).
 *
 * @param deadlineNs control time of the next token, or of the Strategy's timer (the earlier)
 * @param scopeKey   order key of the first rate-blocked command, or {@code Long.MIN_VALUE} for a timer
 * @param reason     {@code RATE_LIMIT_RECOVERY} or {@code STRATEGY_TIMER}
 */
public record ControlSchedulingObligation(long deadlineNs, long scopeKey, ControlTimeReason reason) {
}

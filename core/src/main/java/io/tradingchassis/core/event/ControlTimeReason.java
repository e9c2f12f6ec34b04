package io.tradingchassis.core.event;

/** Why a Control-Time event exists (SPEC §9). */
public enum ControlTimeReason {
    /** A rate-limited command waits for its token (SPEC §8.3). */
    RATE_LIMIT_RECOVERY(0),
    /** The Strategy asked for a decision at this control time (SPEC §9). */
    STRATEGY_TIMER(1);

    private final int code;

    ControlTimeReason(int code) {
        this.code = code;
    }

    /** Stable code used in logs (never {@code ordinal()}). */
    public int code() {
        return code;
    }
}

package io.tradingchassis.core.event;

/** Whether a fill added liquidity (maker) or took it (taker), as the venue reports it. */
public enum Liquidity {
    /** Not reported (a feed without the flag). */
    UNKNOWN(0),
    /** The order rested and was hit. */
    MAKER(1),
    /** The order crossed the spread. */
    TAKER(2);

    private final int code;

    Liquidity(int code) {
        this.code = code;
    }

    /** Stable code used in logs (never {@code ordinal()}). */
    public int code() {
        return code;
    }
}

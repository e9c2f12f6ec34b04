package io.tradingchassis.core.event;

/**
 * How long a NEW order may work (SPEC §6). The venue answers an order that cannot work as asked with
 * {@link OrderExpired}.
 */
public enum TimeInForce {
    /** Good till cancelled: rests until filled or cancelled. */
    GTC(0),
    /** Immediate or cancel: fills what it can on arrival, the rest expires. */
    IOC(1),
    /** Fill or kill: fills whole on arrival, or expires without a fill. */
    FOK(2),
    /** Post only (good till crossing): rests; expires instead of taking liquidity on arrival. */
    GTX(3);

    private final int code;

    TimeInForce(int code) {
        this.code = code;
    }

    /** Stable code used in digests and logs (never {@code ordinal()}). */
    public int code() {
        return code;
    }
}

package io.tradingchassis.core.event;

/** The side of an order or of a trade's aggressor. */
public enum Side {
    /** Buy: a fill increases the position. */
    BUY(0),
    /** Sell: a fill decreases the position. */
    SELL(1);

    private final int code;

    Side(int code) {
        this.code = code;
    }

    /** Stable code used in digests and logs (never {@code ordinal()}): BUY 0, SELL 1. */
    public int code() {
        return code;
    }

    /** +1 for BUY, -1 for SELL: the sign of the position change a fill makes. */
    public long sign() {
        return this == BUY ? 1L : -1L;
    }

    /** The book side a resting order of this side joins. */
    public BookSide restingSide() {
        return this == BUY ? BookSide.BID : BookSide.ASK;
    }
}

package io.tradingchassis.core.event;

/** The side of an order or of a trade's aggressor. */
public enum Side {
    BUY, SELL;

    /** +1 for BUY, -1 for SELL: the sign of the position change a fill makes. */
    public long sign() {
        return this == BUY ? 1L : -1L;
    }

    /** The book side a resting order of this side joins. */
    public BookSide restingSide() {
        return this == BUY ? BookSide.BID : BookSide.ASK;
    }
}

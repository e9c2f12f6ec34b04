package io.tradingchassis.runtime.venue;

import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.PriceLevel;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.runtime.book.Ladder;
import java.util.ArrayList;
import java.util.List;

/**
 * The venue's view of one instrument: its own L2 book, built from the replayed market rows only (our
 * fills never deplete it), and our resting orders in the order they joined the book.
 */
final class VenueBook {
    /** Best bid of an empty bid side: below every price. */
    static final long NO_BID = Long.MIN_VALUE;
    /** Best ask of an empty ask side: above every price. */
    static final long NO_ASK = Long.MAX_VALUE;

    final Ladder bids = new Ladder(true);
    final Ladder asks = new Ladder(false);
    /** Resting orders, oldest first: the order every scan (and so every fill of one row) follows. */
    final List<VenueOrder> resting = new ArrayList<>();

    long bestBid() {
        return bids.best(NO_BID);
    }

    long bestAsk() {
        return asks.best(NO_ASK);
    }

    Ladder side(BookSide s) {
        return s == BookSide.BID ? bids : asks;
    }

    /** The side an order of {@code side} takes from. */
    Ladder opposite(Side side) {
        return side == Side.BUY ? asks : bids;
    }

    /** The quantity on the order's own side at its price (what a resting order queues behind). */
    long ownQtyAt(Side side, long priceTicks) {
        return (side == Side.BUY ? bids : asks).qtyAt(priceTicks);
    }

    /** A buy at or above the best ask, a sell at or below the best bid. */
    boolean marketable(Side side, long priceTicks) {
        return side == Side.BUY ? priceTicks >= bestAsk() : priceTicks <= bestBid();
    }

    /** Whether {@code levelPrice} on the opposite side is within a limit of {@code side} (inclusive or not). */
    static boolean within(Side side, long levelPrice, long limit, boolean inclusive) {
        if (side == Side.BUY) {
            return inclusive ? levelPrice <= limit : levelPrice < limit;
        }
        return inclusive ? levelPrice >= limit : levelPrice > limit;
    }

    /** The opposite side's total up to and including {@code limit}, saturating at Long.MAX_VALUE. */
    long liquidityUpTo(Side side, long limit) {
        Ladder l = opposite(side);
        long sum = 0;
        for (int i = 0; i < l.count() && within(side, l.price(i), limit, true); i++) {
            long q = l.qty(i);
            sum = sum > Long.MAX_VALUE - q ? Long.MAX_VALUE : sum + q;
        }
        return sum;
    }

    /** Replaces both ladders with a snapshot's levels (non-positive quantities are no level). */
    void replace(List<PriceLevel> bidLevels, List<PriceLevel> askLevels) {
        bids.clear();
        asks.clear();
        for (PriceLevel p : bidLevels) {
            bids.set(p.priceTicks(), p.qtyLots());
        }
        for (PriceLevel p : askLevels) {
            asks.set(p.priceTicks(), p.qtyLots());
        }
    }
}

package io.tradingchassis.core.state;

import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.PriceLevel;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.view.BookView;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Market State of one instrument (SPEC §4): an L2 ladder per side in integer ticks/lots, the last
 * trade, the last BBO. Each ladder is a {@link Ladder}: sorted primitive chunks with the best level
 * last, so an update anywhere in a deep book moves few elements and a steady-state update allocates
 * nothing. Bids are keyed by price, asks by minus price (the best level has the greatest key on both).
 */
public final class L2Book implements BookView {
    // Mutators are package-private: a BookView handed to a Strategy cannot be cast into a writer (SPEC §5
    // step 3); the core writes through MarketState.
    private static final Comparator<PriceLevel> BY_PRICE =
            Comparator.comparingLong(PriceLevel::priceTicks);
    private static final Comparator<PriceLevel> BY_PRICE_DESC = BY_PRICE.reversed();

    private final Ladder bids;
    private final Ladder asks;

    private long lastTradePx = NO_PRICE;
    private long lastTradeQty;
    private int lastTradeSign;
    private long tradeCount;

    private boolean hasBbo;
    private long bboBidPx;
    private long bboBidQty;
    private long bboAskPx;
    private long bboAskQty;

    /** An empty book. */
    public L2Book() {
        bids = new Ladder();
        asks = new Ladder();
    }

    private L2Book(L2Book o) {
        bids = o.bids.copy();
        asks = o.asks.copy();
        lastTradePx = o.lastTradePx;
        lastTradeQty = o.lastTradeQty;
        lastTradeSign = o.lastTradeSign;
        tradeCount = o.tradeCount;
        hasBbo = o.hasBbo;
        bboBidPx = o.bboBidPx;
        bboBidQty = o.bboBidQty;
        bboAskPx = o.bboAskPx;
        bboAskQty = o.bboAskQty;
    }

    /** An exact, independent copy. */
    public L2Book copy() {
        return new L2Book(this);
    }

    /** Sets a level's total (L2 semantics); {@code qtyLots == 0} removes it. Caller validated the values. */
    void setLevel(BookSide side, long priceTicks, long qtyLots) {
        if (side == BookSide.BID) {
            bids.set(priceTicks, qtyLots);
        } else {
            asks.set(-priceTicks, qtyLots);
        }
    }

    /**
     * Replaces the whole ladder (SPEC §3 BookSnapshot) in O(n log n), whatever order the levels come
     * in. Caller validated the levels (positive, no repeated price).
     */
    void replace(List<PriceLevel> bidLevels, List<PriceLevel> askLevels) {
        load(bids, bidLevels, true);
        load(asks, askLevels, false);
    }

    private static void load(Ladder ladder, List<PriceLevel> levels, boolean bid) {
        int n = levels.size();
        PriceLevel[] sorted = levels.toArray(new PriceLevel[0]);
        // Ascending keys, best level last: bids by ascending price, asks by descending price (prices are
        // unique: validated).
        Arrays.sort(sorted, bid ? BY_PRICE : BY_PRICE_DESC);
        long[] keys = new long[n];
        long[] qty = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = bid ? sorted[i].priceTicks() : -sorted[i].priceTicks();
            qty[i] = sorted[i].qtyLots();
        }
        ladder.load(keys, qty, n);
    }

    /** Records a trade print. */
    void onTrade(Side aggressor, long priceTicks, long qtyLots) {
        int sign = (int) aggressor.sign();
        lastTradePx = priceTicks;
        lastTradeQty = qtyLots;
        lastTradeSign = sign;
        tradeCount++;
    }

    /** Records a best bid/offer update (kept beside the ladder, never written into it). */
    void onBbo(long bidTicks, long bidLots, long askTicks, long askLots) {
        hasBbo = true;
        bboBidPx = bidTicks;
        bboBidQty = bidLots;
        bboAskPx = askTicks;
        bboAskQty = askLots;
    }

    @Override
    public long bestBidTicks() {
        return bids.count() > 0 ? bids.bestKey() : hasBbo ? bboBidPx : NO_PRICE;
    }

    @Override
    public long bestAskTicks() {
        return asks.count() > 0 ? -asks.bestKey() : hasBbo ? bboAskPx : NO_PRICE;
    }

    @Override
    public long midTicks() {
        long b = bestBidTicks();
        long a = bestAskTicks();
        // floor((b + a) / 2) without overflowing near Long.MAX_VALUE
        return b == NO_PRICE || a == NO_PRICE ? NO_PRICE : (b & a) + ((b ^ a) >> 1);
    }

    @Override
    public int bidLevels() {
        return bids.count();
    }

    @Override
    public int askLevels() {
        return asks.count();
    }

    @Override
    public long bidPriceTicks(int level) {
        return bids.keyAt(checkLevel(level, bids.count()));
    }

    @Override
    public long bidQtyLots(int level) {
        return bids.qtyAtLevel(checkLevel(level, bids.count()));
    }

    @Override
    public long askPriceTicks(int level) {
        return -asks.keyAt(checkLevel(level, asks.count()));
    }

    @Override
    public long askQtyLots(int level) {
        return asks.qtyAtLevel(checkLevel(level, asks.count()));
    }

    private static int checkLevel(int level, int count) {
        if (level < 0 || level >= count) {
            throw new IndexOutOfBoundsException("level " + level + " of " + count);
        }
        return level;
    }

    @Override
    public long bidQtyAt(long priceTicks) {
        return bids.qtyAt(priceTicks);
    }

    @Override
    public long askQtyAt(long priceTicks) {
        return asks.qtyAt(-priceTicks);
    }

    @Override
    public long lastTradePriceTicks() {
        return lastTradePx;
    }

    @Override
    public long lastTradeQtyLots() {
        return lastTradeQty;
    }

    @Override
    public int lastTradeAggressorSign() {
        return lastTradeSign;
    }

    @Override
    public long tradeCount() {
        return tradeCount;
    }

    /** True when the book holds nothing: indistinguishable from a book never created. */
    boolean isPristine() {
        return bids.count() == 0 && asks.count() == 0 && tradeCount == 0 && !hasBbo && lastTradePx == NO_PRICE;
    }

    /** Whether a BBO has been seen. */
    public boolean hasBbo() {
        return hasBbo;
    }

    /** Feeds the canonical encoding: both ladders best-first, then trade and BBO fields. */
    void encode(CanonicalEncoder enc) {
        enc.tag('B').writeLong(bids.count());
        bids.encodeBestFirst(enc, 1);
        enc.tag('A').writeLong(asks.count());
        asks.encodeBestFirst(enc, -1);
        enc.tag('T').writeLong(lastTradePx).writeLong(lastTradeQty).writeLong(lastTradeSign).writeLong(tradeCount);
        enc.tag('O').writeBoolean(hasBbo).writeLong(bboBidPx).writeLong(bboBidQty).writeLong(bboAskPx)
                .writeLong(bboAskQty);
    }

    /** A short readable form (best levels and counts), for messages. */
    @Override
    public String toString() {
        return "L2Book{bid=" + bestBidTicks() + " x" + bids.count() + ", ask=" + bestAskTicks() + " x" + asks.count()
                + ", lastTrade=" + lastTradePx + "}";
    }
}

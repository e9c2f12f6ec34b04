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
 * trade, the last BBO. Each ladder is a sorted primitive array with the best level at the end, so an
 * update near the top moves few elements and a steady-state update allocates nothing.
 */
public final class L2Book implements BookView {
    // Mutators are package-private: a BookView handed to a Strategy cannot be cast into a writer (SPEC §5
    // step 3); the core writes through MarketState.
    private static final int INITIAL_CAPACITY = 64;
    private static final Comparator<PriceLevel> BY_PRICE =
            Comparator.comparingLong(PriceLevel::priceTicks);
    private static final Comparator<PriceLevel> BY_PRICE_DESC = BY_PRICE.reversed();

    // Bids ascending, asks descending: index count-1 is the best level of each side.
    private long[] bidPx;
    private long[] bidQty;
    private int bidCount;
    private long[] askPx;
    private long[] askQty;
    private int askCount;

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
        bidPx = new long[INITIAL_CAPACITY];
        bidQty = new long[INITIAL_CAPACITY];
        askPx = new long[INITIAL_CAPACITY];
        askQty = new long[INITIAL_CAPACITY];
    }

    private L2Book(L2Book o) {
        bidPx = o.bidPx.clone();
        bidQty = o.bidQty.clone();
        bidCount = o.bidCount;
        askPx = o.askPx.clone();
        askQty = o.askQty.clone();
        askCount = o.askCount;
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
            bidCount = set(bidPx, bidQty, bidCount, priceTicks, qtyLots, true);
            if (bidCount == bidPx.length) {
                bidPx = Arrays.copyOf(bidPx, bidCount * 2);
                bidQty = Arrays.copyOf(bidQty, bidCount * 2);
            }
        } else {
            askCount = set(askPx, askQty, askCount, priceTicks, qtyLots, false);
            if (askCount == askPx.length) {
                askPx = Arrays.copyOf(askPx, askCount * 2);
                askQty = Arrays.copyOf(askQty, askCount * 2);
            }
        }
    }

    /** Returns the new count. Arrays always have room for one more (grown eagerly by the caller). */
    private static int set(long[] px, long[] qty, int count, long price, long q, boolean ascending) {
        int i = search(px, count, price, ascending);
        if (i >= 0) {
            if (q == 0) {
                System.arraycopy(px, i + 1, px, i, count - i - 1);
                System.arraycopy(qty, i + 1, qty, i, count - i - 1);
                return count - 1;
            }
            qty[i] = q;
            return count;
        }
        if (q == 0) {
            return count;
        }
        int ins = -i - 1;
        System.arraycopy(px, ins, px, ins + 1, count - ins);
        System.arraycopy(qty, ins, qty, ins + 1, count - ins);
        px[ins] = price;
        qty[ins] = q;
        return count + 1;
    }

    /** Binary search in an ascending or descending array; same contract as Arrays.binarySearch. */
    private static int search(long[] px, int count, long price, boolean ascending) {
        int lo = 0;
        int hi = count - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = px[mid];
            int cmp = ascending ? Long.compare(v, price) : Long.compare(price, v);
            if (cmp < 0) {
                lo = mid + 1;
            } else if (cmp > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /**
     * Replaces the whole ladder (SPEC §3 BookSnapshot) in O(n log n), whatever order the levels come
     * in. Caller validated the levels (positive, no repeated price).
     */
    void replace(List<PriceLevel> bids, List<PriceLevel> asks) {
        bidCount = load(bids, true);
        askCount = load(asks, false);
    }

    private int load(List<PriceLevel> levels, boolean bid) {
        int n = levels.size();
        long[] px = bid ? bidPx : askPx;
        if (px.length <= n) {
            int cap = Math.max(n + 1, px.length * 2);
            px = new long[cap];
            if (bid) {
                bidPx = px;
                bidQty = new long[cap];
            } else {
                askPx = px;
                askQty = new long[cap];
            }
        }
        long[] qty = bid ? bidQty : askQty;
        PriceLevel[] sorted = levels.toArray(new PriceLevel[0]);
        // Best level last: bids ascending, asks descending (prices are unique: validated).
        Arrays.sort(sorted, bid ? BY_PRICE : BY_PRICE_DESC);
        for (int i = 0; i < n; i++) {
            px[i] = sorted[i].priceTicks();
            qty[i] = sorted[i].qtyLots();
        }
        return n;
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
        return bidCount > 0 ? bidPx[bidCount - 1] : hasBbo ? bboBidPx : NO_PRICE;
    }

    @Override
    public long bestAskTicks() {
        return askCount > 0 ? askPx[askCount - 1] : hasBbo ? bboAskPx : NO_PRICE;
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
        return bidCount;
    }

    @Override
    public int askLevels() {
        return askCount;
    }

    @Override
    public long bidPriceTicks(int level) {
        return bidPx[checkLevel(level, bidCount)];
    }

    @Override
    public long bidQtyLots(int level) {
        return bidQty[checkLevel(level, bidCount)];
    }

    @Override
    public long askPriceTicks(int level) {
        return askPx[checkLevel(level, askCount)];
    }

    @Override
    public long askQtyLots(int level) {
        return askQty[checkLevel(level, askCount)];
    }

    private static int checkLevel(int level, int count) {
        if (level < 0 || level >= count) {
            throw new IndexOutOfBoundsException("level " + level + " of " + count);
        }
        return count - 1 - level;
    }

    @Override
    public long bidQtyAt(long priceTicks) {
        int i = search(bidPx, bidCount, priceTicks, true);
        return i >= 0 ? bidQty[i] : 0;
    }

    @Override
    public long askQtyAt(long priceTicks) {
        int i = search(askPx, askCount, priceTicks, false);
        return i >= 0 ? askQty[i] : 0;
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
        return bidCount == 0 && askCount == 0 && tradeCount == 0 && !hasBbo && lastTradePx == NO_PRICE;
    }

    /** Whether a BBO has been seen. */
    public boolean hasBbo() {
        return hasBbo;
    }

    /** Feeds the canonical encoding: both ladders best-first, then trade and BBO fields. */
    void encode(CanonicalEncoder enc) {
        enc.tag('B').writeLong(bidCount);
        for (int i = bidCount - 1; i >= 0; i--) {
            enc.writeLong(bidPx[i]).writeLong(bidQty[i]);
        }
        enc.tag('A').writeLong(askCount);
        for (int i = askCount - 1; i >= 0; i--) {
            enc.writeLong(askPx[i]).writeLong(askQty[i]);
        }
        enc.tag('T').writeLong(lastTradePx).writeLong(lastTradeQty).writeLong(lastTradeSign).writeLong(tradeCount);
        enc.tag('O').writeBoolean(hasBbo).writeLong(bboBidPx).writeLong(bboBidQty).writeLong(bboAskPx)
                .writeLong(bboAskQty);
    }

    /** A short readable form (best levels and counts), for messages. */
    @Override
    public String toString() {
        return "L2Book{bid=" + bestBidTicks() + " x" + bidCount + ", ask=" + bestAskTicks() + " x" + askCount
                + ", lastTrade=" + lastTradePx + "}";
    }
}

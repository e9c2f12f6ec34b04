package io.tradingchassis.bench;

import io.tradingchassis.core.event.Bbo;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.BookSnapshot;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.PriceLevel;
import io.tradingchassis.core.event.Trade;
import java.util.Arrays;
import java.util.List;

/**
 * The baseline a fold is measured against: the least a loop must do to keep an L2 book of the stream —
 * a sorted {@code long[]} ladder per side (best level last, binary search, in-place update), the last
 * trade and the last BBO, with no validation, no State and no pipeline.
 */
final class PrimitiveBook {
    private long[] bidPx = new long[64];
    private long[] bidQty = new long[64];
    private int bids;
    private long[] askPx = new long[64];
    private long[] askQty = new long[64];
    private int asks;
    private long lastTradePx;
    private long lastTradeQty;
    private long bboBid;
    private long bboAsk;
    private long controlTimeNs = Long.MIN_VALUE;

    void clear() {
        bids = 0;
        asks = 0;
        lastTradePx = 0;
        lastTradeQty = 0;
        bboBid = 0;
        bboAsk = 0;
        controlTimeNs = Long.MIN_VALUE;
    }

    /** Applies one market event; returns a value that depends on the book (keeps the work alive). */
    long apply(Event e) {
        switch (e.type()) {
            case BOOK_DELTA:
                BookDelta d = (BookDelta) e;
                if (d.side() == BookSide.BID) {
                    bids = set(bidPx, bidQty, bids, d.priceTicks(), d.qtyLots(), true);
                    if (bids == bidPx.length) {
                        bidPx = Arrays.copyOf(bidPx, bids * 2);
                        bidQty = Arrays.copyOf(bidQty, bids * 2);
                    }
                } else {
                    asks = set(askPx, askQty, asks, d.priceTicks(), d.qtyLots(), false);
                    if (asks == askPx.length) {
                        askPx = Arrays.copyOf(askPx, asks * 2);
                        askQty = Arrays.copyOf(askQty, asks * 2);
                    }
                }
                break;
            case TRADE:
                Trade t = (Trade) e;
                lastTradePx = t.priceTicks();
                lastTradeQty = t.qtyLots();
                break;
            case BBO:
                Bbo b = (Bbo) e;
                bboBid = b.bidTicks();
                bboAsk = b.askTicks();
                break;
            case BOOK_SNAPSHOT:
                BookSnapshot s = (BookSnapshot) e;
                bids = 0;
                asks = 0;
                load(s.bids(), true);
                load(s.asks(), false);
                break;
            default:
                break;
        }
        controlTimeNs = Math.max(controlTimeNs, e.localTsNs());
        return (bids > 0 ? bidPx[bids - 1] : bboBid) + (asks > 0 ? askPx[asks - 1] : bboAsk) + lastTradeQty;
    }

    private void load(List<PriceLevel> levels, boolean bid) {
        for (int i = 0; i < levels.size(); i++) {
            PriceLevel l = levels.get(i);
            if (bid) {
                bids = set(bidPx, bidQty, bids, l.priceTicks(), l.qtyLots(), true);
                if (bids == bidPx.length) {
                    bidPx = Arrays.copyOf(bidPx, bids * 2);
                    bidQty = Arrays.copyOf(bidQty, bids * 2);
                }
            } else {
                asks = set(askPx, askQty, asks, l.priceTicks(), l.qtyLots(), false);
                if (asks == askPx.length) {
                    askPx = Arrays.copyOf(askPx, asks * 2);
                    askQty = Arrays.copyOf(askQty, asks * 2);
                }
            }
        }
    }

    private static int set(long[] px, long[] qty, int count, long price, long q, boolean ascending) {
        int lo = 0;
        int hi = count - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = px[mid];
            if (ascending ? v < price : v > price) {
                lo = mid + 1;
            } else if (v == price) {
                if (q == 0) {
                    System.arraycopy(px, mid + 1, px, mid, count - mid - 1);
                    System.arraycopy(qty, mid + 1, qty, mid, count - mid - 1);
                    return count - 1;
                }
                qty[mid] = q;
                return count;
            } else {
                hi = mid - 1;
            }
        }
        if (q == 0) {
            return count;
        }
        System.arraycopy(px, lo, px, lo + 1, count - lo);
        System.arraycopy(qty, lo, qty, lo + 1, count - lo);
        px[lo] = price;
        qty[lo] = q;
        return count + 1;
    }
}

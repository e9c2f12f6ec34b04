package io.tradingchassis.runtime.binance;

import java.util.Arrays;

/**
 * One side of the importer's own L2 book, for the report's final best bid and ask: a sorted primitive
 * array with the best level at the end (bids ascending, asks descending), so the frequent updates near
 * the top move few elements. L2 semantics: a quantity is the level's new total, 0 removes it.
 */
final class Ladder {

    private final boolean bids;
    private long[] prices = new long[256];
    private long[] qtys = new long[256];
    private int size;

    /** @param bids true for the bid side (best = highest price), false for asks (best = lowest) */
    Ladder(boolean bids) {
        this.bids = bids;
    }

    void clear() {
        size = 0;
    }

    void set(long price, long qty) {
        int i = search(price);
        if (i >= 0) {
            if (qty == 0) {
                System.arraycopy(prices, i + 1, prices, i, size - i - 1);
                System.arraycopy(qtys, i + 1, qtys, i, size - i - 1);
                size--;
            } else {
                qtys[i] = qty;
            }
            return;
        }
        if (qty == 0) {
            return;
        }
        if (size == prices.length) {
            prices = Arrays.copyOf(prices, size * 2);
            qtys = Arrays.copyOf(qtys, size * 2);
        }
        int at = -i - 1;
        System.arraycopy(prices, at, prices, at + 1, size - at);
        System.arraycopy(qtys, at, qtys, at + 1, size - at);
        prices[at] = price;
        qtys[at] = qty;
        size++;
    }

    boolean isEmpty() {
        return size == 0;
    }

    long bestPrice() {
        return prices[size - 1];
    }

    long bestQty() {
        return qtys[size - 1];
    }

    /** Index of {@code price}, else {@code -(insertion point) - 1}, in the side's order. */
    private int search(long price) {
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int cmp = bids ? Long.compare(prices[mid], price) : Long.compare(price, prices[mid]);
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
}

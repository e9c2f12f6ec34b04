package io.tradingchassis.runtime.book;

import java.util.Arrays;

/**
 * One side of an L2 book outside the core (the simulated venue's, the Binance importer's): price levels
 * in ticks with their total in lots, kept in a sorted primitive array with the best level at the end
 * (bids ascending, asks descending), so an update near the top moves few elements and a steady-state
 * update allocates nothing.
 */
public final class Ladder {
    private final boolean bid;
    private long[] px = new long[16];
    private long[] qty = new long[16];
    private int count;

    /** A side: {@code bid} true for bids (best = highest price), false for asks (best = lowest). */
    public Ladder(boolean bid) {
        this.bid = bid;
    }

    /** Number of levels. */
    public int count() {
        return count;
    }

    /** Price of level {@code i}, 0 = best. */
    public long price(int i) {
        return px[count - 1 - i];
    }

    /** Quantity of level {@code i}, 0 = best. */
    public long qty(int i) {
        return qty[count - 1 - i];
    }

    /** The best price, or {@code none} when the side is empty. */
    public long best(long none) {
        return count == 0 ? none : px[count - 1];
    }

    /** The level's total at {@code price}; 0 when there is none. */
    public long qtyAt(long price) {
        int i = search(price);
        return i >= 0 ? qty[i] : 0;
    }

    /** Sets a level's total (L2 semantics); {@code q <= 0} removes it. */
    public void set(long price, long q) {
        int i = search(price);
        if (i >= 0) {
            if (q <= 0) {
                System.arraycopy(px, i + 1, px, i, count - i - 1);
                System.arraycopy(qty, i + 1, qty, i, count - i - 1);
                count--;
            } else {
                qty[i] = q;
            }
            return;
        }
        if (q <= 0) {
            return;
        }
        if (count == px.length) {
            px = Arrays.copyOf(px, count * 2);
            qty = Arrays.copyOf(qty, count * 2);
        }
        int ins = -i - 1;
        System.arraycopy(px, ins, px, ins + 1, count - ins);
        System.arraycopy(qty, ins, qty, ins + 1, count - ins);
        px[ins] = price;
        qty[ins] = q;
        count++;
    }

    /** Removes every level. */
    public void clear() {
        count = 0;
    }

    private int search(long price) {
        int lo = 0;
        int hi = count - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int cmp = bid ? Long.compare(px[mid], price) : Long.compare(price, px[mid]);
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

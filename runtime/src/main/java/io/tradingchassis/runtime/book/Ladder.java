package io.tradingchassis.runtime.book;

import java.util.Arrays;

/**
 * One side of an L2 book outside the core (the simulated venue's, the Binance importer's): price levels
 * in ticks with their total in lots, kept in a sorted primitive array with the best level at the end, so
 * a steady-state update allocates nothing.
 *
 * <p>Prices are stored as keys that ascend on both sides (a bid's price, an ask's price bit-inverted:
 * {@code ~price} reverses the order of every long without overflow), so a lookup is one branch-free
 * binary search with a single comparison. A removed level below the top stays in place as a slot with
 * quantity 0 (a tombstone) instead of moving every level above it — replayed books (Binance USD-M: about
 * 3,500 levels a side, updates spread over the whole depth) delete and re-create levels all the time — and
 * a level created next to a tombstone takes its slot; the array is compacted when tombstones outnumber
 * levels. The top slot is always a level, so the best price is one read; levels by rank from the best
 * ({@link #price(int)}, {@link #qty(int)}) are found by a cursor that makes a walk from the best, as the
 * venue's takes do, cost one step per level.
 */
public final class Ladder {
    private static final int INITIAL_CAPACITY = 16;

    private final boolean bid;
    /** Keys ascending, best last: {@code price} for bids, {@code ~price} for asks. */
    private long[] px = new long[INITIAL_CAPACITY];
    /** The level's total, 0 in a tombstone. */
    private long[] qty = new long[INITIAL_CAPACITY];
    /** Slots in use (levels and tombstones); the slot at {@code slots - 1}, if any, is a level. */
    private int slots;
    /** Levels (slots with a quantity). */
    private int count;
    /** The last rank {@link #slotOfRank} found and its slot; -1 after any change. */
    private int cursorRank = -1;
    private int cursorSlot;

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
        return priceOf(px[slotOfRank(i)]);
    }

    /** Quantity of level {@code i}, 0 = best. */
    public long qty(int i) {
        return qty[slotOfRank(i)];
    }

    /** The best price, or {@code none} when the side is empty. */
    public long best(long none) {
        return slots == 0 ? none : priceOf(px[slots - 1]);
    }

    /** The level's total at {@code price}; 0 when there is none. */
    public long qtyAt(long price) {
        int i = search(key(price));
        return i >= 0 ? qty[i] : 0;
    }

    /** Sets a level's total (L2 semantics); {@code q <= 0} removes it. */
    public void set(long price, long q) {
        long k = key(price);
        int i = search(k);
        if (i >= 0) {
            if (q > 0) {
                if (qty[i] == 0) {
                    count++; // a tombstone comes back
                    cursorRank = -1;
                }
                qty[i] = q;
            } else if (qty[i] != 0) {
                remove(i);
            }
            return;
        }
        if (q <= 0) {
            return;
        }
        cursorRank = -1;
        count++;
        int ins = -i - 1; // px[ins - 1] < k < px[ins]
        if (ins > 0 && qty[ins - 1] == 0) {
            px[ins - 1] = k; // take the tombstone below: the order still holds
            qty[ins - 1] = q;
            return;
        }
        if (ins < slots && qty[ins] == 0) {
            px[ins] = k; // the tombstone above (never the top slot, which is a level)
            qty[ins] = q;
            return;
        }
        if (slots == px.length) {
            px = Arrays.copyOf(px, slots * 2);
            qty = Arrays.copyOf(qty, slots * 2);
        }
        System.arraycopy(px, ins, px, ins + 1, slots - ins);
        System.arraycopy(qty, ins, qty, ins + 1, slots - ins);
        px[ins] = k;
        qty[ins] = q;
        slots++;
    }

    /** Removes every level. */
    public void clear() {
        slots = 0;
        count = 0;
        cursorRank = -1;
    }

    private void remove(int i) {
        cursorRank = -1;
        count--;
        qty[i] = 0;
        if (i == slots - 1) {
            // The top must be a level: drop it and the tombstones under it.
            while (slots > 0 && qty[slots - 1] == 0) {
                slots--;
            }
        } else if (slots - count > count + INITIAL_CAPACITY) {
            compact();
        }
    }

    /** Drops every tombstone. */
    private void compact() {
        int w = 0;
        for (int r = 0; r < slots; r++) {
            if (qty[r] != 0) {
                px[w] = px[r];
                qty[w] = qty[r];
                w++;
            }
        }
        slots = w;
    }

    /** The slot of the level of rank {@code rank} (0 = best); walks from the last one found when it can. */
    private int slotOfRank(int rank) {
        if (rank < 0 || rank >= count) {
            throw new ArrayIndexOutOfBoundsException("level " + rank + " of " + count);
        }
        int r;
        int s;
        if (cursorRank >= 0 && cursorRank <= rank) {
            r = cursorRank;
            s = cursorSlot;
        } else {
            r = 0;
            s = slots - 1; // the top slot is a level
        }
        while (r < rank) {
            s--;
            if (qty[s] != 0) {
                r++;
            }
        }
        cursorRank = r;
        cursorSlot = s;
        return s;
    }

    private long key(long price) {
        return bid ? price : ~price;
    }

    private long priceOf(long key) {
        return bid ? key : ~key;
    }

    /** The slot holding key {@code k} (a level or a tombstone), or {@code -(insertion point) - 1}. */
    private int search(long k) {
        int n = slots;
        if (n == 0) {
            return -1;
        }
        // Branch-free lower bound (a conditional move per halving): no misprediction on deep books.
        int base = 0;
        while (n > 1) {
            int half = n >>> 1;
            base = px[base + half - 1] < k ? base + half : base;
            n -= half;
        }
        long at = px[base];
        if (at == k) {
            return base;
        }
        return -(base + (at < k ? 1 : 0) + 1);
    }
}

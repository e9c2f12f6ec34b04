package io.tradingchassis.core.state;

import java.util.Arrays;

/**
 * One side of an L2 book: levels as (key, quantity) with distinct keys kept in ascending key order, the
 * best level last. {@link L2Book} keys bids by price and asks by minus price, so "best" is the greatest
 * key on both sides.
 *
 * <p>The levels live in chunks of at most {@value #CAP} consecutive levels, found by a binary search over
 * the chunks' greatest keys and then inside the chunk. A real Binance book holds thousands of levels and
 * is updated hundreds of levels below the top; one sorted array moved all the levels above an update on
 * every insert or removal, a chunk moves at most {@value #CAP} (issue #11). Emptied chunks are kept for
 * reuse, so a steady stream of updates allocates nothing. Only the set of levels is State; the chunking
 * is layout and never reaches a query, a digest or a copy's behaviour.
 */
final class Ladder {
    static final int CAP = 64;
    private static final int HALF = CAP / 2;

    private long[][] keys = new long[4][];
    private long[][] qtys = new long[4][];
    private int[] sizes = new int[4];
    private long[] maxKey = new long[4];
    private int chunks;
    private int count;
    private long[][] spareKeys = new long[4][];
    private long[][] spareQtys = new long[4][];
    private int spares;

    Ladder() {
    }

    /** An exact, independent copy. */
    Ladder copy() {
        Ladder c = new Ladder();
        c.load(sortedKeys(), sortedQtys(), count);
        return c;
    }

    int count() {
        return count;
    }

    /** The greatest (best) key; only when {@code count() > 0}. */
    long bestKey() {
        int c = chunks - 1;
        return keys[c][sizes[c] - 1];
    }

    /**
     * Sets the quantity at {@code key}; 0 removes the level (a no-op when it is absent).
     */
    void set(long key, long qty) {
        if (chunks == 0) {
            if (qty != 0) {
                insertChunk(0);
                keys[0][0] = key;
                qtys[0][0] = qty;
                sizes[0] = 1;
                maxKey[0] = key;
                count = 1;
            }
            return;
        }
        int c = locate(key);
        long[] k = keys[c];
        int n = sizes[c];
        int i = search(k, n, key);
        if (i >= 0) {
            if (qty != 0) {
                qtys[c][i] = qty;
                return;
            }
            count--;
            if (n == 1) {
                removeChunk(c);
                return;
            }
            long[] q = qtys[c];
            System.arraycopy(k, i + 1, k, i, n - i - 1);
            System.arraycopy(q, i + 1, q, i, n - i - 1);
            sizes[c] = n - 1;
            maxKey[c] = k[n - 2];
            return;
        }
        if (qty == 0) {
            return;
        }
        int at = -i - 1;
        if (n == CAP) {
            split(c);
            if (at > HALF) {
                c++;
                at -= HALF;
            }
            k = keys[c];
            n = sizes[c];
        }
        long[] q = qtys[c];
        System.arraycopy(k, at, k, at + 1, n - at);
        System.arraycopy(q, at, q, at + 1, n - at);
        k[at] = key;
        q[at] = qty;
        sizes[c] = n + 1;
        maxKey[c] = k[n];
        count++;
    }

    /** The quantity at {@code key}, 0 when there is no such level. */
    long qtyAt(long key) {
        if (chunks == 0) {
            return 0;
        }
        int c = locate(key);
        int i = search(keys[c], sizes[c], key);
        return i >= 0 ? qtys[c][i] : 0;
    }

    /** The key of the {@code level}-th best level (0 = best); the caller checked the range. */
    long keyAt(int level) {
        int c = chunks - 1;
        int l = level;
        while (l >= sizes[c]) {
            l -= sizes[c];
            c--;
        }
        return keys[c][sizes[c] - 1 - l];
    }

    /** The quantity of the {@code level}-th best level (0 = best); the caller checked the range. */
    long qtyAtLevel(int level) {
        int c = chunks - 1;
        int l = level;
        while (l >= sizes[c]) {
            l -= sizes[c];
            c--;
        }
        return qtys[c][sizes[c] - 1 - l];
    }

    /** Replaces every level with {@code n} levels whose keys ascend strictly. */
    void load(long[] sortedKeys, long[] quantities, int n) {
        while (chunks > 0) {
            removeChunk(chunks - 1);
        }
        count = 0;
        for (int from = 0; from < n; from += HALF) {
            int len = Math.min(HALF, n - from);
            insertChunk(chunks);
            int c = chunks - 1;
            System.arraycopy(sortedKeys, from, keys[c], 0, len);
            System.arraycopy(quantities, from, qtys[c], 0, len);
            sizes[c] = len;
            maxKey[c] = keys[c][len - 1];
        }
        count = n;
    }

    /** Keys ascending (allocates). */
    long[] sortedKeys() {
        long[] out = new long[count];
        int at = 0;
        for (int c = 0; c < chunks; c++) {
            System.arraycopy(keys[c], 0, out, at, sizes[c]);
            at += sizes[c];
        }
        return out;
    }

    /** Quantities in ascending key order (allocates). */
    long[] sortedQtys() {
        long[] out = new long[count];
        int at = 0;
        for (int c = 0; c < chunks; c++) {
            System.arraycopy(qtys[c], 0, out, at, sizes[c]);
            at += sizes[c];
        }
        return out;
    }

    /** Feeds {@code enc} with (sign × key, quantity) of every level, best first. */
    void encodeBestFirst(CanonicalEncoder enc, long sign) {
        for (int c = chunks - 1; c >= 0; c--) {
            long[] k = keys[c];
            long[] q = qtys[c];
            for (int i = sizes[c] - 1; i >= 0; i--) {
                enc.writeLong(sign * k[i]).writeLong(q[i]);
            }
        }
    }

    /** The chunk that holds {@code key} or where it belongs: the first whose greatest key is at least it. */
    private int locate(long key) {
        int lo = 0;
        int hi = chunks - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (maxKey[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int search(long[] k, int n, long key) {
        int lo = 0;
        int hi = n - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = k[mid];
            if (v < key) {
                lo = mid + 1;
            } else if (v > key) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /** Splits the full chunk {@code c} into two halves at {@code c} and {@code c + 1}. */
    private void split(int c) {
        insertChunk(c + 1);
        System.arraycopy(keys[c], HALF, keys[c + 1], 0, CAP - HALF);
        System.arraycopy(qtys[c], HALF, qtys[c + 1], 0, CAP - HALF);
        sizes[c + 1] = CAP - HALF;
        maxKey[c + 1] = maxKey[c];
        sizes[c] = HALF;
        maxKey[c] = keys[c][HALF - 1];
    }

    /** Opens an empty chunk at index {@code c} (from the spares when there is one). */
    private void insertChunk(int c) {
        if (chunks == keys.length) {
            int cap = chunks * 2;
            keys = Arrays.copyOf(keys, cap);
            qtys = Arrays.copyOf(qtys, cap);
            sizes = Arrays.copyOf(sizes, cap);
            maxKey = Arrays.copyOf(maxKey, cap);
        }
        System.arraycopy(keys, c, keys, c + 1, chunks - c);
        System.arraycopy(qtys, c, qtys, c + 1, chunks - c);
        System.arraycopy(sizes, c, sizes, c + 1, chunks - c);
        System.arraycopy(maxKey, c, maxKey, c + 1, chunks - c);
        if (spares > 0) {
            spares--;
            keys[c] = spareKeys[spares];
            qtys[c] = spareQtys[spares];
            spareKeys[spares] = null;
            spareQtys[spares] = null;
        } else {
            keys[c] = new long[CAP];
            qtys[c] = new long[CAP];
        }
        sizes[c] = 0;
        chunks++;
    }

    /** Removes chunk {@code c}, keeping its arrays as spares. */
    private void removeChunk(int c) {
        if (spares == spareKeys.length) {
            spareKeys = Arrays.copyOf(spareKeys, spares * 2);
            spareQtys = Arrays.copyOf(spareQtys, spares * 2);
        }
        spareKeys[spares] = keys[c];
        spareQtys[spares] = qtys[c];
        spares++;
        System.arraycopy(keys, c + 1, keys, c, chunks - c - 1);
        System.arraycopy(qtys, c + 1, qtys, c, chunks - c - 1);
        System.arraycopy(sizes, c + 1, sizes, c, chunks - c - 1);
        System.arraycopy(maxKey, c + 1, maxKey, c, chunks - c - 1);
        chunks--;
        keys[chunks] = null;
        qtys[chunks] = null;
    }
}

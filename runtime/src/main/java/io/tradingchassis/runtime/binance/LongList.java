package io.tradingchassis.runtime.binance;

import java.util.Arrays;

/** A growable list of longs, reused line after line. */
final class LongList {
    private long[] values = new long[64];
    private int size;

    void clear() {
        size = 0;
    }

    void add(long v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    long get(int i) {
        return values[i];
    }

    long[] toArray() {
        return Arrays.copyOf(values, size);
    }
}

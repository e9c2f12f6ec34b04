package io.tradingchassis.core.strategy;

/**
 * Fresh order keys derived from the stream: {@code position × 16 + slot}. A position is processed once
 * (E4), so keys never repeat within a stream, and they are the same on every replay (E5).
 */
public final class OrderKeys {
    /** Slots available per position. */
    public static final int SLOTS = 16;

    private OrderKeys() {
    }

    /** The key for {@code slot} (0..15) of the entry at {@code position}. */
    public static long fresh(long position, int slot) {
        if (slot < 0 || slot >= SLOTS) {
            throw new IllegalArgumentException("slot " + slot + " not in [0, " + SLOTS + ")");
        }
        return position * SLOTS + slot;
    }
}

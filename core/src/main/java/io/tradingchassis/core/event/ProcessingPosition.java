package io.tradingchassis.core.event;

/**
 * A position in the Event Stream (SPEC §2): the only causal order. The first entry is 0, each next
 * entry is +1, with no gaps (E4).
 */
public record ProcessingPosition(long value) implements Comparable<ProcessingPosition> {

    /** Position of the first entry of every stream. */
    public static final long FIRST = 0L;

    /** Positions are never negative. */
    public ProcessingPosition {
        if (value < FIRST) {
            throw new IllegalArgumentException("processing position must be >= 0, got " + value);
        }
    }

    /** The position right after this one. */
    public ProcessingPosition next() {
        return new ProcessingPosition(value + 1);
    }

    @Override
    public int compareTo(ProcessingPosition o) {
        return Long.compare(value, o.value);
    }
}

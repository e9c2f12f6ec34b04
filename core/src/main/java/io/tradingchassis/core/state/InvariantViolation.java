package io.tradingchassis.core.state;

/**
 * An invariant violation: processing halts, and the caller's State is exactly as before the call
 * (SPEC §5). The message is one line naming the invariant id, the position and the values.
 */
public final class InvariantViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Invariant invariant;
    private final long position;

    /** A violation of {@code invariant} at {@code position}; {@code detail} names the offending values. */
    public InvariantViolation(Invariant invariant, long position, String detail) {
        super(invariant.name() + " violated at position " + position + ": " + detail + " (rule: " + invariant.rule()
                + ")");
        this.invariant = invariant;
        this.position = position;
    }

    /** Which invariant. */
    public Invariant invariant() {
        return invariant;
    }

    /** The position of the entry that violated it. */
    public long position() {
        return position;
    }
}

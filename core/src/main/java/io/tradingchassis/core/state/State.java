package io.tradingchassis.core.state;

/**
 * The whole State (SPEC §4): exactly three domains plus the position of the last applied entry.
 * Only the core's processing step mutates it (E1; methods that do carry {@link Mutator}). A Strategy
 * and a risk policy never receive a State: they get read-only views that hold it privately.
 * {@link #snapshot()} is an exact value copy and {@link #digest()} a SHA-256 over the canonical
 * encoding, stable across JVM runs, hash seeds and insertion history.
 */
public final class State {
    /** {@link #lastPosition()} before any entry: the first entry must be position 0 (E4). */
    public static final long NO_POSITION = -1;

    /**
     * Version of the canonical encoding. 2: State split into components, enums by explicit codes,
     * terminal Orders retired, request ids, the NEW key high-water mark and strategy memory.
     */
    public static final long ENCODING_VERSION = 2;

    private final MarketState market;
    private final ExecutionState execution;
    private final ControlState control;
    private long lastPosition;

    /** The initial State, before position 0. */
    public State() {
        this(new MarketState(), new ExecutionState(), new ControlState(), NO_POSITION);
    }

    private State(MarketState m, ExecutionState e, ControlState c, long lastPosition) {
        this.market = m;
        this.execution = e;
        this.control = c;
        this.lastPosition = lastPosition;
    }

    /** An exact, independent value copy: same digest, and no later change to either affects the other. */
    public State snapshot() {
        return new State(market.copy(), execution.copy(), control.copy(), lastPosition);
    }

    /** Market State. */
    public MarketState market() {
        return market;
    }

    /** Execution State. */
    public ExecutionState execution() {
        return execution;
    }

    /** Control State. */
    public ControlState control() {
        return control;
    }

    /** Position of the last applied entry, {@link #NO_POSITION} before the first. */
    public long lastPosition() {
        return lastPosition;
    }

    /** Records the entry at {@code position} as fully applied. */
    @Mutator
    public void lastPosition(long position) {
        this.lastPosition = position;
    }

    /** {@code sha256:} + hex SHA-256 of the canonical encoding of the three domains and the position. */
    public String digest() {
        CanonicalEncoder enc = new CanonicalEncoder();
        encode(enc);
        return enc.finishHex();
    }

    /** Writes the canonical encoding. */
    public void encode(CanonicalEncoder enc) {
        enc.tag('S').writeLong(ENCODING_VERSION).writeLong(lastPosition);
        market.encode(enc);
        execution.encode(enc);
        control.encode(enc);
    }

    @Override
    public String toString() {
        return "State{position=" + lastPosition + ", controlTimeNs=" + control.controlTimeNs() + ", orders="
                + execution.orders().liveCount() + ", pending=" + execution.queue().size() + ", inflight="
                + execution.inflight().size() + "}";
    }
}

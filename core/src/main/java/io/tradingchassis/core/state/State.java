package io.tradingchassis.core.state;

import io.tradingchassis.core.view.BookView;
import io.tradingchassis.core.view.OrderView;
import io.tradingchassis.core.view.StateView;

/**
 * The whole State (SPEC §4): exactly three domains plus the position of the last applied entry.
 * Only the core's processing step mutates it (E1). {@link #snapshot()} is an exact value copy and
 * {@link #digest()} a SHA-256 over the canonical encoding, stable across JVM runs, hash seeds and
 * insertion history.
 */
public final class State implements StateView {
    /** {@link #lastPosition()} before any entry: the first entry must be position 0 (E4). */
    public static final long NO_POSITION = -1;

    private static final L2Book EMPTY_BOOK = new L2Book();

    private final MarketState market;
    private final ExecutionState execution;
    private final ControlState control;
    private long lastPosition;
    private long processingPosition;
    private io.tradingchassis.core.event.EventType eventType;

    /** The initial State, before position 0. */
    public State() {
        this(new MarketState(), new ExecutionState(), new ControlState(), NO_POSITION);
    }

    private State(MarketState m, ExecutionState e, ControlState c, long lastPosition) {
        this.market = m;
        this.execution = e;
        this.control = c;
        this.lastPosition = lastPosition;
        this.processingPosition = lastPosition;
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
    public void lastPosition(long position) {
        this.lastPosition = position;
        this.processingPosition = position;
    }

    /** Marks the entry being processed, for the Strategy's view (I2). */
    public void processing(long position, io.tradingchassis.core.event.EventType type) {
        this.processingPosition = position;
        this.eventType = type;
    }

    /** {@code sha256:} + hex SHA-256 of the canonical encoding of the three domains and the position. */
    public String digest() {
        CanonicalEncoder enc = new CanonicalEncoder();
        encode(enc);
        return enc.finishHex();
    }

    /** Writes the canonical encoding. */
    public void encode(CanonicalEncoder enc) {
        enc.tag('S').writeLong(1).writeLong(lastPosition); // 1 = encoding version
        market.encode(enc);
        execution.encode(enc);
        control.encode(enc);
    }

    // ---------------------------------------------------------------- StateView

    @Override
    public long position() {
        return processingPosition;
    }

    @Override
    public long controlTimeNs() {
        return control.controlTimeNs();
    }

    @Override
    public int instrumentCount() {
        return market.instrumentSlots();
    }

    @Override
    public BookView book(int instrument) {
        L2Book b = market.bookOrNull(instrument);
        return b == null ? EMPTY_BOOK : b;
    }

    @Override
    public long positionLots(int instrument) {
        return execution.positionLots(instrument);
    }

    @Override
    public OrderView order(long orderId) {
        return execution.order(orderId);
    }

    @Override
    public boolean isKeyActive(long orderKey) {
        Order o = execution.order(orderKey);
        return (o != null && !o.status().isTerminal()) || execution.pendingFor(orderKey) != null
                || execution.inflightType(orderKey) != null;
    }

    @Override
    public io.tradingchassis.core.event.EventType eventType() {
        return eventType;
    }

    @Override
    public int workingCount() {
        return execution.workingCount();
    }

    @Override
    public long workingKey(int i) {
        return execution.workingKey(i);
    }

    @Override
    public int workingInstrument(int i) {
        return execution.workingInstrument(i);
    }

    @Override
    public io.tradingchassis.core.event.Side workingSide(int i) {
        return execution.workingSide(i);
    }

    @Override
    public long workingPriceTicks(int i) {
        return execution.workingPriceTicks(i);
    }

    @Override
    public long workingQtyLots(int i) {
        return execution.workingQtyLots(i);
    }

    @Override
    public boolean workingCancelling(int i) {
        return execution.workingCancelling(i);
    }

    @Override
    public boolean killSwitch() {
        return control.killSwitch();
    }

    @Override
    public boolean feedGap(int instrument) {
        return control.feedGap(instrument);
    }

    @Override
    public String toString() {
        return "State{position=" + lastPosition + ", controlTimeNs=" + control.controlTimeNs() + ", orders="
                + execution.orderCount() + ", pending=" + execution.pendingCount() + ", inflight="
                + execution.inflightCount() + "}";
    }
}

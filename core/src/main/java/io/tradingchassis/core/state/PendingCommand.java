package io.tradingchassis.core.state;

import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.OrderCommand;
import io.tradingchassis.core.event.Side;

/**
 * A command waiting in the Queue (SPEC §4 Execution Control substate, §7): at most one per order key
 * (EC4). Mutable only through the queue code of the core.
 */
public final class PendingCommand {
    private final long orderKey;
    private CommandType type;
    private int instrument;
    private Side side;
    private long priceTicks;
    private long qtyLots;
    private long admissionSeq;
    private long intentId;
    private boolean recorded;

    /** A pending command; {@code admissionSeq} orders FIFO within a priority (SPEC §8.4). */
    public PendingCommand(long orderKey, CommandType type, int instrument, Side side, long priceTicks, long qtyLots,
                          long admissionSeq, long intentId) {
        this.orderKey = orderKey;
        set(type, instrument, side, priceTicks, qtyLots, admissionSeq, intentId);
    }

    /** Overwrites the payload (dominance: the incoming command wins the key). */
    public void set(CommandType type, int instrument, Side side, long priceTicks, long qtyLots, long admissionSeq,
                    long intentId) {
        this.type = type;
        this.instrument = instrument;
        this.side = side;
        this.priceTicks = priceTicks;
        this.qtyLots = qtyLots;
        this.admissionSeq = admissionSeq;
        this.intentId = intentId;
    }

    /** An exact copy. */
    public PendingCommand copy() {
        PendingCommand c = new PendingCommand(orderKey, type, instrument, side, priceTicks, qtyLots, admissionSeq,
                intentId);
        c.recorded = recorded;
        return c;
    }

    /** Once inflight: true when its OrderSubmitted record has been processed. */
    public boolean recorded() {
        return recorded;
    }

    /** Marks the inflight command as recorded by its OrderSubmitted. */
    public void markRecorded() {
        recorded = true;
    }

    /** The order key. */
    public long orderKey() {
        return orderKey;
    }

    /** NEW, REPLACE or CANCEL. */
    public CommandType type() {
        return type;
    }

    /** Instrument index. */
    public int instrument() {
        return instrument;
    }

    /** Side. */
    public Side side() {
        return side;
    }

    /** Limit price in ticks (0 for CANCEL). */
    public long priceTicks() {
        return priceTicks;
    }

    /** Total quantity in lots (0 for CANCEL). */
    public long qtyLots() {
        return qtyLots;
    }

    /** Admission sequence: FIFO order among equal priorities. */
    public long admissionSeq() {
        return admissionSeq;
    }

    /** Id of the Intent whose arc this command carries. */
    public long intentId() {
        return intentId;
    }

    /** The command as it would be recorded in an OrderSubmitted (allocates; for the edges). */
    public OrderCommand toOrderCommand() {
        return new OrderCommand(type, instrument, side, priceTicks, qtyLots);
    }

    void encode(CanonicalEncoder enc) {
        enc.writeLong(orderKey).writeLong(type.ordinal()).writeLong(instrument).writeLong(side.ordinal())
                .writeLong(priceTicks).writeLong(qtyLots).writeLong(admissionSeq).writeLong(intentId)
                .writeBoolean(recorded);
    }

    @Override
    public String toString() {
        return type + "{key=" + orderKey + " " + side + " " + qtyLots + "@" + priceTicks + " seq=" + admissionSeq
                + " intent=" + intentId + "}";
    }
}

package io.tradingchassis.core.state;

import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.OrderCommand;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.TimeInForce;

/**
 * A command in the Queue (SPEC §4 Execution Control substate, §7) — at most one per order key (EC4) —
 * and, once dispatched, the key's inflight request (EC5) with the request id the core assigned.
 * Mutable only inside the state package (through {@link PendingQueue} and {@link InflightTable});
 * instances are pooled by {@link ExecutionState}.
 */
public final class PendingCommand {
    /** {@link #requestId()} before dispatch. */
    public static final long NO_REQUEST = 0;

    private long orderKey;
    private CommandType type;
    private int instrument;
    private Side side;
    private long priceTicks;
    private long qtyLots;
    private TimeInForce tif = TimeInForce.GTC;
    private long admissionSeq;
    private long intentId;
    private long requestId;
    private boolean recorded;

    PendingCommand() {
    }

    PendingCommand init(long orderKey, CommandType type, int instrument, Side side, long priceTicks, long qtyLots,
                        long admissionSeq, long intentId) {
        this.orderKey = orderKey;
        set(type, instrument, side, priceTicks, qtyLots, admissionSeq, intentId);
        this.requestId = NO_REQUEST;
        this.recorded = false;
        this.tif = TimeInForce.GTC;
        return this;
    }

    /** Sets the time in force (a NEW's own; a REPLACE carries its order's; a CANCEL GTC). */
    void timeInForce(TimeInForce t) {
        this.tif = type == CommandType.CANCEL ? TimeInForce.GTC : t;
    }

    /** Overwrites the payload (dominance: the incoming command wins the key). */
    void set(CommandType type, int instrument, Side side, long priceTicks, long qtyLots, long admissionSeq,
             long intentId) {
        this.type = type;
        this.instrument = instrument;
        this.side = side;
        // SPEC §6 (README): a CANCEL's price and quantity are zero, whatever the Intent carried.
        this.priceTicks = type == CommandType.CANCEL ? 0 : priceTicks;
        this.qtyLots = type == CommandType.CANCEL ? 0 : qtyLots;
        this.admissionSeq = admissionSeq;
        this.intentId = intentId;
    }

    PendingCommand copy() {
        PendingCommand c = new PendingCommand().init(orderKey, type, instrument, side, priceTicks, qtyLots,
                admissionSeq, intentId);
        c.requestId = requestId;
        c.recorded = recorded;
        c.tif = tif;
        return c;
    }

    void requestId(long id) {
        this.requestId = id;
    }

    void markRecorded() {
        recorded = true;
    }

    /** Once inflight: true when its dispatch record (OrderSubmitted) has been processed. */
    public boolean recorded() {
        return recorded;
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

    /** Time in force (GTC for CANCEL). */
    public TimeInForce timeInForce() {
        return tif;
    }

    /** Admission sequence: FIFO order among equal priorities. */
    public long admissionSeq() {
        return admissionSeq;
    }

    /** Id of the Intent whose arc this command carries ({@code -1} for a request known only by its record). */
    public long intentId() {
        return intentId;
    }

    /** The request id the core assigned at dispatch, {@link #NO_REQUEST} while pending. */
    public long requestId() {
        return requestId;
    }

    /** The command as its OrderSubmitted record carries it (allocates; for the edges). */
    public OrderCommand toOrderCommand() {
        return new OrderCommand(type, instrument, side, priceTicks, qtyLots, tif);
    }

    void encode(CanonicalEncoder enc) {
        enc.writeLong(orderKey).writeLong(type.code()).writeLong(instrument).writeLong(side.code())
                .writeLong(priceTicks).writeLong(qtyLots).writeLong(admissionSeq).writeLong(intentId)
                .writeLong(requestId).writeBoolean(recorded).writeLong(tif.code());
    }

    @Override
    public String toString() {
        return type + "{key=" + orderKey + " " + side + " " + qtyLots + "@" + priceTicks + " seq=" + admissionSeq
                + " intent=" + intentId + (requestId != NO_REQUEST ? " request=" + requestId : "") + "}";
    }
}

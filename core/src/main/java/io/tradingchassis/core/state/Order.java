package io.tradingchassis.core.state;

import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.TimeInForce;
import io.tradingchassis.core.view.OrderStatus;
import io.tradingchassis.core.view.OrderView;

/**
 * One Order (SPEC §6), from Submitted on. Its mutators are package-private: only {@link Orders} (on
 * behalf of the core's state derivation) changes it, so an {@link OrderView} handed out cannot be cast
 * into a writer. Instances are pooled by {@link Orders}: a reference is valid until the order retires.
 */
public final class Order implements OrderView {
    private long orderId;
    private int instrument;
    private Side side;
    private long submittedAtPosition;
    private long priceTicks;
    private long qtyLots;
    private long filledLots;
    private long leavesLots;
    private OrderStatus status;
    private TimeInForce tif = TimeInForce.GTC;

    Order() {
    }

    void timeInForce(TimeInForce t) {
        this.tif = t;
    }

    /** The time in force its NEW carried. */
    public TimeInForce timeInForce() {
        return tif;
    }

    /** (Re)initializes a pooled instance as a new Order in {@link OrderStatus#SUBMITTED} (L3). */
    Order init(long orderId, int instrument, Side side, long priceTicks, long qtyLots, long submittedAtPosition) {
        this.orderId = orderId;
        this.instrument = instrument;
        this.side = side;
        this.priceTicks = priceTicks;
        this.qtyLots = qtyLots;
        this.filledLots = 0;
        this.leavesLots = qtyLots;
        this.submittedAtPosition = submittedAtPosition;
        this.status = OrderStatus.SUBMITTED;
        this.tif = TimeInForce.GTC;
        return this;
    }

    /** An exact copy. */
    Order copy() {
        Order o = new Order().init(orderId, instrument, side, priceTicks, qtyLots, submittedAtPosition);
        o.filledLots = filledLots;
        o.leavesLots = leavesLots;
        o.status = status;
        o.tif = tif;
        return o;
    }

    void status(OrderStatus next) {
        this.status = next;
    }

    void fill(long fillQty, long leaves) {
        filledLots += fillQty;
        leavesLots = leaves;
    }

    void replace(long newPriceTicks, long newQtyLots) {
        priceTicks = newPriceTicks;
        qtyLots = newQtyLots;
        leavesLots = newQtyLots - filledLots;
    }

    @Override
    public long orderId() {
        return orderId;
    }

    @Override
    public int instrument() {
        return instrument;
    }

    @Override
    public Side side() {
        return side;
    }

    @Override
    public long priceTicks() {
        return priceTicks;
    }

    @Override
    public long qtyLots() {
        return qtyLots;
    }

    @Override
    public long filledLots() {
        return filledLots;
    }

    @Override
    public long leavesLots() {
        return leavesLots;
    }

    @Override
    public OrderStatus status() {
        return status;
    }

    /** Position of the OrderSubmitted record that created it. */
    public long submittedAtPosition() {
        return submittedAtPosition;
    }

    void encode(CanonicalEncoder enc) {
        enc.writeLong(orderId).writeLong(instrument).writeLong(side.code()).writeLong(priceTicks).writeLong(qtyLots)
                .writeLong(filledLots).writeLong(leavesLots).writeLong(status.code()).writeLong(submittedAtPosition)
                .writeLong(tif.code());
    }

    @Override
    public String toString() {
        return "Order{" + orderId + " " + side + " " + qtyLots + "@" + priceTicks + " filled=" + filledLots
                + " leaves=" + leavesLots + " " + status + "}";
    }
}

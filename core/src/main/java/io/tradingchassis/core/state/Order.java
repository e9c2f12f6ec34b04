package io.tradingchassis.core.state;

import io.tradingchassis.core.view.OrderStatus;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.view.OrderView;

/** One Order (SPEC §6), from Submitted on. Mutated only by the core's state derivation. */
public final class Order implements OrderView {
    private final long orderId;
    private final int instrument;
    private final Side side;
    private final long submittedAtPosition;
    private long priceTicks;
    private long qtyLots;
    private long filledLots;
    private long leavesLots;
    private OrderStatus status;

    /** A new Order in {@link OrderStatus#SUBMITTED} (L3). */
    public Order(long orderId, int instrument, Side side, long priceTicks, long qtyLots, long submittedAtPosition) {
        this.orderId = orderId;
        this.instrument = instrument;
        this.side = side;
        this.priceTicks = priceTicks;
        this.qtyLots = qtyLots;
        this.leavesLots = qtyLots;
        this.submittedAtPosition = submittedAtPosition;
        this.status = OrderStatus.SUBMITTED;
    }

    /** An exact copy. */
    public Order copy() {
        Order o = new Order(orderId, instrument, side, priceTicks, qtyLots, submittedAtPosition);
        o.filledLots = filledLots;
        o.leavesLots = leavesLots;
        o.status = status;
        return o;
    }

    /** Moves to {@code next}; the caller has checked {@link OrderStatus#canBecome}. */
    public void status(OrderStatus next) {
        this.status = next;
    }

    /** Applies a fill; the caller has checked quantities. */
    public void fill(long fillQty, long leaves) {
        filledLots += fillQty;
        leavesLots = leaves;
    }

    /** Applies a replace: new price and total quantity; leaves = total − filled. */
    public void replace(long newPriceTicks, long newQtyLots) {
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
        enc.writeLong(orderId).writeLong(instrument).writeLong(side.ordinal()).writeLong(priceTicks).writeLong(qtyLots)
                .writeLong(filledLots).writeLong(leavesLots).writeLong(status.ordinal()).writeLong(submittedAtPosition);
    }

    @Override
    public String toString() {
        return "Order{" + orderId + " " + side + " " + qtyLots + "@" + priceTicks + " filled=" + filledLots
                + " leaves=" + leavesLots + " " + status + "}";
    }
}

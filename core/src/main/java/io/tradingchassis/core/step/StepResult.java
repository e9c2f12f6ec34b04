package io.tradingchassis.core.step;

import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.ControlTimeReason;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.TimeInForce;
import io.tradingchassis.core.intent.Disposition;
import io.tradingchassis.core.intent.Reason;
import io.tradingchassis.core.state.PendingCommand;
import io.tradingchassis.core.view.OrderStatus;
import java.util.Arrays;

/**
 * The outputs of one step (SPEC §5 step 7): Order transitions, Intent dispositions, dispatch requests
 * and at most one Control Scheduling Obligation. Everything in it is a value: nothing reachable from a
 * result is State. The engine reuses two instances alternately, like ring slots: a result stays valid
 * until the next successful step of the same engine (a step that throws leaves the last good result
 * untouched); {@link #copy()} it to keep it longer.
 */
public final class StepResult {
    /** {@link #transitionFrom} for an Order created by the step (L3). */
    public static final OrderStatus CREATED = null;

    private long position = -1;
    private EventType eventType;

    private long[] trOrderId = new long[4];
    private OrderStatus[] trFrom = new OrderStatus[4];
    private OrderStatus[] trTo = new OrderStatus[4];
    private int trCount;

    private long[] dIntentId = new long[8];
    private long[] dOrderKey = new long[8];
    private CommandType[] dType = new CommandType[8];
    private Disposition[] dDisposition = new Disposition[8];
    private Reason[] dReason = new Reason[8];
    private int dCount;

    private long[] xRequestId = new long[4];
    private long[] xOrderKey = new long[4];
    private CommandType[] xType = new CommandType[4];
    private int[] xInstrument = new int[4];
    private Side[] xSide = new Side[4];
    private long[] xPrice = new long[4];
    private long[] xQty = new long[4];
    private TimeInForce[] xTif = new TimeInForce[4];
    private int dispatchCount;

    private boolean strategyRan;
    private String strategyFailure;

    private boolean hasObligation;
    private long obligationDeadlineNs;
    private long obligationScopeKey;
    private ControlTimeReason obligationReason;

    /** Clears everything for the step at {@code position}. */
    void reset(long position, EventType type) {
        this.position = position;
        this.eventType = type;
        trCount = 0;
        dCount = 0;
        dispatchCount = 0;
        strategyRan = false;
        strategyFailure = null;
        hasObligation = false;
        obligationDeadlineNs = 0;
        obligationScopeKey = 0;
        obligationReason = null;
    }

    void addTransition(long orderId, OrderStatus from, OrderStatus to) {
        if (trCount == trOrderId.length) {
            int n = trCount * 2;
            trOrderId = Arrays.copyOf(trOrderId, n);
            trFrom = Arrays.copyOf(trFrom, n);
            trTo = Arrays.copyOf(trTo, n);
        }
        trOrderId[trCount] = orderId;
        trFrom[trCount] = from;
        trTo[trCount] = to;
        trCount++;
    }

    void addDisposition(long intentId, long orderKey, CommandType type, Disposition d, Reason reason) {
        if (dCount == dIntentId.length) {
            int n = dCount * 2;
            dIntentId = Arrays.copyOf(dIntentId, n);
            dOrderKey = Arrays.copyOf(dOrderKey, n);
            dType = Arrays.copyOf(dType, n);
            dDisposition = Arrays.copyOf(dDisposition, n);
            dReason = Arrays.copyOf(dReason, n);
        }
        dIntentId[dCount] = intentId;
        dOrderKey[dCount] = orderKey;
        dType[dCount] = type;
        dDisposition[dCount] = d;
        dReason[dCount] = reason;
        dCount++;
    }

    void addDispatch(PendingCommand c) {
        addDispatch(c.requestId(), c.orderKey(), c.type(), c.instrument(), c.side(), c.priceTicks(), c.qtyLots(),
                c.timeInForce());
    }

    private void addDispatch(long requestId, long key, CommandType type, int instrument, Side side, long price,
                             long qty, TimeInForce tif) {
        if (dispatchCount == xRequestId.length) {
            int n = dispatchCount * 2;
            xRequestId = Arrays.copyOf(xRequestId, n);
            xOrderKey = Arrays.copyOf(xOrderKey, n);
            xType = Arrays.copyOf(xType, n);
            xInstrument = Arrays.copyOf(xInstrument, n);
            xSide = Arrays.copyOf(xSide, n);
            xPrice = Arrays.copyOf(xPrice, n);
            xQty = Arrays.copyOf(xQty, n);
            xTif = Arrays.copyOf(xTif, n);
        }
        int i = dispatchCount++;
        xRequestId[i] = requestId;
        xOrderKey[i] = key;
        xType[i] = type;
        xInstrument[i] = instrument;
        xSide[i] = side;
        xPrice[i] = price;
        xQty[i] = qty;
        xTif[i] = tif;
    }

    void strategyRan(boolean ran, String failure) {
        this.strategyRan = ran;
        this.strategyFailure = failure;
    }

    void obligation(long deadlineNs, long scopeKey, ControlTimeReason reason) {
        hasObligation = true;
        obligationDeadlineNs = deadlineNs;
        obligationScopeKey = scopeKey;
        obligationReason = reason;
    }

    /** Why the obligation exists: rate-limit recovery or a Strategy timer; {@code null} without one. */
    public ControlTimeReason obligationReason() {
        return obligationReason;
    }

    /** Position of the entry this result is for. */
    public long position() {
        return position;
    }

    /** Type of the event processed. */
    public EventType eventType() {
        return eventType;
    }

    /** Number of Order transitions this step made. */
    public int transitionCount() {
        return trCount;
    }

    /** Order id of transition i. */
    public long transitionOrderId(int i) {
        check(i, trCount);
        return trOrderId[i];
    }

    /** Status before transition i, or {@link #CREATED} (null) when the step created the Order. */
    public OrderStatus transitionFrom(int i) {
        check(i, trCount);
        return trFrom[i];
    }

    /** Status after transition i. */
    public OrderStatus transitionTo(int i) {
        check(i, trCount);
        return trTo[i];
    }

    /** Number of Intent dispositions reported. */
    public int dispositionCount() {
        return dCount;
    }

    /** Intent id of disposition i. */
    public long dispositionIntentId(int i) {
        check(i, dCount);
        return dIntentId[i];
    }

    /** Order key of disposition i. */
    public long dispositionOrderKey(int i) {
        check(i, dCount);
        return dOrderKey[i];
    }

    /** Command type of disposition i. */
    public CommandType dispositionType(int i) {
        check(i, dCount);
        return dType[i];
    }

    /** Disposition i. */
    public Disposition disposition(int i) {
        check(i, dCount);
        return dDisposition[i];
    }

    /** Reason of disposition i. */
    public Reason dispositionReason(int i) {
        check(i, dCount);
        return dReason[i];
    }

    /** Number of dispatch requests, in dispatch order. */
    public int dispatchCount() {
        return dispatchCount;
    }

    /** Dispatch request i as a value (allocates; the {@code dispatch*} accessors do not). */
    public DispatchRequest dispatch(int i) {
        check(i, dispatchCount);
        return new DispatchRequest(xRequestId[i], xOrderKey[i], xType[i], xInstrument[i], xSide[i], xPrice[i],
                xQty[i], xTif[i]);
    }

    /** Time in force of dispatch request i. */
    public TimeInForce dispatchTimeInForce(int i) {
        check(i, dispatchCount);
        return xTif[i];
    }

    /** Request id of dispatch request i (SPEC §6: its record and the venue's answer name it). */
    public long dispatchRequestId(int i) {
        check(i, dispatchCount);
        return xRequestId[i];
    }

    /** Order key of dispatch request i. */
    public long dispatchOrderKey(int i) {
        check(i, dispatchCount);
        return xOrderKey[i];
    }

    /** Command type of dispatch request i. */
    public CommandType dispatchType(int i) {
        check(i, dispatchCount);
        return xType[i];
    }

    /** Instrument of dispatch request i. */
    public int dispatchInstrument(int i) {
        check(i, dispatchCount);
        return xInstrument[i];
    }

    /** Side of dispatch request i. */
    public Side dispatchSide(int i) {
        check(i, dispatchCount);
        return xSide[i];
    }

    /** Price of dispatch request i (0 for CANCEL). */
    public long dispatchPriceTicks(int i) {
        check(i, dispatchCount);
        return xPrice[i];
    }

    /** Quantity of dispatch request i (0 for CANCEL). */
    public long dispatchQtyLots(int i) {
        check(i, dispatchCount);
        return xQty[i];
    }

    /** Whether the decision trigger fired and the Strategy ran. */
    public boolean strategyRan() {
        return strategyRan;
    }

    /**
     * What the Strategy threw, described safely ({@code toString()}, or the class name when that throws),
     * when it threw (the step emitted no Intents and kept no memory writes), else {@code null}.
     */
    public String strategyFailure() {
        return strategyFailure;
    }

    /** Whether the step returned a Control Scheduling Obligation (SPEC §9; non-canonical, EC7). */
    public boolean hasObligation() {
        return hasObligation;
    }

    /** Control time at which the next token exists; meaningful only when {@link #hasObligation()}. */
    public long obligationDeadlineNs() {
        return obligationDeadlineNs;
    }

    /** The order key of the first rate-blocked command: the obligation's scope (tie-break key). */
    public long obligationScopeKey() {
        return obligationScopeKey;
    }

    /** The obligation as a value, or {@code null} (allocates). */
    public ControlSchedulingObligation obligation() {
        return hasObligation
                ? new ControlSchedulingObligation(obligationDeadlineNs, obligationScopeKey, obligationReason) : null;
    }

    /** The Intent disposition reported last for an intent id, or {@code null} (for tests and reports). */
    public Disposition lastDispositionOf(long intentId) {
        for (int i = dCount - 1; i >= 0; i--) {
            if (dIntentId[i] == intentId) {
                return dDisposition[i];
            }
        }
        return null;
    }

    /** An independent copy. */
    public StepResult copy() {
        StepResult c = new StepResult();
        c.reset(position, eventType);
        for (int i = 0; i < trCount; i++) {
            c.addTransition(trOrderId[i], trFrom[i], trTo[i]);
        }
        for (int i = 0; i < dCount; i++) {
            c.addDisposition(dIntentId[i], dOrderKey[i], dType[i], dDisposition[i], dReason[i]);
        }
        for (int i = 0; i < dispatchCount; i++) {
            c.addDispatch(xRequestId[i], xOrderKey[i], xType[i], xInstrument[i], xSide[i], xPrice[i], xQty[i],
                    xTif[i]);
        }
        c.strategyRan = strategyRan;
        c.strategyFailure = strategyFailure;
        c.hasObligation = hasObligation;
        c.obligationDeadlineNs = obligationDeadlineNs;
        c.obligationScopeKey = obligationScopeKey;
        c.obligationReason = obligationReason;
        return c;
    }

    private static void check(int i, int n) {
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException(i + " of " + n);
        }
    }

    /** A readable one-line summary. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("StepResult{pos=").append(position).append(' ').append(eventType);
        for (int i = 0; i < trCount; i++) {
            sb.append(" order ").append(trOrderId[i]).append(':').append(trFrom[i] == null ? "*" : trFrom[i])
                    .append("->").append(trTo[i]);
        }
        for (int i = 0; i < dCount; i++) {
            sb.append(" intent ").append(dIntentId[i]).append('/').append(dType[i]).append(" key=")
                    .append(dOrderKey[i]).append(':').append(dDisposition[i]);
            if (dReason[i] != Reason.NONE) {
                sb.append('(').append(dReason[i]).append(')');
            }
        }
        for (int i = 0; i < dispatchCount; i++) {
            sb.append(" dispatch#").append(xRequestId[i]).append(' ').append(xType[i]).append("{key=")
                    .append(xOrderKey[i]).append(' ').append(xSide[i]).append(' ').append(xQty[i]).append('@')
                    .append(xPrice[i]).append('}');
        }
        if (hasObligation) {
            sb.append(" obligation@").append(obligationDeadlineNs);
        }
        if (strategyFailure != null) {
            sb.append(" strategyFailure=").append(strategyFailure);
        }
        return sb.append('}').toString();
    }
}

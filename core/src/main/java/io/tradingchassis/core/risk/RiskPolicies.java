package io.tradingchassis.core.risk;

import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.intent.Reason;
import io.tradingchassis.core.state.ExecutionState;
import io.tradingchassis.core.state.Order;
import io.tradingchassis.core.state.PendingCommand;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.view.BookView;
import java.util.List;

/**
 * The standard policies, applied in this order (the first denial wins). Limits are inclusive: a value
 * equal to its limit is allowed, one past it is denied.
 */
public final class RiskPolicies {
    private RiskPolicies() {
    }

    /**
     * Instrument defined; NEW/REPLACE with price &gt; 0 and quantity &gt; 0; a REPLACE/CANCEL names the
     * instrument and side of what it targets (the Order, else the key's inflight or pending command).
     * A mismatching request could not be recorded (its OrderSubmitted must match the Order, EV1), so
     * dispatching it would halt the stream.
     */
    public static final RiskPolicy WELL_FORMED = (s, cfg, in, i) -> {
        int inst = in.instrument(i);
        if (inst < 0 || inst >= cfg.instruments().size()) {
            return Reason.MALFORMED_INTENT;
        }
        if (in.type(i) != CommandType.CANCEL && (in.priceTicks(i) <= 0 || in.qtyLots(i) <= 0)) {
            return Reason.MALFORMED_INTENT;
        }
        if (in.type(i) != CommandType.NEW) {
            ExecutionState x = s.execution();
            long key = in.orderKey(i);
            Order o = x.order(key);
            if (o != null) {
                return o.instrument() == inst && o.side() == in.side(i) ? Reason.NONE : Reason.MALFORMED_INTENT;
            }
            PendingCommand target = x.inflight(key);
            if (target == null) {
                target = x.pendingFor(key);
            }
            if (target != null && (target.instrument() != inst || target.side() != in.side(i))) {
                return Reason.MALFORMED_INTENT;
            }
        }
        return Reason.NONE;
    };

    /** Kill switch on: NEW and REPLACE denied; CANCEL allowed (it only reduces risk). */
    public static final RiskPolicy KILL_SWITCH = (s, cfg, in, i) ->
            s.control().killSwitch() && in.type(i) != CommandType.CANCEL ? Reason.KILL_SWITCH : Reason.NONE;

    /** NEW/REPLACE quantity at most {@code risk.maxOrderQtyLots}. */
    public static final RiskPolicy MAX_ORDER_QTY = (s, cfg, in, i) ->
            in.type(i) != CommandType.CANCEL && in.qtyLots(i) > cfg.risk().maxOrderQtyLots()
                    ? Reason.MAX_ORDER_QTY : Reason.NONE;

    /** NEW/REPLACE price within {@code risk.priceBandTicks} of mid; no mid → denied. */
    public static final RiskPolicy PRICE_BAND = (s, cfg, in, i) -> {
        if (in.type(i) == CommandType.CANCEL) {
            return Reason.NONE;
        }
        long mid = s.book(in.instrument(i)).midTicks();
        if (mid == BookView.NO_PRICE) {
            return Reason.PRICE_BAND;
        }
        return Math.abs(in.priceTicks(i) - mid) > cfg.risk().priceBandTicks() ? Reason.PRICE_BAND : Reason.NONE;
    };

    /**
     * |position + side × (same-side open exposure of other keys + this order's remaining quantity)| at
     * most {@code risk.maxPositionLots}: counts live orders' leaves, pending and inflight NEWs. An Intent
     * that strictly reduces that worst case is allowed even beyond the limit.
     */
    public static final RiskPolicy MAX_POSITION = (s, cfg, in, i) -> {
        if (in.type(i) == CommandType.CANCEL) {
            return Reason.NONE;
        }
        int inst = in.instrument(i);
        long sign = in.side(i).sign();
        long key = in.orderKey(i);
        Order target = s.execution().order(key);
        long remaining = in.qtyLots(i) - (target == null ? 0 : target.filledLots());
        long others = sameSideExposure(s.execution(), inst, sign, key);
        long keyNow = target != null && !target.status().isTerminal() ? target.leavesLots() : 0;
        long position = s.execution().positionLots(inst);
        long projected = position + sign * (others + Math.max(0, remaining));
        long current = position + sign * (others + keyNow);
        // Beyond the limit is denied unless the Intent strictly reduces the worst case (e.g. a SELL
        // while long past the limit): risk policy must never block getting smaller.
        return Math.abs(projected) > cfg.risk().maxPositionLots() && Math.abs(projected) >= Math.abs(current)
                ? Reason.MAX_POSITION : Reason.NONE;
    };

    /** A NEW only while live orders + pending/inflight NEWs are below {@code risk.maxOpenOrders}. */
    public static final RiskPolicy MAX_OPEN_ORDERS = (s, cfg, in, i) -> {
        if (in.type(i) != CommandType.NEW) {
            return Reason.NONE;
        }
        return openOrders(s.execution()) >= cfg.risk().maxOpenOrders() ? Reason.MAX_OPEN_ORDERS : Reason.NONE;
    };

    /** The standard policies in order. */
    public static final List<RiskPolicy> STANDARD =
            List.of(WELL_FORMED, KILL_SWITCH, MAX_ORDER_QTY, PRICE_BAND, MAX_POSITION, MAX_OPEN_ORDERS);

    /** Live orders plus pending NEWs plus dispatched NEWs not yet recorded as Orders. */
    static long openOrders(ExecutionState x) {
        long n = x.liveOrderCount();
        for (int p = 0; p < x.pendingCount(); p++) {
            if (x.pendingAt(p).type() == CommandType.NEW) {
                n++;
            }
        }
        return n + x.unrecordedNewCount(-1, 0, Long.MIN_VALUE, false);
    }

    /** Same-side open quantity on an instrument, excluding {@code excludeKey}. */
    static long sameSideExposure(ExecutionState x, int instrument, long sign, long excludeKey) {
        long sum = x.openLeavesLots(instrument, sign);
        Order excluded = x.order(excludeKey);
        if (excluded != null && !excluded.status().isTerminal() && excluded.instrument() == instrument
                && excluded.side().sign() == sign) {
            sum -= excluded.leavesLots();
        }
        for (int p = 0; p < x.pendingCount(); p++) {
            PendingCommand c = x.pendingAt(p);
            if (c.type() == CommandType.NEW && c.orderKey() != excludeKey && c.instrument() == instrument
                    && c.side().sign() == sign) {
                sum += c.qtyLots();
            }
        }
        return sum + x.unrecordedNewCount(instrument, sign, excludeKey, true);
    }
}

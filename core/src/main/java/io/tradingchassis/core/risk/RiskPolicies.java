package io.tradingchassis.core.risk;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.intent.IntentView;
import io.tradingchassis.core.intent.Reason;
import io.tradingchassis.core.view.BookView;
import io.tradingchassis.core.view.OrderView;
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
    public static final RiskPolicy WELL_FORMED = RiskPolicies::wellFormed;

    /** Kill switch on: NEW and REPLACE denied; CANCEL allowed (it only reduces risk). */
    public static final RiskPolicy KILL_SWITCH = RiskPolicies::killSwitch;

    /** NEW/REPLACE quantity at most {@code risk.maxOrderQtyLots}. */
    public static final RiskPolicy MAX_ORDER_QTY = RiskPolicies::maxOrderQty;

    /**
     * NEW/REPLACE price within {@code risk.priceBandTicks} of the exact mid {@code (bid + ask) / 2}:
     * allowed iff {@code |2·price − (bid + ask)| ≤ 2·priceBandTicks}, in integers (a buy and a sell
     * equally far from mid get the same verdict). No mid → denied; arithmetic overflow → denied.
     */
    public static final RiskPolicy PRICE_BAND = RiskPolicies::priceBand;

    /**
     * |position + side × (same-side open exposure of other keys + this order's remaining quantity)| at
     * most {@code risk.maxPositionLots}: counts live orders' leaves, pending and inflight NEWs. An Intent
     * that strictly reduces that worst case is allowed even beyond the limit.
     */
    public static final RiskPolicy MAX_POSITION = RiskPolicies::maxPosition;

    /** A NEW only while live orders + pending/inflight NEWs are below {@code risk.maxOpenOrders}. */
    public static final RiskPolicy MAX_OPEN_ORDERS = RiskPolicies::maxOpenOrders;

    /** The standard policies in order. */
    public static final List<RiskPolicy> STANDARD =
            List.of(WELL_FORMED, KILL_SWITCH, MAX_ORDER_QTY, PRICE_BAND, MAX_POSITION, MAX_OPEN_ORDERS);

    /** {@link #WELL_FORMED} as a method: {@link RiskEngine} calls the standard policies directly. */
    static Reason wellFormed(RiskView s, CoreConfiguration cfg, IntentView in) {
        int inst = in.instrument();
        if (inst < 0 || inst >= cfg.instruments().size()) {
            return Reason.MALFORMED_INTENT;
        }
        if (in.type() != CommandType.CANCEL && (in.priceTicks() <= 0 || in.qtyLots() <= 0)) {
            return Reason.MALFORMED_INTENT;
        }
        if (in.type() != CommandType.NEW) {
            int targetInst = s.keyInstrument(in.orderKey());
            if (targetInst >= 0 && (targetInst != inst || s.keySide(in.orderKey()) != in.side())) {
                return Reason.MALFORMED_INTENT;
            }
        }
        return Reason.NONE;
    }

    /** {@link #KILL_SWITCH} as a method: {@link RiskEngine} calls the standard policies directly. */
    static Reason killSwitch(RiskView s, CoreConfiguration cfg, IntentView in) {
        return s.killSwitch() && in.type() != CommandType.CANCEL ? Reason.KILL_SWITCH : Reason.NONE;
    }

    /** {@link #MAX_ORDER_QTY} as a method: {@link RiskEngine} calls the standard policies directly. */
    static Reason maxOrderQty(RiskView s, CoreConfiguration cfg, IntentView in) {
        return in.type() != CommandType.CANCEL && in.qtyLots() > cfg.risk().maxOrderQtyLots()
                ? Reason.MAX_ORDER_QTY : Reason.NONE;
    }

    /** {@link #PRICE_BAND} as a method: {@link RiskEngine} calls the standard policies directly. */
    static Reason priceBand(RiskView s, CoreConfiguration cfg, IntentView in) {
        if (in.type() == CommandType.CANCEL) {
            return Reason.NONE;
        }
        BookView book = s.book(in.instrument());
        long bid = book.bestBidTicks();
        long ask = book.bestAskTicks();
        if (bid == BookView.NO_PRICE || ask == BookView.NO_PRICE) {
            return Reason.PRICE_BAND;
        }
        try {
            long distance = Math.abs(Math.subtractExact(Math.multiplyExact(2, in.priceTicks()),
                    Math.addExact(bid, ask)));
            return distance > Math.multiplyExact(2, cfg.risk().priceBandTicks()) ? Reason.PRICE_BAND : Reason.NONE;
        } catch (ArithmeticException overflow) {
            return Reason.PRICE_BAND;
        }
    }

    /** {@link #MAX_POSITION} as a method: {@link RiskEngine} calls the standard policies directly. */
    static Reason maxPosition(RiskView s, CoreConfiguration cfg, IntentView in) {
        if (in.type() == CommandType.CANCEL) {
            return Reason.NONE;
        }
        int inst = in.instrument();
        Side side = in.side();
        long sign = side.sign();
        long key = in.orderKey();
        OrderView target = s.order(key);
        long remaining = in.qtyLots() - (target == null ? 0 : target.filledLots());
        long others = s.sameSideExposureLots(inst, side, key);
        long keyNow = target != null ? target.leavesLots() : 0;
        long position = s.positionLots(inst);
        long projected = position + sign * (others + Math.max(0, remaining));
        long current = position + sign * (others + keyNow);
        // Beyond the limit is denied unless the Intent strictly reduces the worst case (e.g. a SELL
        // while long past the limit): risk policy must never block getting smaller.
        return Math.abs(projected) > cfg.risk().maxPositionLots() && Math.abs(projected) >= Math.abs(current)
                ? Reason.MAX_POSITION : Reason.NONE;
    }

    /** {@link #MAX_OPEN_ORDERS} as a method: {@link RiskEngine} calls the standard policies directly. */
    static Reason maxOpenOrders(RiskView s, CoreConfiguration cfg, IntentView in) {
        return in.type() == CommandType.NEW && s.openOrderCount() >= cfg.risk().maxOpenOrders()
                ? Reason.MAX_OPEN_ORDERS : Reason.NONE;
    }
}

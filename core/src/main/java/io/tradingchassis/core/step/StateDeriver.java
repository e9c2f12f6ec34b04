package io.tradingchassis.core.step;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.Bbo;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSnapshot;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.ConfigurationActivated;
import io.tradingchassis.core.event.ControlTime;
import io.tradingchassis.core.event.DispatchFailed;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.event.FeedGap;
import io.tradingchassis.core.event.KillSwitch;
import io.tradingchassis.core.event.OrderAccepted;
import io.tradingchassis.core.event.OrderCancelled;
import io.tradingchassis.core.event.OrderCommand;
import io.tradingchassis.core.event.OrderExpired;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.event.OrderRejected;
import io.tradingchassis.core.event.OrderReplaced;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.PriceLevel;
import io.tradingchassis.core.event.Trade;
import io.tradingchassis.core.state.ExecutionState;
import io.tradingchassis.core.state.Invariant;
import io.tradingchassis.core.state.InvariantViolation;
import io.tradingchassis.core.state.Order;
import io.tradingchassis.core.state.PendingCommand;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.strategy.NoStrategy;
import io.tradingchassis.core.view.OrderStatus;
import java.util.Arrays;
import java.util.List;

/**
 * SPEC §5 step 2: applies one event to its domain(s). Every handler validates completely before its
 * first mutation, so a violation leaves State exactly as it was (validate-before-mutate).
 */
final class StateDeriver {

    private StateDeriver() {
    }

    /**
     * Applies {@code e} (of type {@code type}, read once by the caller) at {@code pos}; Order transitions
     * go to {@code out}. Market events, the hot path, are handled here with their concrete types, so no
     * interface call on the event is made twice; the rest goes to {@link #applyOther}.
     */
    static void apply(State s, Event e, EventType type, long pos, CoreConfiguration cfg, StepResult out) {
        long localTsNs;
        switch (type) {
            case BOOK_DELTA:
                BookDelta d = (BookDelta) e;
                bookDelta(s, d, pos, cfg);
                localTsNs = d.localTsNs();
                break;
            case TRADE:
                Trade t = (Trade) e;
                trade(s, t, pos, cfg);
                localTsNs = t.localTsNs();
                break;
            case BBO:
                Bbo b = (Bbo) e;
                bbo(s, b, pos, cfg);
                localTsNs = b.localTsNs();
                break;
            default:
                applyOther(s, e, type, pos, cfg, out);
                localTsNs = e.localTsNs();
                break;
        }
        // Control time is max(localTsNs) so far (SPEC §2); advanced after validation succeeded.
        s.control().observe(localTsNs);
    }

    private static void applyOther(State s, Event e, EventType type, long pos, CoreConfiguration cfg,
                                   StepResult out) {
        switch (type) {
            case BOOK_SNAPSHOT:
                bookSnapshot(s, (BookSnapshot) e, pos, cfg);
                break;
            case ORDER_ACCEPTED:
                accepted(s, (OrderAccepted) e, pos, out);
                break;
            case ORDER_REJECTED:
                rejected(s, (OrderRejected) e, pos, out);
                break;
            case ORDER_FILLED:
                filled(s, (OrderFilled) e, pos, out);
                break;
            case ORDER_CANCELLED:
                cancelled(s, (OrderCancelled) e, pos, out);
                break;
            case ORDER_EXPIRED:
                expired(s, (OrderExpired) e, pos, out);
                break;
            case ORDER_REPLACED:
                replaced(s, (OrderReplaced) e, pos);
                break;
            case ORDER_SUBMITTED:
                submitted(s, (OrderSubmitted) e, pos, cfg, out);
                break;
            case DISPATCH_FAILED:
                dispatchFailed(s, (DispatchFailed) e, pos);
                break;
            case SESSION_START:
                s.control().sessionStarted(true);
                break;
            case KILL_SWITCH:
                s.control().killSwitch(((KillSwitch) e).on());
                break;
            case CONFIGURATION_ACTIVATED:
                configurationActivated(s, (ConfigurationActivated) e, pos, cfg);
                break;
            case FEED_GAP:
                FeedGap g = (FeedGap) e;
                instrument(g.instrument(), pos, cfg, "FeedGap");
                s.control().feedGap(g.instrument(), true);
                break;
            case CONTROL_TIME:
                controlTime(s, (ControlTime) e, pos);
                break;
            default:
                throw new IllegalStateException("unhandled event type " + type);
        }
    }

    // ---------------------------------------------------------------- market

    private static void bookDelta(State s, BookDelta d, long pos, CoreConfiguration cfg) {
        instrument(d.instrument(), pos, cfg, "BookDelta");
        if (d.side() == null) {
            throw new InvariantViolation(Invariant.EV1, pos, "BookDelta side is null");
        }
        if (d.priceTicks() <= 0) {
            throw new InvariantViolation(Invariant.EV1, pos, "BookDelta priceTicks=" + d.priceTicks() + " <= 0");
        }
        if (d.qtyLots() < 0) {
            throw new InvariantViolation(Invariant.EV1, pos, "BookDelta negative book quantity qtyLots="
                    + d.qtyLots() + " at priceTicks=" + d.priceTicks() + " " + d.side());
        }
        s.market().setLevel(d.instrument(), d.side(), d.priceTicks(), d.qtyLots());
    }

    private static void bookSnapshot(State s, BookSnapshot b, long pos, CoreConfiguration cfg) {
        instrument(b.instrument(), pos, cfg, "BookSnapshot");
        levels(b.bids(), "bids", pos);
        levels(b.asks(), "asks", pos);
        s.market().replaceBook(b.instrument(), b.bids(), b.asks());
        s.control().feedGap(b.instrument(), false); // a snapshot heals a gap
    }

    private static void levels(List<PriceLevel> levels, String name, long pos) {
        long[] prices = new long[levels.size()];
        for (int i = 0; i < levels.size(); i++) {
            PriceLevel l = levels.get(i);
            if (l.priceTicks() <= 0 || l.qtyLots() <= 0) {
                throw new InvariantViolation(Invariant.EV1, pos, "BookSnapshot " + name + "[" + i + "] priceTicks="
                        + l.priceTicks() + " qtyLots=" + l.qtyLots() + ": both must be > 0");
            }
            prices[i] = l.priceTicks();
        }
        Arrays.sort(prices); // O(n log n) duplicate check: snapshots carry thousands of levels
        for (int i = 1; i < prices.length; i++) {
            if (prices[i] == prices[i - 1]) {
                throw new InvariantViolation(Invariant.EV1, pos, "BookSnapshot " + name + " repeats priceTicks="
                        + prices[i]);
            }
        }
    }

    private static void trade(State s, Trade t, long pos, CoreConfiguration cfg) {
        instrument(t.instrument(), pos, cfg, "Trade");
        if (t.aggressorSide() == null || t.priceTicks() <= 0 || t.qtyLots() <= 0) {
            throw new InvariantViolation(Invariant.EV1, pos, "Trade aggressorSide=" + t.aggressorSide()
                    + " priceTicks=" + t.priceTicks() + " qtyLots=" + t.qtyLots() + ": side required, both > 0");
        }
        s.market().onTrade(t.instrument(), t.aggressorSide(), t.priceTicks(), t.qtyLots());
    }

    private static void bbo(State s, Bbo b, long pos, CoreConfiguration cfg) {
        instrument(b.instrument(), pos, cfg, "Bbo");
        if (b.bidTicks() <= 0 || b.askTicks() <= 0 || b.bidLots() < 0 || b.askLots() < 0) {
            throw new InvariantViolation(Invariant.EV1, pos, "Bbo bid=" + b.bidLots() + "@" + b.bidTicks() + " ask="
                    + b.askLots() + "@" + b.askTicks() + ": prices > 0, quantities >= 0");
        }
        s.market().onBbo(b.instrument(), b.bidTicks(), b.bidLots(), b.askTicks(), b.askLots());
    }

    private static void instrument(int instrument, long pos, CoreConfiguration cfg, String what) {
        if (instrument < 0 || instrument >= cfg.instruments().size()) {
            throw new InvariantViolation(Invariant.EV2, pos, what + " instrument=" + instrument
                    + " but the configuration defines " + cfg.instruments().size() + " instrument(s)");
        }
    }

    // ---------------------------------------------------------------- execution
    //
    // Ordering contract (SPEC §6, README): every dispatch request carries a request id the core assigned.
    // Its record (OrderSubmitted/DispatchFailed) and the venue's answer to it name that id. The runtime
    // appends a step's records right after the step; the core stays correct when they come later:
    // a truthful record whose Order became terminal meanwhile is accepted (a REPLACE/CANCEL then awaits
    // the venue's reject), while an answer to a request that was never recorded, or a record for a
    // request the core never made (with a Strategy configured), is EV1 — never silently absorbed.

    private static Order known(State s, long orderId, long pos, String what) {
        Order o = s.execution().orders().get(orderId);
        if (o == null) {
            PendingCommand c = s.execution().inflight().get(orderId);
            if (c != null && c.type() == CommandType.NEW && !c.recorded()) {
                throw new InvariantViolation(Invariant.EV1, pos, what + " for key " + orderId + " answers NEW request "
                        + c.requestId() + " before its dispatch record (OrderSubmitted): records precede answers");
            }
            if (orderId <= s.execution().orders().keyHighWater()) {
                throw new InvariantViolation(Invariant.L4, pos, what + " for order " + orderId
                        + ", which is not live: it became terminal and retired (nothing may follow a terminal"
                        + " status), or it was never submitted");
            }
            throw new InvariantViolation(Invariant.L3, pos, what + " for unknown order id " + orderId
                    + " (no OrderSubmitted created it)");
        }
        return o;
    }

    private static void illegal(Order o, OrderStatus next, long pos, String what) {
        throw new InvariantViolation(Invariant.L4, pos, what + " for order " + o.orderId() + ": illegal transition "
                + o.status() + " -> " + next);
    }

    /**
     * The key's recorded inflight request that an answer names; EV1 when the answer names no request,
     * another request, a request of another type, or one whose dispatch record has not been processed.
     */
    private static PendingCommand answered(State s, long key, long requestId, CommandType expected, long pos,
                                           String what) {
        PendingCommand c = s.execution().inflight().get(key);
        if (c == null || c.requestId() != requestId || (expected != null && c.type() != expected)) {
            throw new InvariantViolation(Invariant.EV1, pos, what + " for key " + key + " answers request "
                    + requestId + (expected != null ? " (" + expected + ")" : "") + ", but the key's inflight request is "
                    + (c == null ? "none" : c.type() + " #" + c.requestId())
                    + ": an answer must name a recorded request of this key");
        }
        if (!c.recorded()) {
            throw new InvariantViolation(Invariant.EV1, pos, what + " for key " + key + " answers request "
                    + requestId + " before its dispatch record (OrderSubmitted): records precede answers");
        }
        return c;
    }

    private static void accepted(State s, OrderAccepted a, long pos, StepResult out) {
        Order o = known(s, a.orderId(), pos, "OrderAccepted");
        if (!o.status().canBecome(OrderStatus.ACCEPTED)) {
            illegal(o, OrderStatus.ACCEPTED, pos, "OrderAccepted");
        }
        ExecutionState x = s.execution();
        x.orders().transition(o, OrderStatus.ACCEPTED);
        if (x.inflight().type(o.orderId()) == CommandType.NEW) {
            x.inflight().release(x, o.orderId()); // the NEW's arc is answered (EC5 key free)
        }
        out.addTransition(o.orderId(), OrderStatus.SUBMITTED, OrderStatus.ACCEPTED);
    }

    private static void rejected(State s, OrderRejected r, long pos, StepResult out) {
        ExecutionState x = s.execution();
        PendingCommand c = answered(s, r.orderId(), r.requestId(), null, pos, "OrderRejected");
        if (c.type() == CommandType.NEW) {
            Order o = known(s, r.orderId(), pos, "OrderRejected");
            if (!o.status().canBecome(OrderStatus.REJECTED)) {
                illegal(o, OrderStatus.REJECTED, pos, "OrderRejected");
            }
            x.orders().transition(o, OrderStatus.REJECTED);
            out.addTransition(o.orderId(), OrderStatus.SUBMITTED, OrderStatus.REJECTED);
        }
        // For a REPLACE/CANCEL the venue refused the request; the Order (live, or retired after becoming
        // terminal meanwhile) keeps its status (SPEC §8.2).
        x.inflight().release(x, r.orderId());
    }

    private static void filled(State s, OrderFilled f, long pos, StepResult out) {
        Order o = known(s, f.orderId(), pos, "OrderFilled");
        OrderStatus next = f.leavesLots() == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        if (!o.status().canBecome(next)) {
            illegal(o, next, pos, "OrderFilled");
        }
        if (f.fillQtyLots() <= 0 || f.fillPriceTicks() <= 0 || f.leavesLots() < 0
                || f.fillQtyLots() > o.leavesLots() || f.leavesLots() != o.leavesLots() - f.fillQtyLots()) {
            throw new InvariantViolation(Invariant.EV1, pos, "OrderFilled for order " + o.orderId() + " fillQtyLots="
                    + f.fillQtyLots() + " fillPriceTicks=" + f.fillPriceTicks() + " leavesLots=" + f.leavesLots()
                    + " inconsistent with the order's leavesLots=" + o.leavesLots());
        }
        ExecutionState x = s.execution();
        long sign = o.side().sign();
        try {
            Math.addExact(x.positions().positionLots(o.instrument()), sign * f.fillQtyLots());
            Math.subtractExact(x.positions().cashTickLots(o.instrument()),
                    Math.multiplyExact(sign * f.fillQtyLots(), f.fillPriceTicks()));
        } catch (ArithmeticException overflow) {
            throw new InvariantViolation(Invariant.EV1, pos, "OrderFilled for order " + o.orderId()
                    + " overflows position or cash (64-bit)");
        }
        OrderStatus from = o.status();
        x.orders().fill(o, f.fillQtyLots(), f.leavesLots());
        x.orders().transition(o, next);
        x.positions().applyFill(o.instrument(), sign, f.fillQtyLots(), f.fillPriceTicks());
        out.addTransition(o.orderId(), from, next);
    }

    private static void cancelled(State s, OrderCancelled c, long pos, StepResult out) {
        Order o = known(s, c.orderId(), pos, "OrderCancelled");
        if (!o.status().canBecome(OrderStatus.CANCELLED)) {
            illegal(o, OrderStatus.CANCELLED, pos, "OrderCancelled");
        }
        boolean solicited = c.requestId() != OrderCancelled.UNSOLICITED;
        if (solicited) {
            answered(s, c.orderId(), c.requestId(), CommandType.CANCEL, pos, "OrderCancelled");
        }
        ExecutionState x = s.execution();
        OrderStatus from = o.status();
        x.orders().transition(o, OrderStatus.CANCELLED);
        if (solicited) {
            x.inflight().release(x, o.orderId());
        }
        // Unsolicited (the venue cancelled on its own): a REPLACE/CANCEL still inflight awaits its reject.
        out.addTransition(o.orderId(), from, OrderStatus.CANCELLED);
    }

    private static void expired(State s, OrderExpired e, long pos, StepResult out) {
        Order o = known(s, e.orderId(), pos, "OrderExpired");
        if (!o.status().canBecome(OrderStatus.EXPIRED)) {
            illegal(o, OrderStatus.EXPIRED, pos, "OrderExpired");
        }
        ExecutionState x = s.execution();
        OrderStatus from = o.status();
        x.orders().transition(o, OrderStatus.EXPIRED);
        if (from == OrderStatus.SUBMITTED && x.inflight().type(o.orderId()) == CommandType.NEW) {
            x.inflight().release(x, o.orderId()); // Submitted → Expired answers the NEW (EC5 key free)
        }
        // A REPLACE/CANCEL still inflight awaits its reject, as after any terminal status.
        out.addTransition(o.orderId(), from, OrderStatus.EXPIRED);
    }

    private static void replaced(State s, OrderReplaced r, long pos) {
        Order o = known(s, r.orderId(), pos, "OrderReplaced");
        if (!o.status().isWorking()) {
            throw new InvariantViolation(Invariant.L4, pos, "OrderReplaced for order " + o.orderId() + " in status "
                    + o.status() + ": only Accepted or PartiallyFilled orders can be replaced");
        }
        PendingCommand c = answered(s, r.orderId(), r.requestId(), CommandType.REPLACE, pos, "OrderReplaced");
        if (r.priceTicks() != c.priceTicks() || r.qtyLots() != c.qtyLots()) {
            throw new InvariantViolation(Invariant.EV1, pos, "OrderReplaced for order " + o.orderId() + " carries "
                    + r.qtyLots() + "@" + r.priceTicks() + " but its REPLACE request #" + c.requestId() + " asked "
                    + c.qtyLots() + "@" + c.priceTicks());
        }
        if (r.priceTicks() <= 0 || r.qtyLots() <= o.filledLots()) {
            throw new InvariantViolation(Invariant.EV1, pos, "OrderReplaced for order " + o.orderId() + " priceTicks="
                    + r.priceTicks() + " qtyLots=" + r.qtyLots() + ": price > 0 and qty > filledLots="
                    + o.filledLots());
        }
        ExecutionState x = s.execution();
        x.orders().replace(o, r.priceTicks(), r.qtyLots());
        x.inflight().release(x, o.orderId());
    }

    // ---------------------------------------------------------------- dispatch records

    private static void submitted(State s, OrderSubmitted sub, long pos, CoreConfiguration cfg, StepResult out) {
        OrderCommand c = sub.command();
        long id = sub.orderId();
        ExecutionState x = s.execution();
        if (c == null || c.type() == null || c.side() == null) {
            throw new InvariantViolation(Invariant.EV1, pos, "OrderSubmitted for order " + id
                    + " has no complete command (type and side required)");
        }
        if (sub.requestId() <= 0) {
            throw new InvariantViolation(Invariant.EV1, pos, "OrderSubmitted for order " + id + " names request id "
                    + sub.requestId() + ": request ids are > 0");
        }
        instrument(c.instrument(), pos, cfg, "OrderSubmitted");
        PendingCommand dispatched = x.inflight().get(id);
        if (dispatched != null) {
            if (dispatched.recorded()) {
                throw new InvariantViolation(Invariant.EC5, pos, "OrderSubmitted " + c.type() + " for key " + id
                        + " request " + sub.requestId() + " while " + dispatched.type() + " #"
                        + dispatched.requestId() + " is inflight and already recorded");
            }
            if (dispatched.requestId() != sub.requestId() || !sameCommand(dispatched, c)) {
                // The dispatch record must describe the request Queue Processing dispatched (SPEC §6).
                throw new InvariantViolation(Invariant.EV1, pos, "OrderSubmitted for key " + id + " records request "
                        + sub.requestId() + " " + c + " but the dispatched request was #" + dispatched.requestId()
                        + " " + dispatched);
            }
            // Validated: mutate from here on (validate-before-mutate, SPEC §5). A REPLACE/CANCEL record is
            // accepted even if its Order became terminal meanwhile: the request awaits the venue's reject.
            if (c.type() == CommandType.NEW) {
                x.orders().submit(id, c.instrument(), c.side(), c.priceTicks(), c.qtyLots(), pos, c.timeInForce());
                out.addTransition(id, StepResult.CREATED, OrderStatus.SUBMITTED);
            }
            x.inflight().markRecorded(dispatched);
            return;
        }
        if (!NoStrategy.ID.equals(cfg.strategy().id())) {
            throw new InvariantViolation(Invariant.EV1, pos, "OrderSubmitted for key " + id + " records request "
                    + sub.requestId() + " " + c + ", which the core never dispatched (strategy "
                    + cfg.strategy().id() + " is configured: every record must match a dispatch request)");
        }
        // No Strategy: a stream recorded elsewhere. The record itself establishes the inflight request.
        Order o = x.orders().get(id);
        if (c.type() == CommandType.NEW) {
            if (o != null || id <= x.orders().keyHighWater()) {
                throw new InvariantViolation(Invariant.L3, pos, "OrderSubmitted NEW reuses order id " + id
                        + " (NEW keys strictly increase; the highest so far is " + x.orders().keyHighWater() + ")");
            }
            if (c.priceTicks() <= 0 || c.qtyLots() <= 0) {
                throw new InvariantViolation(Invariant.EV1, pos, "OrderSubmitted NEW for order " + id + " priceTicks="
                        + c.priceTicks() + " qtyLots=" + c.qtyLots() + ": both must be > 0");
            }
        } else {
            if (o == null || !o.status().isWorking()) {
                // Not live: unknown (L3) above the NEW key high-water mark; at or below it the Order became
                // terminal and retired, or the key was skipped (L4, as for any event after a terminal status).
                throw new InvariantViolation(o == null && id > x.orders().keyHighWater() ? Invariant.L3
                        : Invariant.L4, pos, "OrderSubmitted " + c.type()
                        + " for order " + id + (o == null ? " that is not live" : " in status " + o.status())
                        + ": REPLACE/CANCEL target an Accepted or PartiallyFilled order");
            }
            if (c.instrument() != o.instrument() || c.side() != o.side()) {
                throw new InvariantViolation(Invariant.EV1, pos, "OrderSubmitted " + c.type() + " for order " + id
                        + " names instrument " + c.instrument() + " " + c.side() + " but the order is instrument "
                        + o.instrument() + " " + o.side());
            }
            if (c.type() == CommandType.REPLACE && (c.priceTicks() <= 0 || c.qtyLots() <= 0)) {
                throw new InvariantViolation(Invariant.EV1, pos, "OrderSubmitted REPLACE for order " + id
                        + " priceTicks=" + c.priceTicks() + " qtyLots=" + c.qtyLots() + ": both must be > 0");
            }
            if (c.type() == CommandType.CANCEL && (c.priceTicks() != 0 || c.qtyLots() != 0)) {
                throw new InvariantViolation(Invariant.EV1, pos, "OrderSubmitted CANCEL for order " + id
                        + " priceTicks=" + c.priceTicks() + " qtyLots=" + c.qtyLots() + ": a CANCEL carries 0 and 0");
            }
        }
        if (c.type() == CommandType.NEW) {
            x.orders().submit(id, c.instrument(), c.side(), c.priceTicks(), c.qtyLots(), pos, c.timeInForce());
            out.addTransition(id, StepResult.CREATED, OrderStatus.SUBMITTED);
        }
        x.inflight().recordExternal(x, id, sub.requestId(), c.type(), c.instrument(), c.side(), c.priceTicks(),
                c.qtyLots(), c.timeInForce());
    }

    private static boolean sameCommand(PendingCommand d, OrderCommand c) {
        return d.type() == c.type() && d.instrument() == c.instrument() && d.side() == c.side()
                && d.priceTicks() == c.priceTicks() && d.qtyLots() == c.qtyLots()
                && d.timeInForce() == c.timeInForce();
    }

    private static void dispatchFailed(State s, DispatchFailed f, long pos) {
        ExecutionState x = s.execution();
        PendingCommand c = x.inflight().get(f.orderId());
        if (c == null || c.requestId() != f.requestId()) {
            throw new InvariantViolation(Invariant.EV1, pos, "DispatchFailed for key " + f.orderId() + " names request "
                    + f.requestId() + ", but the key's inflight request is "
                    + (c == null ? "none" : c.type() + " #" + c.requestId()));
        }
        if (c.recorded()) {
            throw new InvariantViolation(Invariant.EC5, pos, "DispatchFailed for key " + f.orderId() + " whose "
                    + c.type() + " #" + c.requestId() + " was already recorded as submitted");
        }
        x.inflight().release(x, f.orderId()); // F4: releases the marker, creates no Order
    }

    // ---------------------------------------------------------------- control

    private static void configurationActivated(State s, ConfigurationActivated c, long pos, CoreConfiguration cfg) {
        if (c.fingerprint() == null || !c.fingerprint().startsWith("sha256:")) {
            throw new InvariantViolation(Invariant.EV1, pos, "ConfigurationActivated fingerprint \"" + c.fingerprint()
                    + "\" is not of the form sha256:<hex>");
        }
        if (!c.fingerprint().equals(cfg.fingerprint())) {
            throw new InvariantViolation(Invariant.CF1, pos, "ConfigurationActivated names " + c.fingerprint()
                    + " but this step was given configuration " + cfg.fingerprint());
        }
        s.control().activeFingerprint(c.fingerprint());
    }

    private static void controlTime(State s, ControlTime t, long pos) {
        long last = s.control().lastControlTimeDeadlineNs();
        if (t.deadlineNs() <= last || t.localTsNs() != t.deadlineNs()) {
            throw new InvariantViolation(Invariant.CT1, pos, "ControlTime deadlineNs=" + t.deadlineNs() + " localTsNs="
                    + t.localTsNs() + " after last realized deadline " + last);
        }
        s.control().lastControlTimeDeadlineNs(t.deadlineNs());
    }
}

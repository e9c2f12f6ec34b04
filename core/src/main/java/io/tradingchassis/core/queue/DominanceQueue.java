package io.tradingchassis.core.queue;

import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.TimeInForce;
import io.tradingchassis.core.intent.Disposition;
import io.tradingchassis.core.intent.Reason;
import io.tradingchassis.core.state.ExecutionState;
import io.tradingchassis.core.state.Order;
import io.tradingchassis.core.state.PendingCommand;
import io.tradingchassis.core.state.PendingQueue;

/**
 * Queue update (SPEC §5 step 5, §7): admits an allowed Intent under the dominance matrix, keeping at
 * most one pending command per order key (EC4). Precedence CANCEL &gt; REPLACE &gt; NEW; the same
 * type replaces the older one; dominance never touches dispatched or inflight work. A NEW must use a
 * key above the stream's NEW key high-water mark (README), so the NEW-over-NEW cell is never reached:
 * the second NEW is {@code INVALID(KEY_NOT_FRESH)}.
 *
 * <pre>
 * pending \ incoming | NEW                | REPLACE             | CANCEL
 * (none)             | enters (fresh key) | enters (live order) | enters (live order)
 * NEW                | invalid (not fresh)| NEW with REPLACE's  | both removed: nothing
 *                    |                    | price and qty       | is sent
 * REPLACE            | incoming discarded | incoming wins       | incoming wins
 * CANCEL             | incoming discarded | incoming discarded  | incoming wins
 * </pre>
 */
public final class DominanceQueue {
    private DominanceQueue() {
    }

    /**
     * True when the key has a live Order: a non-terminal Order, or a NEW dispatched and not yet answered
     * (SPEC §7: an inflight, unacknowledged NEW counts as live).
     */
    public static boolean hasLiveOrder(ExecutionState x, long key) {
        Order o = x.orders().get(key);
        if (o != null) {
            return !o.status().isTerminal();
        }
        return x.inflight().type(key) == CommandType.NEW;
    }

    /** The time in force of what a key targets: its Order's, else its inflight NEW's, else GTC. */
    static TimeInForce targetTimeInForce(ExecutionState x, long key) {
        Order o = x.orders().get(key);
        if (o != null) {
            return o.timeInForce();
        }
        PendingCommand c = x.inflight().get(key);
        return c != null ? c.timeInForce() : TimeInForce.GTC;
    }

    /**
     * Admits one allowed Intent. Reports superseded, invalid and cancelled-before-submission arcs to
     * {@code out}; an Intent that enters the Queue is reported later (pending or dispatched).
     *
     * @return the incoming Intent's disposition after admission
     */
    public static Disposition admit(ExecutionState x, long intentId, CommandType type, long key, int instrument,
                                    Side side, long priceTicks, long qtyLots, QueueOutput out) {
        return admit(x, intentId, type, key, instrument, side, priceTicks, qtyLots, TimeInForce.GTC, out);
    }

    /**
     * As {@link #admit(ExecutionState, long, CommandType, long, int, Side, long, long, QueueOutput)}, with
     * a NEW's time in force. A REPLACE carries its order's time in force (a REPLACE over a pending NEW
     * keeps the NEW's); a CANCEL carries GTC.
     */
    public static Disposition admit(ExecutionState x, long intentId, CommandType type, long key, int instrument,
                                    Side side, long priceTicks, long qtyLots, TimeInForce tif, QueueOutput out) {
        PendingQueue q = x.queue();
        if (type == CommandType.NEW) {
            if (key <= x.orders().keyHighWater()) {
                // Keys of NEWs strictly increase within a stream: an order id is submitted once (L3),
                // and State needs no set of used keys to retire terminal Orders.
                out.onDisposition(intentId, key, type, Disposition.INVALID, Reason.KEY_NOT_FRESH);
                return Disposition.INVALID;
            }
            x.orders().raiseKeyHighWater(key);
            // A fresh key has no Order, nothing inflight and nothing pending.
            q.admit(x, key, type, instrument, side, priceTicks, qtyLots, intentId, tif);
            return Disposition.PENDING;
        }
        PendingCommand p = q.forKey(key);
        if (p == null) {
            if (!hasLiveOrder(x, key)) {
                out.onDisposition(intentId, key, type, Disposition.INVALID, Reason.NO_LIVE_ORDER);
                return Disposition.INVALID;
            }
            q.admit(x, key, type, instrument, side, priceTicks, qtyLots, intentId, targetTimeInForce(x, key));
            return Disposition.PENDING;
        }
        CommandType pt = p.type();
        if (type.precedence() < pt.precedence()) {
            // REPLACE over CANCEL: the pending command dominates.
            out.onDisposition(intentId, key, type, Disposition.SUPERSEDED, Reason.DOMINATED_BY_PENDING);
            return Disposition.SUPERSEDED;
        }
        out.onDisposition(p.intentId(), key, pt, Disposition.SUPERSEDED, Reason.REPLACED_BY_INCOMING);
        if (pt == CommandType.NEW && type == CommandType.CANCEL) {
            // Nothing was sent for the key: cancel it before submission, both arcs close.
            x.recycle(q.remove(key));
            out.onDisposition(intentId, key, type, Disposition.CANCELLED_BEFORE_SUBMISSION, Reason.NONE);
            return Disposition.CANCELLED_BEFORE_SUBMISSION;
        }
        // REPLACE over a pending NEW stays a NEW (the venue has no order to replace yet).
        CommandType effective = pt == CommandType.NEW ? CommandType.NEW : type;
        TimeInForce keep = pt == CommandType.NEW ? p.timeInForce() : targetTimeInForce(x, key);
        q.overwrite(p, effective, instrument, side, priceTicks, qtyLots, intentId, keep);
        return Disposition.PENDING;
    }
}

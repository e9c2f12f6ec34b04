package io.tradingchassis.core.queue;

import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.intent.Disposition;
import io.tradingchassis.core.intent.Reason;
import io.tradingchassis.core.state.ExecutionState;
import io.tradingchassis.core.state.Order;
import io.tradingchassis.core.state.PendingCommand;

/**
 * Queue update (SPEC §5 step 5, §7): admits an allowed Intent under the dominance matrix, keeping at
 * most one pending command per order key (EC4). Precedence CANCEL &gt; REPLACE &gt; NEW; the same
 * type replaces the older one; dominance never touches dispatched or inflight work.
 *
 * <pre>
 * pending \ incoming | NEW                | REPLACE             | CANCEL
 * (none)             | enters             | enters (live order) | enters (live order)
 * NEW                | incoming wins      | NEW with REPLACE's  | both removed: nothing
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
        Order o = x.order(key);
        if (o != null) {
            return !o.status().isTerminal();
        }
        return x.inflightType(key) == CommandType.NEW;
    }

    /**
     * Admits one allowed Intent. Reports superseded, invalid and cancelled-before-submission arcs to
     * {@code out}; an Intent that enters the Queue is reported later (pending or dispatched).
     *
     * @return the incoming Intent's disposition after admission
     */
    public static Disposition admit(ExecutionState x, long intentId, CommandType type, long key, int instrument,
                                    Side side, long priceTicks, long qtyLots, QueueOutput out) {
        PendingCommand p = x.pendingFor(key);
        if (p == null) {
            if (type == CommandType.NEW) {
                if (x.order(key) != null || x.inflightType(key) != null) {
                    // An order id is submitted once (L3): a NEW cannot reuse a key with history or work.
                    out.onDisposition(intentId, key, type, Disposition.INVALID, Reason.KEY_IN_USE);
                    return Disposition.INVALID;
                }
            } else if (!hasLiveOrder(x, key)) {
                out.onDisposition(intentId, key, type, Disposition.INVALID, Reason.NO_LIVE_ORDER);
                return Disposition.INVALID;
            }
            x.addPending(new PendingCommand(key, type, instrument, side, priceTicks, qtyLots, x.takeAdmissionSeq(),
                    intentId));
            return Disposition.PENDING;
        }
        CommandType pt = p.type();
        if (type.precedence() < pt.precedence()) {
            // REPLACE over CANCEL, NEW over REPLACE/CANCEL: the pending command dominates.
            out.onDisposition(intentId, key, type, Disposition.SUPERSEDED, Reason.DOMINATED_BY_PENDING);
            return Disposition.SUPERSEDED;
        }
        out.onDisposition(p.intentId(), key, pt, Disposition.SUPERSEDED, Reason.REPLACED_BY_INCOMING);
        if (pt == CommandType.NEW && type == CommandType.CANCEL) {
            // Nothing was sent for the key: cancel it before submission, both arcs close.
            x.removePending(key);
            out.onDisposition(intentId, key, type, Disposition.CANCELLED_BEFORE_SUBMISSION, Reason.NONE);
            return Disposition.CANCELLED_BEFORE_SUBMISSION;
        }
        // REPLACE over a pending NEW stays a NEW (the venue has no order to replace yet).
        CommandType effective = pt == CommandType.NEW ? CommandType.NEW : type;
        p.set(effective, instrument, side, priceTicks, qtyLots, x.takeAdmissionSeq(), intentId);
        x.resortPending();
        return Disposition.PENDING;
    }
}

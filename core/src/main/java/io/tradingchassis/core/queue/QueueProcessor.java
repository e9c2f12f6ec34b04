package io.tradingchassis.core.queue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.intent.Disposition;
import io.tradingchassis.core.intent.Reason;
import io.tradingchassis.core.state.ExecutionState;
import io.tradingchassis.core.state.Order;
import io.tradingchassis.core.state.PendingCommand;

/**
 * Queue Processing (SPEC §8), run in every step: validity, inflight gating (EC5), token bucket,
 * ordering by command-type priority then admission (FIFO), and selection of the longest sendable
 * prefix. Returns a Control Scheduling Obligation (SPEC §9) exactly when some valid command on a free
 * key waits for a token. Holds only scratch space, never State.
 */
public final class QueueProcessor {
    private PendingCommand[] candidates = new PendingCommand[16];

    /**
     * Runs Queue Processing on {@code x} at control time {@code nowNs}. While {@code killSwitch} is on,
     * validity drops pending NEWs and REPLACEs (their allow predates the switch; R3); CANCELs still go.
     */
    public void process(ExecutionState x, CoreConfiguration cfg, long nowNs, boolean killSwitch, QueueOutput out) {
        dropInvalid(x, killSwitch, out);
        TokenBucket.refill(x, cfg.rateLimit(), nowNs);
        int n = collectCandidates(x, cfg);
        int i = 0;
        while (i < n && TokenBucket.hasToken(x)) {
            PendingCommand c = candidates[i++];
            TokenBucket.take(x);
            x.removePending(c.orderKey());
            x.markInflight(c);
            out.onDispatch(c);
            out.onDisposition(c.intentId(), c.orderKey(), c.type(), Disposition.DISPATCHED, Reason.NONE);
        }
        if (i < n) {
            out.onObligation(TokenBucket.nextTokenAtNs(x, cfg.rateLimit()), candidates[i].orderKey());
        }
        java.util.Arrays.fill(candidates, 0, n, null);
    }

    /** SPEC §8.1: drop REPLACE/CANCEL whose target can no longer take it, and NEW/REPLACE under the kill switch. */
    private static void dropInvalid(ExecutionState x, boolean killSwitch, QueueOutput out) {
        int i = 0;
        while (i < x.pendingCount()) {
            PendingCommand c = x.pendingAt(i);
            Reason why = Reason.NONE;
            if (killSwitch && c.type() != CommandType.CANCEL) {
                why = Reason.KILL_SWITCH;
            } else if (c.type() != CommandType.NEW) {
                Order o = x.order(c.orderKey());
                if (o != null && o.status().isTerminal()) {
                    why = Reason.TARGET_TERMINAL;
                } else if (o == null && x.inflightType(c.orderKey()) != CommandType.NEW) {
                    why = Reason.NO_LIVE_ORDER; // its NEW failed to dispatch
                }
            }
            if (why == Reason.NONE) {
                i++;
            } else {
                x.removePending(c.orderKey());
                out.onDisposition(c.intentId(), c.orderKey(), c.type(), Disposition.DROPPED, why);
            }
        }
    }

    /** Pending commands on free keys (EC5), sorted by (type rank, admission sequence). */
    private int collectCandidates(ExecutionState x, CoreConfiguration cfg) {
        int n = 0;
        if (candidates.length < x.pendingCount()) {
            candidates = new PendingCommand[Math.max(x.pendingCount(), candidates.length * 2)];
        }
        for (int p = 0; p < x.pendingCount(); p++) {
            PendingCommand c = x.pendingAt(p);
            if (x.inflightType(c.orderKey()) != null) {
                continue; // EC5: the key waits for the venue's answer, which re-triggers processing
            }
            int j = n++;
            while (j > 0 && before(cfg, c, candidates[j - 1])) {
                candidates[j] = candidates[j - 1];
                j--;
            }
            candidates[j] = c;
        }
        return n;
    }

    private static boolean before(CoreConfiguration cfg, PendingCommand a, PendingCommand b) {
        int ra = cfg.commandRank(a.type());
        int rb = cfg.commandRank(b.type());
        return ra != rb ? ra < rb : a.admissionSeq() < b.admissionSeq();
    }
}

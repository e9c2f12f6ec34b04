package io.tradingchassis.core.queue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.intent.Disposition;
import io.tradingchassis.core.intent.Reason;
import io.tradingchassis.core.state.ExecutionState;
import io.tradingchassis.core.state.Order;
import io.tradingchassis.core.state.PendingCommand;
import java.util.Arrays;

/**
 * Queue Processing (SPEC §8), run in every step: validity, inflight gating (EC5), token bucket,
 * ordering by command-type priority then admission (FIFO), and selection of the longest sendable
 * prefix. Returns a Control Scheduling Obligation (SPEC §9) exactly when some valid command on a free
 * key waits for a token. Holds only scratch space, never State.
 */
public final class QueueProcessor {
    private PendingCommand[] candidates = new PendingCommand[16];

    // The last run that left no candidate: its execution state, that state's version after the run, and
    // the kill switch it ran under. Scratch, not State (see process).
    private ExecutionState settled;
    private long settledVersion;
    private boolean settledKillSwitch;

    /**
     * Runs Queue Processing on {@code x} at control time {@code nowNs}. While {@code killSwitch} is on,
     * validity drops pending NEWs and REPLACEs (their allow predates the switch; R3); CANCELs still go.
     *
     * <p>Validity and the choice of candidates read only the Queue, the Orders, the inflight requests
     * (all three move {@link ExecutionState#version()}) and the kill switch. When none of them changed
     * since a run on this same {@code x} that left every remaining command valid and none of them
     * sendable, this run would drop nothing and dispatch nothing, so only the token bucket is refilled:
     * the same outcome without walking the Queue and looking its keys up again (issue #11).
     */
    public void process(ExecutionState x, CoreConfiguration cfg, long nowNs, boolean killSwitch, QueueOutput out) {
        if (x == settled && killSwitch == settledKillSwitch && x.version() == settledVersion) {
            TokenBucket.refill(x, cfg.rateLimit(), nowNs);
            return;
        }
        settled = null;
        dropInvalid(x, killSwitch, out);
        TokenBucket.refill(x, cfg.rateLimit(), nowNs);
        int n = collectCandidates(x, cfg);
        int i = 0;
        while (i < n && TokenBucket.hasToken(x)) {
            PendingCommand c = candidates[i++];
            TokenBucket.take(x);
            x.queue().remove(c.orderKey());
            x.inflight().dispatch(c); // assigns the request id (SPEC §6 ordering contract)
            out.onDispatch(c);
            out.onDisposition(c.intentId(), c.orderKey(), c.type(), Disposition.DISPATCHED, Reason.NONE);
        }
        if (i < n) {
            out.onObligation(TokenBucket.nextTokenAtNs(x, cfg.rateLimit()), candidates[i].orderKey());
        } else {
            settled = x;
            settledVersion = x.version();
            settledKillSwitch = killSwitch;
        }
        Arrays.fill(candidates, 0, n, null);
    }

    /** SPEC §8.1: drop REPLACE/CANCEL whose target can no longer take it, and NEW/REPLACE under the kill switch. */
    private static void dropInvalid(ExecutionState x, boolean killSwitch, QueueOutput out) {
        int i = 0;
        while (i < x.queue().size()) {
            PendingCommand c = x.queue().at(i);
            Reason why = Reason.NONE;
            if (killSwitch && c.type() != CommandType.CANCEL) {
                why = Reason.KILL_SWITCH;
            } else if (c.type() != CommandType.NEW) {
                Order o = x.orders().get(c.orderKey());
                if (o != null && o.status().isTerminal()) {
                    why = Reason.TARGET_TERMINAL;
                } else if (o == null && x.inflight().type(c.orderKey()) != CommandType.NEW) {
                    // Its Order retired (terminal in an earlier step) or its NEW failed to dispatch.
                    why = Reason.NO_LIVE_ORDER;
                }
            }
            if (why == Reason.NONE) {
                i++;
            } else {
                x.queue().remove(c.orderKey());
                out.onDisposition(c.intentId(), c.orderKey(), c.type(), Disposition.DROPPED, why);
                x.recycle(c);
            }
        }
    }

    /** Pending commands on free keys (EC5), sorted by (type rank, admission sequence). */
    private int collectCandidates(ExecutionState x, CoreConfiguration cfg) {
        int n = 0;
        int size = x.queue().size();
        if (candidates.length < size) {
            candidates = new PendingCommand[Math.max(size, candidates.length * 2)];
        }
        for (int p = 0; p < size; p++) {
            PendingCommand c = x.queue().at(p);
            if (x.inflight().get(c.orderKey()) != null) {
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

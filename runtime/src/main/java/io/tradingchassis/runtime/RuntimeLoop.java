package io.tradingchassis.runtime;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.config.MergeSource;
import io.tradingchassis.core.event.ConfigurationActivated;
import io.tradingchassis.core.event.ControlTime;
import io.tradingchassis.core.event.ControlTimeReason;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.SessionStart;
import io.tradingchassis.core.step.DispatchRequest;
import io.tradingchassis.core.step.StepResult;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * The runtime's one loop (SPEC §9, §12): merges market data, venue feedback and Control-Time events
 * into the stream, hands every dispatch request to the venue and appends its record right after the
 * step that made it, and realizes the pending Control Scheduling Obligation.
 *
 * <ul>
 *   <li>A run's stream begins with {@code SessionStart} and {@code ConfigurationActivated(fingerprint)},
 *       so every later step is bound to its configuration (CF1).</li>
 *   <li>Merge: the next input is the one with the smallest {@code localTsNs}; at equal timestamps the
 *       configured {@code mergeOrder} rank decides (default CONTROL_TIME, EXECUTION, MARKET), then the
 *       source's own sequence.</li>
 *   <li>Dispatch records: after every step, each dispatch request goes to the venue, and the record it
 *       returns ({@code OrderSubmitted} or {@code DispatchFailed}) is appended next, before any other
 *       input; records of steps that records themselves caused follow in order.</li>
 *   <li>Control time: the runtime holds at most one pending obligation — after every successful step it
 *       is whatever that step returned (SPEC §9: obligations are recomputed every step; the core returns
 *       the earliest). Before it would process an input whose {@code localTsNs} is after the deadline
 *       (or equal to it, with a lower merge rank than CONTROL_TIME) it injects
 *       {@code ControlTime(deadline)} at the next position with {@code localTsNs = deadline}. Success
 *       consumes the obligation (replaced by the step's own); failure keeps it pending, the cursor does
 *       not advance, and the error propagates; a deadline already realized is never realized again.</li>
 *   <li>Venue look-ahead: before it peeks the venue, the loop calls {@link VenueAdapter#advance} with the
 *       earlier of the next market timestamp and the pending deadline ({@link InputSource#EXHAUSTED}
 *       when neither): no step but the venue's own feedback comes before it.</li>
 * </ul>
 */
public final class RuntimeLoop {
    private final Sequencer cursor;
    private final CoreConfiguration configuration;
    private final InputSource market;
    private final VenueAdapter venue;
    private final int rankControl;
    private final int rankExecution;
    private final int rankMarket;
    private final ArrayDeque<Event> records = new ArrayDeque<>();
    /** A step's dispatch requests while they go to the venue (reused: no array per step). */
    private DispatchRequest[] requests = new DispatchRequest[4];

    private boolean started;
    private boolean hasObligation;
    private long obligationDeadlineNs;
    private ControlTimeReason obligationReason;
    private long lastRealizedNs = Long.MIN_VALUE;
    private long steps;

    /** A loop appending through {@code cursor}; {@code market} and {@code venue} are its inputs. */
    public RuntimeLoop(Sequencer cursor, CoreConfiguration configuration, InputSource market, VenueAdapter venue) {
        this.cursor = Objects.requireNonNull(cursor, "cursor");
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.market = Objects.requireNonNull(market, "market");
        this.venue = Objects.requireNonNull(venue, "venue");
        this.rankControl = configuration.mergeOrder().indexOf(MergeSource.CONTROL_TIME);
        this.rankExecution = configuration.mergeOrder().indexOf(MergeSource.EXECUTION);
        this.rankMarket = configuration.mergeOrder().indexOf(MergeSource.MARKET);
    }

    /** Runs until every input is consumed; returns the number of entries appended. */
    public long run() {
        while (step()) {
            // one input (and the records it caused) per iteration
        }
        return steps;
    }

    /**
     * Appends the next input (a Control-Time event, venue feedback or market data, per the merge) and the
     * dispatch records it caused. Returns false when every input is consumed.
     */
    public boolean step() {
        if (!started) {
            start();
            return true;
        }
        long m = market.peekLocalTsNs();
        long c = hasObligation ? obligationDeadlineNs : InputSource.EXHAUSTED;
        venue.advance(Math.min(m, c));
        long x = venue.peekLocalTsNs();
        if (m == InputSource.EXHAUSTED && x == InputSource.EXHAUSTED) {
            return false; // control time is realized only before an input; with none left, the run ends
        }
        int pick = earliest(c, m, x);
        if (pick == 0) {
            realize(c);
        } else if (pick == 1) {
            Event e = market.poll();
            venue.onMarket(e);
            afterStep(cursor.append(e));
        } else {
            afterStep(cursor.append(venue.poll()));
        }
        return true;
    }

    /** 0 = control time, 1 = market, 2 = execution: smallest timestamp, then merge rank. */
    private int earliest(long c, long m, long x) {
        int best = -1;
        if (c != InputSource.EXHAUSTED) {
            best = 0;
        }
        if (m != InputSource.EXHAUSTED && (best < 0 || before(m, rankMarket, c, rankControl))) {
            best = 1;
        }
        if (x != InputSource.EXHAUSTED && (best < 0
                || before(x, rankExecution, best == 0 ? c : m, best == 0 ? rankControl : rankMarket))) {
            best = 2;
        }
        return best; // allocation-free: this runs once per input
    }

    /** True when an input at {@code ts} of merge rank {@code rank} goes before one at {@code otherTs}. */
    private static boolean before(long ts, int rank, long otherTs, int otherRank) {
        return ts < otherTs || (ts == otherTs && rank < otherRank);
    }

    private void start() {
        long t0 = Math.min(market.peekLocalTsNs(), venue.peekLocalTsNs());
        if (t0 == InputSource.EXHAUSTED) {
            t0 = 0;
        }
        afterStep(cursor.append(new SessionStart(t0, t0)));
        afterStep(cursor.append(new ConfigurationActivated(t0, t0, configuration.fingerprint())));
        started = true;
    }

    private void realize(long deadlineNs) {
        // Failure (the step throws) leaves the obligation pending and the cursor where it was.
        StepResult r = cursor.append(new ControlTime(deadlineNs, deadlineNs, deadlineNs, obligationReason));
        lastRealizedNs = deadlineNs;
        afterStep(r);
    }

    /** Takes the step's obligation, then dispatches and appends records until none is left. */
    private void afterStep(StepResult r) {
        steps++;
        takeObligation(r);
        dispatch(r);
        while (!records.isEmpty()) {
            StepResult rr = cursor.append(records.poll());
            steps++;
            takeObligation(rr);
            dispatch(rr);
        }
    }

    private void takeObligation(StepResult r) {
        hasObligation = r.hasObligation() && r.obligationDeadlineNs() > lastRealizedNs;
        obligationDeadlineNs = hasObligation ? r.obligationDeadlineNs() : 0;
        obligationReason = hasObligation ? r.obligationReason() : null;
    }

    private void dispatch(StepResult r) {
        int n = r.dispatchCount();
        if (n == 0) {
            return;
        }
        long now = cursor.controlTimeNs();
        // Copy the requests first: the result is reused by the record steps that follow.
        if (requests.length < n) {
            requests = new DispatchRequest[Math.max(n, 2 * requests.length)];
        }
        DispatchRequest[] out = requests;
        for (int i = 0; i < n; i++) {
            out[i] = r.dispatch(i);
        }
        for (int i = 0; i < n; i++) {
            records.add(venue.submit(out[i], now));
            out[i] = null;
        }
    }

    /** Whether an obligation is pending. */
    public boolean hasPendingObligation() {
        return hasObligation;
    }

    /** The pending obligation's deadline (meaningful when {@link #hasPendingObligation()}). */
    public long pendingDeadlineNs() {
        return obligationDeadlineNs;
    }

    /** Entries appended so far. */
    public long steps() {
        return steps;
    }
}

package io.tradingchassis.properties.support;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.ControlTime;
import io.tradingchassis.core.event.ControlTimeReason;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.SessionStart;
import io.tradingchassis.core.risk.RiskEngine;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.core.step.DispatchRequest;
import io.tradingchassis.core.step.StepResult;
import io.tradingchassis.runtime.InputSource;
import io.tradingchassis.runtime.venue.SimulatedVenue;
import io.tradingchassis.runtime.venue.VenueSettings;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A reference loop for the EC7 properties, written from SPEC §9 and §12 only: market rows and the
 * simulated venue's feedback merged by {@code localTsNs} (at equal time: Control-Time, execution,
 * market), each step's dispatch records appended right after it, and — when {@code realize} — the
 * pending obligation realized as {@code ControlTime(deadline)} before the first input after it. With
 * {@code realize} false it never injects Control-Time: the stream the runtime would make if Control-Time
 * events were removed. Records every dispatch with the control time it left at.
 */
public final class MiniLoop {
    /** A dispatch and the control time of its step. */
    public record Sent(DispatchRequest request, long atNs) {
    }

    /**
     * What a run produced; {@code pendingAtEnd}: the inputs ran out with an obligation still pending (its
     * work never went out: the runtime realizes control time only before an input).
     */
    public record Result(List<Event> events, List<Sent> sent, boolean pendingAtEnd) {
    }

    private MiniLoop() {
    }

    /** Runs {@code market} under {@code cfg} (built-in catalog, standard risk) against a simulated venue. */
    public static Result run(CoreConfiguration cfg, List<Event> market, boolean realize) {
        return run(cfg, market, realize, new RiskEngine());
    }

    /** As {@link #run(CoreConfiguration, List, boolean)} with {@code risk}'s policies. */
    public static Result run(CoreConfiguration cfg, List<Event> market, boolean realize, RiskEngine risk) {
        CoreEngine engine = new CoreEngine(risk);
        State state = new State();
        SimulatedVenue venue = new SimulatedVenue(VenueSettings.of(cfg), 0, Runs.source(market));
        List<Event> events = new ArrayList<>();
        List<Sent> sent = new ArrayList<>();
        ArrayDeque<Event> records = new ArrayDeque<>();
        boolean hasObligation = false;
        long obligationNs = 0;
        ControlTimeReason reason = null;
        long lastRealized = Long.MIN_VALUE;
        int m = 0;
        long t0 = market.get(0).localTsNs();
        List<Event> pending = new ArrayList<>();
        pending.add(new SessionStart(t0, t0));
        while (true) {
            Event next;
            if (!pending.isEmpty()) {
                next = pending.remove(0);
            } else if (!records.isEmpty()) {
                next = records.poll();
            } else {
                long mt = m < market.size() ? market.get(m).localTsNs() : InputSource.EXHAUSTED;
                long deadline = hasObligation && realize ? obligationNs : InputSource.EXHAUSTED;
                venue.advance(Math.min(mt, deadline));
                long vt = venue.peekLocalTsNs();
                if (mt == InputSource.EXHAUSTED && vt == InputSource.EXHAUSTED) {
                    return new Result(events, sent, hasObligation);
                }
                if (deadline != InputSource.EXHAUSTED && deadline <= mt && deadline <= vt) {
                    next = new ControlTime(deadline, deadline, deadline, reason);
                    lastRealized = deadline;
                } else if (vt <= mt) {
                    next = venue.poll();
                } else {
                    next = market.get(m++);
                    venue.onMarket(next);
                }
            }
            StepResult r = engine.processEvent(state, events.size(), next, cfg);
            events.add(next);
            hasObligation = r.hasObligation() && r.obligationDeadlineNs() > lastRealized;
            obligationNs = r.obligationDeadlineNs();
            reason = r.obligationReason();
            long now = state.control().controlTimeNs();
            List<DispatchRequest> out = new ArrayList<>();
            for (int i = 0; i < r.dispatchCount(); i++) {
                out.add(r.dispatch(i));
            }
            for (DispatchRequest d : out) {
                sent.add(new Sent(d, now));
                records.add(venue.submit(d, now));
            }
        }
    }
}

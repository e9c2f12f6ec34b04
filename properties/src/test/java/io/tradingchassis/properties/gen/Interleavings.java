package io.tradingchassis.properties.gen;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.ControlTime;
import io.tradingchassis.core.event.ControlTimeReason;
import io.tradingchassis.core.event.DispatchFailed;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.Liquidity;
import io.tradingchassis.core.event.OrderAccepted;
import io.tradingchassis.core.event.OrderCancelled;
import io.tradingchassis.core.event.OrderExpired;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.event.OrderRejected;
import io.tradingchassis.core.event.OrderReplaced;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.SessionStart;
import io.tradingchassis.core.event.TimeInForce;
import io.tradingchassis.core.risk.RiskEngine;
import io.tradingchassis.core.state.InvariantViolation;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.core.step.DispatchRequest;
import io.tradingchassis.core.step.StepResult;
import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.properties.support.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.quicktheories.core.RandomnessSource;

/**
 * Streams with execution feedback consistent with what the core dispatched, in every interleaving the
 * SPEC §6 ordering contract allows. The generator folds as it goes (closed loop): it feeds each event
 * to the core, collects the dispatch requests the core makes, and then chooses — by draws, so
 * QuickTheories shrinks the choices — what comes next: the next market row, the record of any
 * outstanding dispatch (records come late, in any order across keys; one in ten is a
 * {@code DispatchFailed}), the venue's answer to any recorded request (never before its record), a fill
 * or an unsolicited cancel of an order the venue holds (so fills land before, between and after the
 * records and answers of a REPLACE or CANCEL for the same order), and Control-Time events for the
 * core's obligations per the {@link CtPolicy}. The venue behind it is a small model that answers
 * truthfully: a REPLACE or CANCEL of an order it no longer holds is rejected.
 *
 * <p>After the market ends it drains: records, answers and obligations until nothing is outstanding.
 */
public final class Interleavings {

    /** How the generator realizes the core's Control Scheduling Obligations (SPEC §9). */
    public enum CtPolicy {
        /** {@code ControlTime(deadline)} right before the first input after the deadline (the runtime's rule). */
        AT_DEADLINE,
        /** {@code ControlTime(t)} with a drawn {@code t} in {@code [deadline, next input's time]}. */
        LATE,
        /** Never: no Control-Time event; only inputs advance control time. */
        NEVER
    }

    private Interleavings() {
    }

    /** A stream for {@code spec} run by {@code strategyId} from {@code catalog}, with the standard risk policies. */
    public static Scenario generate(RandomnessSource in, RunSpec spec, String strategyId, StrategyCatalog catalog,
                                    CtPolicy policy) {
        return generate(in, spec, strategyId, catalog, new RiskEngine(), policy);
    }

    /** As {@link #generate(RandomnessSource, RunSpec, String, StrategyCatalog, CtPolicy)} with {@code risk}. */
    public static Scenario generate(RandomnessSource in, RunSpec spec, String strategyId, StrategyCatalog catalog,
                                    RiskEngine risk, CtPolicy policy) {
        String json = spec.configJson(strategyId);
        CoreConfiguration cfg = CoreConfiguration.parse(json, "interleaving", catalog);
        Driver d = new Driver(in, cfg, new CoreEngine(risk, catalog), policy);
        try {
            d.run(spec.market());
        } catch (InvariantViolation refused) {
            // The core refused an entry the contract allows: the stream ends with it, so the property
            // that refolds the stream fails there (and QuickTheories shrinks it) instead of the generator.
        }
        return new Scenario(json, catalog, d.out);
    }

    private static final class VenueOrder {
        long px;
        long qty;
        long filled;

        VenueOrder(long px, long qty) {
            this.px = px;
            this.qty = qty;
        }
    }

    private static final class Driver {
        final RandomnessSource in;
        final CoreConfiguration cfg;
        final CoreEngine engine;
        final CtPolicy policy;
        final State state = new State();
        final List<Event> out = new ArrayList<>();
        final List<DispatchRequest> unrecorded = new ArrayList<>();
        final TreeMap<Long, DispatchRequest> awaiting = new TreeMap<>();
        final TreeMap<Long, VenueOrder> venue = new TreeMap<>();
        long position;
        long clock;
        boolean hasObligation;
        long deadline;
        ControlTimeReason reason;
        long lastRealized = Long.MIN_VALUE;

        Driver(RandomnessSource in, CoreConfiguration cfg, CoreEngine engine, CtPolicy policy) {
            this.in = in;
            this.cfg = cfg;
            this.engine = engine;
            this.policy = policy;
        }

        void run(List<Event> market) {
            clock = market.get(0).localTsNs();
            append(new SessionStart(clock, clock));
            int m = 0;
            int guard = 0;
            while (guard++ < 20_000) {
                boolean more = m < market.size();
                // weights of what may come next: a market row, a record, an answer, a fill (or unsolicited end)
                int wMarket = more ? 40 : 0;
                int wRecord = unrecorded.isEmpty() ? 0 : 20;
                int wAnswer = awaiting.isEmpty() ? 0 : 20;
                int wFill = venue.isEmpty() || !more ? 0 : 20;
                int total = wMarket + wRecord + wAnswer + wFill;
                if (total == 0) {
                    if (hasObligation && policy != CtPolicy.NEVER) {
                        realize(deadline, deadline);
                        continue;
                    }
                    return; // drained
                }
                int roll = Draw.integer(in, 0, total - 1);
                if (roll < wMarket) {
                    Event e = market.get(m++);
                    beforeInput(e.localTsNs(), more);
                    append(e);
                } else if (roll < wMarket + wRecord) {
                    record(unrecorded.remove(Draw.integer(in, 0, unrecorded.size() - 1)));
                } else if (roll < wMarket + wRecord + wAnswer) {
                    answer(nth(awaiting, Draw.integer(in, 0, awaiting.size() - 1)));
                } else {
                    long key = nth(venue, Draw.integer(in, 0, venue.size() - 1));
                    if (Draw.oneIn(in, 10)) {
                        unsolicited(key);
                    } else {
                        fill(key);
                    }
                }
            }
            throw new IllegalStateException("interleaving generator did not drain in 20000 steps: " + state);
        }

        static <V> long nth(TreeMap<Long, V> map, int i) {
            int k = 0;
            for (Map.Entry<Long, V> e : map.entrySet()) {
                if (k++ == i) {
                    return e.getKey();
                }
            }
            throw new IllegalStateException();
        }

        /** Realizes a pending obligation before an input at {@code ts}, per the policy. */
        void beforeInput(long ts, boolean more) {
            if (!hasObligation || policy == CtPolicy.NEVER || deadline > ts) {
                return;
            }
            long t = deadline;
            if (policy == CtPolicy.LATE) {
                t = deadline + Draw.between(in, 0, Math.max(0, ts - deadline));
            }
            realize(t, t);
        }

        void realize(long deadlineNs, long localNs) {
            lastRealized = deadlineNs;
            append(new ControlTime(localNs, localNs, deadlineNs, reason));
        }

        long tick() {
            clock = Math.max(clock, state.control().controlTimeNs()) + Draw.between(in, 0, 300_000);
            if (hasObligation && policy != CtPolicy.NEVER && deadline <= clock) {
                realize(deadline, deadline);
                clock = Math.max(clock, state.control().controlTimeNs());
            }
            return clock;
        }

        StepResult append(Event e) {
            out.add(e);
            StepResult r = engine.processEvent(state, position++, e, cfg);
            hasObligation = r.hasObligation() && r.obligationDeadlineNs() > lastRealized;
            deadline = r.obligationDeadlineNs();
            reason = r.hasObligation() ? r.obligationReason() : ControlTimeReason.RATE_LIMIT_RECOVERY;
            for (int i = 0; i < r.dispatchCount(); i++) {
                unrecorded.add(r.dispatch(i));
            }
            return r;
        }

        void record(DispatchRequest d) {
            long t = tick();
            if (Draw.oneIn(in, 10)) {
                append(new DispatchFailed(t, t, d.orderKey(), d.requestId(), "generated transmission failure"));
                return;
            }
            append(new OrderSubmitted(t, t, d.orderKey(), d.requestId(), d.command()));
            awaiting.put(d.orderKey(), d);
        }

        void answer(long key) {
            DispatchRequest d = awaiting.remove(key);
            long t = tick();
            VenueOrder o = venue.get(key);
            if (d.type() == CommandType.NEW) {
                if (Draw.oneIn(in, 8)) {
                    append(new OrderRejected(t, t, key, d.requestId(), "generated reject"));
                } else if (d.timeInForce() != TimeInForce.GTC && Draw.bool(in)) {
                    append(new OrderExpired(t, t, key));
                } else {
                    venue.put(key, new VenueOrder(d.priceTicks(), d.qtyLots()));
                    append(new OrderAccepted(t, t, key));
                }
            } else if (d.type() == CommandType.REPLACE) {
                if (o != null && d.qtyLots() > o.filled && !Draw.oneIn(in, 6)) {
                    o.px = d.priceTicks();
                    o.qty = d.qtyLots();
                    append(new OrderReplaced(t, t, key, d.requestId(), d.priceTicks(), d.qtyLots()));
                } else {
                    append(new OrderRejected(t, t, key, d.requestId(), o == null ? "not live" : "replace refused"));
                }
            } else {
                if (o != null && !Draw.oneIn(in, 8)) {
                    venue.remove(key);
                    append(new OrderCancelled(t, t, key, d.requestId()));
                } else {
                    append(new OrderRejected(t, t, key, d.requestId(), o == null ? "not live" : "cancel refused"));
                }
            }
        }

        void fill(long key) {
            VenueOrder o = venue.get(key);
            long leaves = o.qty - o.filled;
            long q = Draw.bool(in) ? leaves : Draw.between(in, 1, leaves);
            o.filled += q;
            if (o.filled == o.qty) {
                venue.remove(key);
            }
            long t = tick();
            append(new OrderFilled(t, t, key, q, o.px, o.qty - o.filled, Liquidity.MAKER));
        }

        void unsolicited(long key) {
            venue.remove(key);
            long t = tick();
            if (Draw.bool(in)) {
                append(new OrderCancelled(t, t, key, OrderCancelled.UNSOLICITED));
            } else {
                append(new OrderExpired(t, t, key));
            }
        }
    }
}

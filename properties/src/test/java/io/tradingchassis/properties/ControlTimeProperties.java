package io.tradingchassis.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.ControlTime;
import io.tradingchassis.core.event.ControlTimeReason;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.KillSwitch;
import io.tradingchassis.core.queue.TokenBucket;
import io.tradingchassis.core.risk.RiskEngine;
import io.tradingchassis.core.risk.RiskPolicies;
import io.tradingchassis.core.state.ControlState;
import io.tradingchassis.core.state.PendingCommand;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.core.step.DispatchRequest;
import io.tradingchassis.core.step.StepResult;
import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.properties.gen.Draw;
import io.tradingchassis.properties.gen.RunSpec;
import io.tradingchassis.properties.gen.Scenarios;
import io.tradingchassis.properties.support.Fold;
import io.tradingchassis.properties.support.MiniLoop;
import io.tradingchassis.properties.support.Props;
import io.tradingchassis.properties.support.Scenario;
import io.tradingchassis.properties.support.StreamFiles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** EC7 and SPEC §9: Control Scheduling Obligations and Control-Time events. */
class ControlTimeProperties {

    @Test
    void ec7_obligation_iff_work_is_blocked_by_the_rate_limit_alone_with_the_next_token_time_as_deadline() {
        String name = "ec7_obligation_iff_work_is_blocked_by_the_rate_limit_alone_with_the_next_token_time_as_deadline";
        Props.qt(name, 60).forAll(Scenarios.valid(120, 14)).checkAssert(s -> StreamFiles.capturing(name, s, () -> {
            CoreConfiguration cfg = s.configuration();
            State state = new State();
            CoreEngine engine = new CoreEngine(new RiskEngine(), s.catalog());
            for (int i = 0; i < s.size(); i++) {
                StepResult r = engine.processEvent(state, i, s.events().get(i), cfg);
                boolean blocked = false;
                for (int q = 0; q < state.execution().queue().size(); q++) {
                    PendingCommand p = state.execution().queue().at(q);
                    blocked |= state.execution().inflight().get(p.orderKey()) == null; // valid and on a free key
                }
                long timer = state.control().strategyTimerNs();
                boolean hasTimer = timer != ControlState.NO_TIME;
                String at = "position " + i + ": " + Fold.render(r);
                if (blocked) {
                    assertFalse(TokenBucket.hasToken(state.execution()), "free, valid work left with a token: " + at);
                    long scaled = state.execution().bucket().scaled();
                    long refill = cfg.rateLimit().refillPerSecond();
                    long next = state.control().controlTimeNs() + (TokenBucket.ONE - scaled + refill - 1) / refill;
                    long expected = hasTimer && timer < next ? timer : next;
                    assertTrue(r.hasObligation(), "rate-blocked work without an obligation: " + at);
                    assertEquals(expected, r.obligationDeadlineNs(), "deadline = next-token time (or an earlier timer): "
                            + at);
                    assertEquals(hasTimer && timer < next ? ControlTimeReason.STRATEGY_TIMER
                            : ControlTimeReason.RATE_LIMIT_RECOVERY, r.obligationReason(), at);
                } else if (hasTimer) {
                    assertTrue(r.hasObligation(), at);
                    assertEquals(timer, r.obligationDeadlineNs(), at);
                    assertEquals(ControlTimeReason.STRATEGY_TIMER, r.obligationReason(), at);
                } else {
                    assertFalse(r.hasObligation(), "an obligation with nothing rate-blocked and no timer: " + at);
                }
            }
        }));
    }

    @Test
    void ec7_a_control_time_event_at_any_time_from_the_deadline_to_the_next_input_dispatches_the_same() {
        String name = "ec7_a_control_time_event_at_any_time_from_the_deadline_to_the_next_input_dispatches_the_same";
        Gen<long[]> offsets = in -> {
            long[] o = new long[64];
            for (int i = 0; i < o.length; i++) {
                o[i] = Draw.between(in, 0, 1_000_000);
            }
            return o;
        };
        Props.qt(name, 60).forAll(Scenarios.valid(120, 14), offsets).checkAssert((s, o) -> StreamFiles.capturing(name,
                s, () -> {
                    CoreConfiguration cfg = s.configuration();
                    State state = new State();
                    CoreEngine engine = new CoreEngine(new RiskEngine(), s.catalog());
                    int k = 0;
                    for (int i = 0; i < s.size(); i++) {
                        Event e = s.events().get(i);
                        if (e instanceof ControlTime ct && i + 1 < s.size()) {
                            // t runs from the deadline up to the next input and the next other deadline (a
                            // Strategy timer, before or after this step): nothing else may happen in between
                            long bound = s.events().get(i + 1).localTsNs() - 1;
                            long timerBefore = state.control().strategyTimerNs();
                            State late = state.snapshot();
                            StepResult onTime = engine.processEvent(state, i, e, cfg);
                            List<DispatchRequest> onTimeSent = dispatches(onTime);
                            List<String> onTimeArcs = arcs(onTime);
                            for (long timer : new long[] {timerBefore, state.control().strategyTimerNs()}) {
                                if (timer != ControlState.NO_TIME && timer > ct.deadlineNs()) {
                                    bound = Math.min(bound, timer - 1);
                                }
                            }
                            if (onTime.hasObligation() && onTime.obligationDeadlineNs() > ct.deadlineNs()) {
                                bound = Math.min(bound, onTime.obligationDeadlineNs() - 1); // the next deadline
                            }
                            long span = Math.max(0, bound - ct.deadlineNs());
                            long t = ct.deadlineNs() + (span == 0 ? 0 : o[k++ % o.length] % (span + 1));
                            StepResult r = new CoreEngine(new RiskEngine(), s.catalog()).processEvent(late, i,
                                    new ControlTime(t, t, t, ct.reason()), cfg);
                            assertEquals(onTimeSent, dispatches(r), "CT at " + ct.deadlineNs() + " vs " + t);
                            assertEquals(onTimeArcs, arcs(r), "dispositions, CT at " + ct.deadlineNs() + " vs " + t);
                        } else {
                            engine.processEvent(state, i, e, cfg);
                        }
                    }
                }));
    }

    static List<DispatchRequest> dispatches(StepResult r) {
        List<DispatchRequest> l = new ArrayList<>();
        for (int i = 0; i < r.dispatchCount(); i++) {
            l.add(r.dispatch(i));
        }
        return l;
    }

    static List<String> arcs(StepResult r) {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < r.dispositionCount(); i++) {
            l.add(r.dispositionIntentId(i) + " " + r.disposition(i) + " " + r.dispositionReason(i));
        }
        return l;
    }

    /**
     * Stated for the runs where removing Control-Time changes nothing but timing: NEW-only scripts, risk
     * limits that cannot bind, no kill switch, no price-band policy. In general it is false — see properties/README.md,
     * "Counterexamples found": a NEW that Control-Time would dispatch may instead be cancelled before
     * submission and free its token, and risk verdicts (open orders, position) depend on what was
     * dispatched by then.
     */
    @Test
    void ec7_removing_control_time_events_never_makes_anything_dispatch_earlier() {
        String name = "ec7_removing_control_time_events_never_makes_anything_dispatch_earlier";
        Props.qt(name, 60).forAll(RunSpec.rateLimitedRuns(5, 120, 14)).checkAssert(generated -> {
            List<RunSpec.ScriptItemSpec> news = new ArrayList<>();
            for (RunSpec.ScriptItemSpec i : generated.script()) {
                if (i.type() == CommandType.NEW) {
                    news.add(i);
                }
            }
            List<Event> market = new ArrayList<>();
            for (Event e : generated.market()) {
                if (!(e instanceof KillSwitch)) {
                    market.add(e);
                }
            }
            RunSpec spec = new RunSpec(generated.capacity(), generated.refillPerSecond(), 1_000, 1_000_000, 1_000,
                    1_000_000, generated.mergeOrder(), generated.commandPriority(), generated.everyNth(),
                    generated.entryLatencyNs(), generated.responseLatencyNs(), generated.fillAtLimit(), 0, news, market);
            CoreConfiguration cfg = CoreConfiguration.parse(spec.configJson(), "ec7");
            // Every standard policy but the price band, whose "no mid, no allow" depends on the step an
            // Intent is emitted at (a book side is briefly empty while the mid moves).
            RiskEngine risk = new RiskEngine(List.of(RiskPolicies.WELL_FORMED, RiskPolicies.KILL_SWITCH,
                    RiskPolicies.MAX_ORDER_QTY, RiskPolicies.MAX_POSITION, RiskPolicies.MAX_OPEN_ORDERS));
            MiniLoop.Result with = MiniLoop.run(cfg, spec.market(), true, risk);
            MiniLoop.Result without = MiniLoop.run(cfg, spec.market(), false, risk);
            StreamFiles.capturing(name, new Scenario(spec.configJson(), StrategyCatalog.builtIn(), without.events()),
                    () -> {
                        assertFalse(without.events().stream().anyMatch(e -> e instanceof ControlTime));
                        Map<Long, Long> withAt = new HashMap<>();
                        for (MiniLoop.Sent x : with.sent()) {
                            withAt.put(x.request().orderKey(), x.atNs());
                        }
                        // (without Control-Time, an item due after the last input never goes out at all)
                        for (MiniLoop.Sent x : without.sent()) {
                            Long t = withAt.get(x.request().orderKey());
                            if (t == null) {
                                // the run with Control-Time ended (no input left) with this NEW still waiting
                                // for its token; the run without went on only because its own later venue
                                // answers were inputs after that
                                assertTrue(with.pendingAtEnd(), "NEW " + x.request().orderKey()
                                        + " went out only without Control-Time");
                                continue;
                            }
                            assertTrue(x.atNs() >= t, "NEW " + x.request().orderKey() + " left at " + x.atNs()
                                    + " without Control-Time, at " + t + " with it");
                        }
                    });
        });
    }
}

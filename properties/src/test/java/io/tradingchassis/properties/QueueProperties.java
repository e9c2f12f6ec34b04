package io.tradingchassis.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.DispatchFailed;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.event.OrderAccepted;
import io.tradingchassis.core.event.OrderCancelled;
import io.tradingchassis.core.event.OrderExpired;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.event.OrderRejected;
import io.tradingchassis.core.event.OrderReplaced;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.intent.Disposition;
import io.tradingchassis.core.intent.Reason;
import io.tradingchassis.core.queue.DominanceQueue;
import io.tradingchassis.core.queue.QueueOutput;
import io.tradingchassis.core.risk.RiskEngine;
import io.tradingchassis.core.state.ExecutionState;
import io.tradingchassis.core.state.Order;
import io.tradingchassis.core.state.PendingCommand;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.core.step.StepResult;
import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.core.view.OrderStatus;
import io.tradingchassis.properties.gen.Draw;
import io.tradingchassis.properties.gen.Interleavings;
import io.tradingchassis.properties.gen.Interleavings.CtPolicy;
import io.tradingchassis.properties.gen.RunSpec;
import io.tradingchassis.properties.gen.Scenarios;
import io.tradingchassis.properties.support.Props;
import io.tradingchassis.properties.support.Scenario;
import io.tradingchassis.properties.support.StreamFiles;
import io.tradingchassis.properties.support.SuiteStrategies;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The Queue and the Order lifecycle over generated streams: EC4/EC5 after every step, the SPEC §7
 * dominance matrix, R1/R3, L3/L4, and that records and answers in any legal interleaving never wedge
 * a key.
 */
class QueueProperties {

    /** Folds {@code s} step by step, calling {@code check(stateBeforeCopy, result)} after each step with the State after it. */
    static void stepwise(Scenario s, StepCheck check) {
        CoreConfiguration cfg = s.configuration();
        State state = new State();
        CoreEngine engine = new CoreEngine(new RiskEngine(), s.catalog());
        for (int i = 0; i < s.size(); i++) {
            long[] inflightBefore = state.execution().inflight().keys();
            boolean killBefore = state.control().killSwitch();
            StepResult r = engine.processEvent(state, i, s.events().get(i), cfg);
            check.after(i, inflightBefore, killBefore, r, state, cfg);
        }
    }

    @FunctionalInterface
    interface StepCheck {
        void after(int position, long[] inflightBefore, boolean killBefore, StepResult r, State state,
                   CoreConfiguration cfg);
    }

    @Test
    void ec4_ec5_at_most_one_pending_command_and_one_inflight_request_per_key_after_every_step() {
        String name = "ec4_ec5_at_most_one_pending_command_and_one_inflight_request_per_key_after_every_step";
        Props.qt(name, 60).forAll(Scenarios.valid(120, 14)).checkAssert(s -> StreamFiles.capturing(name, s,
                () -> stepwise(s, (i, before, kill, r, state, cfg) -> {
                    Set<Long> pending = new HashSet<>();
                    for (int q = 0; q < state.execution().queue().size(); q++) {
                        assertTrue(pending.add(state.execution().queue().at(q).orderKey()), "EC4 at position " + i);
                    }
                    Set<Long> wasInflight = new HashSet<>();
                    for (long k : before) {
                        wasInflight.add(k);
                    }
                    Set<Long> dispatched = new HashSet<>();
                    for (int d = 0; d < r.dispatchCount(); d++) {
                        long k = r.dispatchOrderKey(d);
                        assertTrue(dispatched.add(k), "EC5: two requests for key " + k + " in one step at " + i);
                        // a key inflight before the step is free again only if this step's event answered it
                        assertFalse(wasInflight.contains(k) && orderId(s.events().get(i)) != k,
                                "EC5: key " + k + " dispatched while inflight at " + i);
                    }
                    long[] now = state.execution().inflight().keys();
                    assertEquals(now.length, new HashSet<>(longs(now)).size(), "EC5 at position " + i);
                })));
    }

    /** The order key an execution event or record names, else {@code Long.MIN_VALUE}. */
    static long orderId(Event e) {
        if (e instanceof OrderAccepted x) {
            return x.orderId();
        } else if (e instanceof OrderRejected x) {
            return x.orderId();
        } else if (e instanceof OrderFilled x) {
            return x.orderId();
        } else if (e instanceof OrderCancelled x) {
            return x.orderId();
        } else if (e instanceof OrderReplaced x) {
            return x.orderId();
        } else if (e instanceof OrderExpired x) {
            return x.orderId();
        } else if (e instanceof DispatchFailed x) {
            return x.orderId();
        }
        return Long.MIN_VALUE;
    }

    static List<Long> longs(long[] a) {
        List<Long> l = new ArrayList<>();
        for (long x : a) {
            l.add(x);
        }
        return l;
    }

    @Test
    void r1_r3_no_dispatch_for_an_intent_risk_denied() {
        String name = "r1_r3_no_dispatch_for_an_intent_risk_denied";
        Props.qt(name, 60).forAll(Scenarios.valid(120, 14)).checkAssert(s -> StreamFiles.capturing(name, s, () -> {
            Set<Long> denied = new HashSet<>();
            int[] counts = new int[2];
            stepwise(s, (i, before, kill, r, state, cfg) -> {
                for (int d = 0; d < r.dispositionCount(); d++) {
                    if (r.disposition(d) == Disposition.DENIED) {
                        denied.add(r.dispositionIntentId(d));
                        counts[0]++;
                    }
                }
                for (int d = 0; d < r.dispositionCount(); d++) {
                    if (r.disposition(d) == Disposition.DISPATCHED) {
                        assertFalse(denied.contains(r.dispositionIntentId(d)), "R1: intent "
                                + r.dispositionIntentId(d) + " was denied, then dispatched at " + i);
                    }
                }
                for (int x = 0; x < r.dispatchCount(); x++) {
                    counts[1]++;
                    boolean allowed = false;
                    for (int d = 0; d < r.dispositionCount(); d++) {
                        allowed |= r.disposition(d) == Disposition.DISPATCHED
                                && r.dispositionOrderKey(d) == r.dispatchOrderKey(x)
                                && !denied.contains(r.dispositionIntentId(d));
                    }
                    assertTrue(allowed, "R3: dispatch without an allowed, dispatched intent at " + i + ": " + r);
                    if (r.dispatchType(x) != CommandType.CANCEL) {
                        assertTrue(r.dispatchQtyLots(x) <= cfg.risk().maxOrderQtyLots(), "R3: max order qty at " + i);
                        assertFalse(state.control().killSwitch() && kill, "R3: NEW/REPLACE under the kill switch");
                    }
                }
            });
        }));
    }

    @Test
    void l3_no_order_before_its_OrderSubmitted_and_l4_terminal_orders_never_change() {
        String name = "l3_no_order_before_its_OrderSubmitted_and_l4_terminal_orders_never_change";
        Props.qt(name, 60).forAll(Scenarios.valid(120, 14)).checkAssert(s -> StreamFiles.capturing(name, s, () -> {
            Set<Long> submitted = new HashSet<>();
            Set<Long> terminal = new HashSet<>();
            stepwise(s, (i, before, kill, r, state, cfg) -> {
                if (s.events().get(i) instanceof OrderSubmitted os && os.command().type() == CommandType.NEW) {
                    submitted.add(os.orderId());
                }
                for (int t = 0; t < r.transitionCount(); t++) {
                    long id = r.transitionOrderId(t);
                    OrderStatus from = r.transitionFrom(t);
                    if (from == StepResult.CREATED) {
                        assertEquals(EventType.ORDER_SUBMITTED, r.eventType(), "L3: created by " + r.eventType());
                        assertEquals(OrderStatus.SUBMITTED, r.transitionTo(t), "L3: an Order begins at Submitted");
                    } else {
                        assertTrue(submitted.contains(id), "L3: order " + id + " moved before its OrderSubmitted");
                        assertFalse(from.isTerminal(), "L4: terminal order " + id + " moved from " + from);
                    }
                    assertFalse(terminal.contains(id), "L4: order " + id + " changed after it was terminal, at " + i);
                    if (r.transitionTo(t).isTerminal()) {
                        terminal.add(id);
                    }
                }
                for (long id : state.execution().orders().ids()) {
                    assertTrue(submitted.contains(id), "L3: order " + id + " in State without an OrderSubmitted");
                    assertFalse(terminal.contains(id), "L4: terminal order " + id + " still in State at " + i);
                    Order o = state.execution().orders().get(id);
                    assertFalse(o.status().isTerminal(), "only live Orders stay in State");
                }
            });
        }));
    }

    @Test
    void l4_records_and_answers_in_any_legal_interleaving_never_wedge_a_key() {
        String name = "l4_records_and_answers_in_any_legal_interleaving_never_wedge_a_key";
        Gen<Scenario> g = in -> {
            RunSpec spec = RunSpec.runs(5, 120, 14).generate(in);
            CtPolicy policy = Draw.bool(in) ? CtPolicy.LATE : CtPolicy.AT_DEADLINE;
            return Draw.bool(in)
                    ? Interleavings.generate(in, spec, SuiteStrategies.GATED, SuiteStrategies.gated(), policy)
                    : Interleavings.generate(in, spec, "scripted", StrategyCatalog.builtIn(), policy);
        };
        Props.qt(name, 80).forAll(g).checkAssert(s -> StreamFiles.capturing(name, s, () -> {
            State state = new State();
            CoreEngine engine = new CoreEngine(new RiskEngine(), s.catalog());
            CoreConfiguration cfg = s.configuration();
            for (int i = 0; i < s.size(); i++) {
                engine.processEvent(state, i, s.events().get(i), cfg); // refused entries fail here
            }
            // drained: every record and answer delivered, every obligation realized
            assertEquals(0, state.execution().inflight().size(), "a key stays inflight: " + state);
            assertEquals(0, state.execution().queue().size(), "work stays pending with nothing to wake it: " + state);
        }));
    }

    /** SPEC §7 as a table, independent of the core: the incoming command's fate and what stays pending. */
    static final class DominanceModel {
        CommandType pendingType;
        long pendingPrice;
        long pendingQty;
        long pendingIntent;
        boolean live;
        boolean newUsed;

        /** Applies one allowed Intent; reports each arc that closes or enters through {@code out}. */
        void admit(long intent, CommandType type, long price, long qty, BiConsumer<Long, String> out) {
            if (type == CommandType.NEW && (live || newUsed)) {
                out.accept(intent, "INVALID KEY_NOT_FRESH");
                return;
            }
            if (type == CommandType.NEW) {
                newUsed = true;
                set(type, price, qty, intent);
                return;
            }
            if (pendingType == null) {
                if (!live) {
                    out.accept(intent, "INVALID NO_LIVE_ORDER");
                    return;
                }
                set(type, price, qty, intent);
                return;
            }
            int rankIn = type == CommandType.CANCEL ? 2 : 1;
            int rankPending = pendingType == CommandType.CANCEL ? 2 : pendingType == CommandType.REPLACE ? 1 : 0;
            if (rankIn < rankPending) {
                out.accept(intent, "SUPERSEDED DOMINATED_BY_PENDING"); // incoming discarded
                return;
            }
            out.accept(pendingIntent, "SUPERSEDED REPLACED_BY_INCOMING"); // incoming wins
            if (pendingType == CommandType.NEW && type == CommandType.CANCEL) {
                pendingType = null;
                out.accept(intent, "CANCELLED_BEFORE_SUBMISSION NONE");
                return;
            }
            set(pendingType == CommandType.NEW ? CommandType.NEW : type, price, qty, intent);
        }

        void set(CommandType t, long price, long qty, long intent) {
            pendingType = t;
            pendingPrice = price;
            pendingQty = qty;
            pendingIntent = intent;
        }
    }

    @Test
    void dominance_equals_the_spec_matrix_for_random_sequences_on_one_key() {
        String name = "dominance_equals_the_spec_matrix_for_random_sequences_on_one_key";
        Gen<int[]> g = in -> {
            int n = Draw.integer(in, 1, 12);
            int[] seq = new int[n + 1];
            seq[0] = Draw.integer(in, 0, 1); // 1: the key has a live Order
            for (int i = 1; i <= n; i++) {
                seq[i] = Draw.integer(in, 0, 2) * 100 + Draw.integer(in, 1, 50);
            }
            return seq;
        };
        Props.qt(name, 2_000).forAll(g).describedAs(Arrays::toString).checkAssert(seq -> {
            final long key = 7;
            ExecutionState x = new ExecutionState();
            DominanceModel model = new DominanceModel();
            if (seq[0] == 1) {
                x.orders().submit(key, 0, Side.BUY, 100, 10, 0);
                model.live = true;
            }
            List<String> core = new ArrayList<>();
            List<String> spec = new ArrayList<>();
            QueueOutput out = new QueueOutput() {
                @Override
                public void onDisposition(long intentId, long orderKey, CommandType type, Disposition d, Reason reason) {
                    assertEquals(key, orderKey);
                    core.add(intentId + " " + d + " " + reason);
                }

                @Override
                public void onDispatch(PendingCommand command) {
                    throw new AssertionError("dominance never dispatches");
                }

                @Override
                public void onObligation(long deadlineNs, long scopeKey) {
                    throw new AssertionError("dominance never schedules");
                }
            };
            for (int i = 1; i < seq.length; i++) {
                CommandType type = CommandType.values()[seq[i] / 100];
                long price = 100 + seq[i] % 100;
                long qty = type == CommandType.CANCEL ? 0 : seq[i] % 100;
                DominanceQueue.admit(x, i, type, key, 0, Side.BUY, price, qty, out);
                // README: a CANCEL carries price and quantity zero, whatever the Intent said
                model.admit(i, type, type == CommandType.CANCEL ? 0 : price, qty, (id, what) -> spec.add(id + " " + what));
                assertEquals(spec, core, "arcs after intent " + i);
                PendingCommand p = x.queue().forKey(key);
                if (model.pendingType == null) {
                    assertNull(p, "nothing pending");
                } else {
                    assertNotEquals(null, p, "pending " + model.pendingType);
                    assertEquals(model.pendingType, p.type());
                    assertEquals(model.pendingIntent, p.intentId());
                    assertEquals(model.pendingPrice, p.priceTicks());
                    assertEquals(model.pendingQty, p.qtyLots());
                }
                assertTrue(x.queue().size() <= 1, "EC4");
            }
        });
    }
}

package io.tradingchassis.core.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.Bbo;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.BookSnapshot;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.ConfigurationActivated;
import io.tradingchassis.core.event.ControlTime;
import io.tradingchassis.core.event.ControlTimeReason;
import io.tradingchassis.core.event.DispatchFailed;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventStreamEntry;
import io.tradingchassis.core.event.FeedGap;
import io.tradingchassis.core.event.KillSwitch;
import io.tradingchassis.core.event.OrderAccepted;
import io.tradingchassis.core.event.OrderCancelled;
import io.tradingchassis.core.event.OrderCommand;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.event.OrderRejected;
import io.tradingchassis.core.event.OrderReplaced;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.PriceLevel;
import io.tradingchassis.core.event.SessionStart;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.Trade;
import io.tradingchassis.core.intent.IntentSink;
import io.tradingchassis.core.state.InflightTable;
import io.tradingchassis.core.state.Invariant;
import io.tradingchassis.core.state.InvariantViolation;
import io.tradingchassis.core.state.PendingCommand;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.strategy.Strategy;
import io.tradingchassis.core.testkit.TestStrategies;
import io.tradingchassis.core.view.OrderStatus;
import io.tradingchassis.core.view.StrategyView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * SPEC §5 and §11 on hostile input: a stream of arbitrary, mostly malformed events (wrong ids, wrong
 * or absent request ids, answers before their records, records for requests never made, extreme and
 * negative numbers, nulls where a record allows them, wrong positions) through the full pipeline with a
 * market maker. Each step either applies, or throws {@link InvariantViolation} with a one-line message
 * and leaves State exactly as it was (same digest, same position). No other exception —
 * NullPointerException, ArithmeticException, IndexOutOfBounds — may escape the core. Where the SPEC §6
 * ordering contract decides the outcome from State alone (an answer must name the key's recorded
 * request; a record must name the key's dispatched, unrecorded request), the test predicts it and
 * checks the core agrees, both ways.
 */
class HostileStreamTest {

    private static final CoreConfiguration CFG = CoreConfiguration.parse("{\"instruments\":["
            + "{\"symbol\":\"A\",\"tickSize\":\"1\",\"lotSize\":\"1\"},{\"symbol\":\"B\",\"tickSize\":\"1\","
            + "\"lotSize\":\"1\"}],\"strategy\":{\"id\":\"market-maker\",\"parameters\":{\"halfSpreadTicks\":3}},"
            + "\"rateLimit\":{\"capacity\":3,\"refillPerSecond\":2}}", "hostile");

    @Test
    void everyStepAppliesOrViolatesWithStateUnchanged() {
        Map<String, Integer> seen = new TreeMap<>();
        qt().withFixedSeed(1105L).withExamples(60)
                .forAll(longs().all())
                .checkAssert(seed -> {
                    Random r = new Random(seed);
                    State state = new State();
                    CoreEngine engine = new CoreEngine();
                    long clock = 1_000_000_000L;
                    for (int i = 0; i < 1_500; i++) {
                        clock += r.nextInt(3) == 0 ? 0 : r.nextInt(400_000_000);
                        boolean inOrder = r.nextInt(50) != 0;
                        long pos = inOrder ? state.lastPosition() + 1 : state.lastPosition() + r.nextInt(5) - 2;
                        if (pos < 0) {
                            pos = 0;
                        }
                        Event e = hostile(r, clock, state);
                        // SPEC §6 ordering contract, predicted from State before the step (E4 comes first)
                        Expect expect = pos == state.lastPosition() + 1 ? contract(e, state) : Expect.NONE;
                        String before = state.digest();
                        long lastBefore = state.lastPosition();
                        try {
                            StepResult res = engine.processEventEntry(state, new EventStreamEntry(pos, e), CFG);
                            seen.merge("applied", 1, Integer::sum);
                            assertTrue(expect.mustViolate == null, () -> "seed " + seed + ": " + e
                                    + " must violate " + expect.mustViolate + " (" + expect.what + ") but applied");
                            if (expect.what != null) {
                                seen.merge("applied:" + expect.what, 1, Integer::sum);
                            }
                            recordSome(r, engine, state, res, clock);
                        } catch (InvariantViolation v) {
                            seen.merge("violated", 1, Integer::sum);
                            assertEquals(before, state.digest(), () -> "seed " + seed + ": State changed by " + v);
                            assertEquals(lastBefore, state.lastPosition());
                            assertTrue(!v.getMessage().contains("\n"), "one line: " + v.getMessage());
                            assertFalse(expect.mustApply, () -> "seed " + seed + ": " + e + " must apply ("
                                    + expect.what + ") but: " + v.getMessage());
                            if (expect.mustViolate != null) {
                                assertTrue(expect.mustViolate.contains(v.invariant()), () -> "seed " + seed + ": "
                                        + e + " (" + expect.what + ") must violate one of " + expect.mustViolate
                                        + ", got " + v.getMessage());
                                seen.merge("violated:" + expect.what, 1, Integer::sum);
                            }
                        }
                    }
                });
        assertTrue(seen.getOrDefault("applied", 0) > 10_000, "applied steps: " + seen);
        assertTrue(seen.getOrDefault("violated", 0) > 10_000, "violating steps: " + seen);
        // the ordering-contract mutations were really exercised, and truthful late records applied
        for (String k : List.of("violated:answer names another request", "violated:answer before its record",
                "violated:record names another request", "violated:record for a request never made",
                "violated:second record", "violated:DispatchFailed names another request",
                "applied:answer names the recorded request", "applied:late truthful record",
                "applied:DispatchFailed of an unrecorded request")) {
            assertTrue(seen.getOrDefault(k, 0) > 20, k + ": " + seen);
        }
    }

    /** What the ordering contract says about an event, from State alone. */
    private record Expect(String what, Set<Invariant> mustViolate, boolean mustApply) {
        static final Expect NONE = new Expect(null, null, false);

        static Expect violates(String what, Invariant first, Invariant... more) {
            return new Expect(what, EnumSet.of(first, more), false);
        }

        static Expect applies(String what) {
            return new Expect(what, null, true);
        }
    }

    /**
     * SPEC §6: an answer (OrderRejected, solicited OrderCancelled, OrderReplaced) must name the key's
     * recorded inflight request of the right type (else EV1; L3/L4 when the Order itself is missing or
     * not working, which is checked first); a record (OrderSubmitted, DispatchFailed) must name the key's
     * dispatched request before it is recorded (else EV1; a second record is EC5).
     */
    private static Expect contract(Event e, State s) {
        InflightTable in = s.execution().inflight();
        if (e instanceof OrderRejected a) {
            PendingCommand c = in.get(a.orderId());
            if (c != null && c.requestId() == a.requestId()) {
                return c.recorded() ? Expect.applies("answer names the recorded request")
                        : Expect.violates("answer before its record", Invariant.EV1);
            }
            return Expect.violates("answer names another request", Invariant.EV1);
        }
        if (e instanceof OrderReplaced a) {
            return answer(in.get(a.orderId()), a.requestId(), CommandType.REPLACE);
        }
        if (e instanceof OrderCancelled a && a.requestId() != OrderCancelled.UNSOLICITED) {
            return answer(in.get(a.orderId()), a.requestId(), CommandType.CANCEL);
        }
        if (e instanceof DispatchFailed a) {
            PendingCommand c = in.get(a.orderId());
            if (c == null || c.requestId() != a.requestId()) {
                return Expect.violates("DispatchFailed names another request", Invariant.EV1);
            }
            return c.recorded() ? Expect.violates("second record", Invariant.EC5)
                    : Expect.applies("DispatchFailed of an unrecorded request");
        }
        if (e instanceof OrderSubmitted a) {
            PendingCommand c = in.get(a.orderId());
            // EV1/EV2 for a malformed command or request id are checked before the request itself
            if (c == null) {
                return Expect.violates("record for a request never made", Invariant.EV1, Invariant.EV2);
            }
            if (c.recorded()) {
                return Expect.violates("second record", Invariant.EC5, Invariant.EV1, Invariant.EV2);
            }
            if (c.requestId() != a.requestId()) {
                return Expect.violates("record names another request", Invariant.EV1, Invariant.EV2);
            }
            if (c.toOrderCommand().equals(a.command())) {
                return Expect.applies("late truthful record"); // also when its Order became terminal meanwhile
            }
        }
        return Expect.NONE;
    }

    private static Expect answer(PendingCommand c, long requestId, CommandType type) {
        if (c == null || c.requestId() != requestId || c.type() != type) {
            return Expect.violates("answer names another request", Invariant.EV1, Invariant.L3, Invariant.L4);
        }
        if (!c.recorded()) {
            return Expect.violates("answer before its record", Invariant.EV1, Invariant.L3, Invariant.L4);
        }
        return Expect.NONE; // the payload or the Order's status may still refuse it
    }

    /**
     * The runtime's records of a step's dispatches: most at once, the others left for the hostile
     * stream to deliver later (truthful or mutated, after other events). A record given at once must
     * apply.
     */
    private static void recordSome(Random r, CoreEngine engine, State state, StepResult res, long clock) {
        List<DispatchRequest> sent = new ArrayList<>();
        for (int d = 0; d < res.dispatchCount(); d++) {
            sent.add(res.dispatch(d));
        }
        for (DispatchRequest d : sent) {
            if (r.nextInt(5) < 3) {
                engine.processEventEntry(state, new EventStreamEntry(state.lastPosition() + 1,
                        new OrderSubmitted(clock, clock, d.orderKey(), d.requestId(), d.command())), CFG);
            }
        }
    }

    /** Regression (found by the property above): a mismatching record once created the Order first. */
    @Test
    void aRecordThatDoesNotMatchItsDispatchIsEv1AndCreatesNoOrder() {
        State state = new State();
        CoreEngine engine = new CoreEngine();
        engine.processEventEntry(state, new EventStreamEntry(0, new BookDelta(1, 1, 0, BookSide.BID, 95, 5)), CFG);
        StepResult r = engine.processEventEntry(state,
                new EventStreamEntry(1, new BookDelta(2, 2, 0, BookSide.ASK, 105, 5)), CFG);
        assertEquals(2, r.dispatchCount(), "the maker quotes both sides");
        long key = r.dispatchOrderKey(0);
        long request = r.dispatchRequestId(0);
        OrderCommand sent = r.dispatch(0).command();
        OrderCommand wrong = new OrderCommand(sent.type(), sent.instrument(), sent.side(), sent.priceTicks(),
                sent.qtyLots() + 1);
        String before = state.digest();
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> engine.processEventEntry(state,
                new EventStreamEntry(2, new OrderSubmitted(3, 3, key, request, wrong)), CFG));
        assertEquals(Invariant.EV1, v.invariant());
        assertEquals(before, state.digest());
        assertNull(state.execution().orders().get(key), "no Order from a rejected record");
        engine.processEventEntry(state, new EventStreamEntry(2, new OrderSubmitted(3, 3, key, request, sent)), CFG);
        assertEquals(OrderStatus.SUBMITTED, state.execution().orders().get(key).status());
    }

    // ---------------------------------------------------------------- request-id mutations, one by one

    /** A Strategy that runs one planned action per decision (test code; its plan is outside State). */
    private static final class Plan implements Strategy {
        final Deque<Consumer<IntentSink>> steps = new ArrayDeque<>();

        @Override
        public void decide(StrategyView view, IntentSink out) {
            Consumer<IntentSink> next = steps.poll();
            if (next != null) {
                next.accept(out);
            }
        }
    }

    /**
     * SPEC §6 ordering contract, mutation by mutation: every record or answer that names a wrong or
     * absent request id, or arrives before its record, is EV1 (or the invariant that is checked first:
     * L3/L4 when the Order is absent or retired, EC5 for a second record) and leaves State exactly as it
     * was; the truthful events, in the orders the contract allows, apply.
     */
    @Test
    void requestIdMutations_areEV1_stateUnchanged_truthfulOrderingsApply() {
        Plan plan = new Plan();
        Harness h = new Harness(TestStrategies.config("{\"instruments\":[{\"symbol\":\"A\",\"tickSize\":\"1\","
                + "\"lotSize\":\"1\"}],\"rateLimit\":{\"capacity\":100,\"refillPerSecond\":100},"
                + "\"decisionTrigger\":{\"eventTypes\":[\"TRADE\"]}}", "test-plan", plan));
        h.apply(h.delta(0, BookSide.BID, 95, 5));
        h.apply(h.delta(0, BookSide.ASK, 105, 5));
        plan.steps.add(out -> {
            out.newOrder(1, 0, Side.BUY, 100, 5);
            out.newOrder(2, 0, Side.SELL, 101, 5);
        });
        StepResult r = h.apply(h.trade(0, Side.BUY, 105, 1)).copy();
        assertEquals(2, r.dispatchCount(), r.toString());
        DispatchRequest new1 = r.dispatch(0);
        DispatchRequest new2 = r.dispatch(1);
        assertEquals(1, new1.orderKey());
        assertEquals(2, new2.orderKey());
        assertEquals(new1.requestId() + 1, new2.requestId());

        // before the NEWs' records: answers, and records naming the wrong request
        h.violates(Invariant.EV1, new OrderRejected(h.tick(), h.tick(), 1, new1.requestId(), "early"));
        h.violates(Invariant.EV1, new OrderAccepted(h.tick(), h.tick(), 1)); // answers the NEW before its record
        h.violates(Invariant.EV1, new DispatchFailed(h.tick(), h.tick(), 1, new2.requestId(), "another key's id"));
        h.violates(Invariant.EV1, new DispatchFailed(h.tick(), h.tick(), 1, Harness.NO_REQUEST_FOR_TEST, "unknown"));
        for (long wrongId : new long[] {new2.requestId(), new1.requestId() + 100, Harness.NO_REQUEST_FOR_TEST, 0,
                -1, Long.MIN_VALUE, Long.MAX_VALUE}) {
            h.violates(Invariant.EV1, new OrderSubmitted(h.tick(), h.tick(), 1, wrongId, new1.command()));
        }
        h.violates(Invariant.EV1, new OrderSubmitted(h.tick(), h.tick(), 3, new2.requestId() + 1,
                new OrderCommand(CommandType.NEW, 0, Side.BUY, 100, 1))); // a request the core never made
        h.violates(Invariant.EV1, new OrderSubmitted(h.tick(), h.tick(), 1, new1.requestId(), new2.command()));

        // the NEW for key 1 is recorded; then a second record, a late DispatchFailed, answers naming others
        h.apply(new OrderSubmitted(h.tick(), h.tick(), 1, new1.requestId(), new1.command()));
        h.violates(Invariant.EC5, new OrderSubmitted(h.tick(), h.tick(), 1, new1.requestId(), new1.command()));
        h.violates(Invariant.EC5, new DispatchFailed(h.tick(), h.tick(), 1, new1.requestId(), "too late"));
        h.violates(Invariant.EV1, new OrderRejected(h.tick(), h.tick(), 1, new2.requestId(), "another key's"));
        h.violates(Invariant.EV1, new OrderRejected(h.tick(), h.tick(), 1, OrderCancelled.UNSOLICITED, "absent"));
        h.violates(Invariant.EV1, new OrderRejected(h.tick(), h.tick(), 2, new2.requestId(), "before record"));
        h.apply(new OrderSubmitted(h.tick(), h.tick(), 2, new2.requestId(), new2.command()));
        h.apply(h.accepted(1));
        h.apply(h.accepted(2));
        assertEquals(0, h.state.execution().inflight().size());

        // REPLACE key 1, CANCEL key 2
        plan.steps.add(out -> {
            out.replace(1, 0, Side.BUY, 99, 6);
            out.cancel(2, 0, Side.SELL);
        });
        r = h.apply(h.trade(0, Side.BUY, 105, 1)).copy();
        assertEquals(2, r.dispatchCount(), r.toString());
        DispatchRequest cancel2 = r.dispatch(0); // CANCEL ranks before REPLACE
        DispatchRequest replace1 = r.dispatch(1);
        assertEquals(CommandType.CANCEL, cancel2.type());
        assertEquals(CommandType.REPLACE, replace1.type());
        assertEquals(0, cancel2.priceTicks(), "a CANCEL is dispatched with price 0");
        assertEquals(0, cancel2.qtyLots(), "a CANCEL is dispatched with quantity 0");

        // answers before their records
        h.violates(Invariant.EV1, new OrderReplaced(h.tick(), h.tick(), 1, replace1.requestId(), 99, 6));
        h.violates(Invariant.EV1, new OrderCancelled(h.tick(), h.tick(), 2, cancel2.requestId()));
        h.violates(Invariant.EV1, new OrderRejected(h.tick(), h.tick(), 1, replace1.requestId(), "early"));
        h.apply(new OrderSubmitted(h.tick(), h.tick(), 1, replace1.requestId(), replace1.command()));
        h.apply(new OrderSubmitted(h.tick(), h.tick(), 2, cancel2.requestId(), cancel2.command()));

        // answers naming another request, a request of another type, or the wrong payload
        h.violates(Invariant.EV1, new OrderReplaced(h.tick(), h.tick(), 1, cancel2.requestId(), 99, 6));
        h.violates(Invariant.EV1, new OrderReplaced(h.tick(), h.tick(), 1, Harness.NO_REQUEST_FOR_TEST, 99, 6));
        h.violates(Invariant.EV1, new OrderReplaced(h.tick(), h.tick(), 1, replace1.requestId(), 98, 6));
        h.violates(Invariant.EV1, new OrderReplaced(h.tick(), h.tick(), 1, replace1.requestId(), 99, 5));
        h.violates(Invariant.EV1, new OrderCancelled(h.tick(), h.tick(), 1, replace1.requestId())); // not a CANCEL
        h.violates(Invariant.EV1, new OrderReplaced(h.tick(), h.tick(), 2, cancel2.requestId(), 101, 5));
        h.violates(Invariant.EV1, new OrderCancelled(h.tick(), h.tick(), 2, replace1.requestId()));
        h.violates(Invariant.EV1, new OrderCancelled(h.tick(), h.tick(), 2, -5));
        h.violates(Invariant.EV1, new OrderRejected(h.tick(), h.tick(), 2, replace1.requestId(), "another key's"));

        // the venue cancels key 2 on its own: the CANCEL stays inflight, awaiting its reject
        r = h.apply(new OrderCancelled(h.tick(), h.tick(), 2, OrderCancelled.UNSOLICITED)).copy();
        assertEquals(OrderStatus.CANCELLED, r.transitionTo(0));
        assertNull(h.order(2), "terminal: retired at the end of its step");
        assertEquals(CommandType.CANCEL, h.state.execution().inflight().type(2), "key 2 still awaits an answer");
        h.violates(Invariant.L4, new OrderCancelled(h.tick(), h.tick(), 2, cancel2.requestId())); // retired
        h.violates(Invariant.EV1, new OrderRejected(h.tick(), h.tick(), 2, cancel2.requestId() + 7, "wrong"));
        r = h.apply(new OrderRejected(h.tick(), h.tick(), 2, cancel2.requestId(), "too late to cancel")).copy();
        assertEquals(0, r.transitionCount(), "a CANCEL's reject moves no Order");
        assertNull(h.state.execution().inflight().get(2), "the reject naming the CANCEL released the key");

        h.apply(new OrderReplaced(h.tick(), h.tick(), 1, replace1.requestId(), 99, 6));
        assertEquals(99, h.order(1).priceTicks());
        assertEquals(6, h.order(1).qtyLots());

        // a REPLACE whose Order fills completely before its record arrives: the record is accepted, the
        // venue's reject naming the request releases the key; anything else naming it stays a violation
        plan.steps.add(out -> out.replace(1, 0, Side.BUY, 98, 6));
        r = h.apply(h.trade(0, Side.BUY, 105, 1)).copy();
        assertEquals(1, r.dispatchCount(), r.toString());
        DispatchRequest replace1b = r.dispatch(0);
        r = h.apply(h.filled(1, 6, 99, 0)).copy();
        assertEquals(OrderStatus.FILLED, r.transitionTo(0));
        assertNull(h.order(1));
        h.violates(Invariant.EV1, new OrderRejected(h.tick(), h.tick(), 1, replace1b.requestId(), "before record"));
        h.violates(Invariant.EV1, new OrderSubmitted(h.tick(), h.tick(), 1, replace1b.requestId() + 1,
                replace1b.command()));
        h.apply(new OrderSubmitted(h.tick(), h.tick(), 1, replace1b.requestId(), replace1b.command()));
        assertTrue(h.state.execution().inflight().recorded(1), "the late record of a retired Order's REPLACE");
        h.violates(Invariant.L4, new OrderReplaced(h.tick(), h.tick(), 1, replace1b.requestId(), 98, 6));
        h.violates(Invariant.EV1, new OrderRejected(h.tick(), h.tick(), 1, replace1.requestId(), "an old request"));
        h.apply(new OrderRejected(h.tick(), h.tick(), 1, replace1b.requestId(), "order already filled"));
        assertEquals(0, h.state.execution().inflight().size(), "no key stays blocked");
        assertEquals(0, h.state.execution().queue().size());
        assertNotNull(h.state.digest());
    }

    // ---------------------------------------------------------------- the hostile generator

    private static long num(Random r) {
        switch (r.nextInt(8)) {
            case 0:
                return Long.MAX_VALUE - r.nextInt(3);
            case 1:
                return Long.MIN_VALUE + r.nextInt(3);
            case 2:
                return -r.nextInt(5);
            case 3:
                return 0;
            default:
                return 90 + r.nextInt(20);
        }
    }

    private static long orderId(Random r, State s) {
        long[] ids = s.execution().orders().ids();
        if (ids.length > 0 && r.nextInt(4) != 0) {
            return ids[r.nextInt(ids.length)];
        }
        long[] inflight = s.execution().inflight().keys();
        if (inflight.length > 0 && r.nextBoolean()) {
            return inflight[r.nextInt(inflight.length)];
        }
        return r.nextInt(20) - 2;
    }

    /** A request id for an event about {@code key}: often the key's own, else absent, another's, or absurd. */
    private static long requestId(Random r, State s, long key) {
        InflightTable in = s.execution().inflight();
        PendingCommand c = in.get(key);
        switch (r.nextInt(8)) {
            case 0:
            case 1:
            case 2:
                return c != null ? c.requestId() : 1 + r.nextInt(50);
            case 3:
                return OrderCancelled.UNSOLICITED;
            case 4: {
                long[] keys = in.keys();
                return keys.length > 0 ? in.get(keys[r.nextInt(keys.length)]).requestId() : in.nextRequestId();
            }
            case 5:
                return (c != null ? c.requestId() : in.nextRequestId()) + 1 + r.nextInt(3);
            case 6:
                return r.nextBoolean() ? -1 - r.nextInt(3) : Long.MAX_VALUE - r.nextInt(2);
            default:
                return Harness.NO_REQUEST_FOR_TEST;
        }
    }

    /** A dispatched request whose record has not arrived yet, or {@code null}. */
    private static PendingCommand unrecorded(Random r, State s) {
        InflightTable in = s.execution().inflight();
        List<PendingCommand> waiting = new ArrayList<>();
        for (long k : in.keys()) {
            if (!in.get(k).recorded()) {
                waiting.add(in.get(k));
            }
        }
        return waiting.isEmpty() ? null : waiting.get(r.nextInt(waiting.size()));
    }

    private static Event hostile(Random r, long t, State s) {
        int inst = r.nextInt(10) == 0 ? r.nextInt(7) - 3 : r.nextInt(2);
        Side side = r.nextInt(20) == 0 ? null : r.nextBoolean() ? Side.BUY : Side.SELL;
        BookSide bs = r.nextInt(20) == 0 ? null : r.nextBoolean() ? BookSide.BID : BookSide.ASK;
        long id = orderId(r, s);
        switch (r.nextInt(18)) {
            case 0:
            case 1:
            case 2:
                return new BookDelta(t, t, inst, bs, num(r), r.nextInt(6) == 0 ? num(r) : r.nextInt(5));
            case 3:
                return new BookSnapshot(t, t, inst, List.of(new PriceLevel(num(r), num(r)), new PriceLevel(95, 2)),
                        List.of(new PriceLevel(105, 1), new PriceLevel(num(r), 3)));
            case 4:
                return new Trade(t, t, inst, side, num(r), num(r));
            case 5:
                return new Bbo(t, t, inst, num(r), num(r), num(r), num(r));
            case 6:
                return new OrderAccepted(t, t, id);
            case 7:
                return new OrderRejected(t, t, id, requestId(r, s, id), r.nextBoolean() ? null : "no");
            case 8:
                return new OrderFilled(t, t, id, num(r) % 4, num(r), num(r) % 4);
            case 9:
                return new OrderCancelled(t, t, id, requestId(r, s, id));
            case 10: {
                PendingCommand c = s.execution().inflight().get(id);
                boolean payload = c != null && r.nextBoolean();
                return new OrderReplaced(t, t, id, requestId(r, s, id), payload ? c.priceTicks() : num(r),
                        payload ? c.qtyLots() : num(r));
            }
            case 11: {
                CommandType type = r.nextInt(10) == 0 ? null : CommandType.values()[r.nextInt(3)];
                return new OrderSubmitted(t, t, id, requestId(r, s, id), r.nextInt(20) == 0 ? null
                        : new OrderCommand(type, inst, side, num(r), num(r)));
            }
            case 12: {
                // a late record: truthful, or naming another request / carrying another command
                PendingCommand c = unrecorded(r, s);
                if (c == null) {
                    return new DispatchFailed(t, t, id, requestId(r, s, id), "down");
                }
                int k = r.nextInt(6);
                if (k == 0) {
                    return new DispatchFailed(t, t, c.orderKey(), r.nextBoolean() ? c.requestId()
                            : requestId(r, s, c.orderKey()), "down");
                }
                long request = k < 4 ? c.requestId() : requestId(r, s, c.orderKey());
                OrderCommand cmd = k < 5 ? c.toOrderCommand() : new OrderCommand(c.type(), c.instrument(), c.side(),
                        c.priceTicks() + 1, c.qtyLots());
                return new OrderSubmitted(t, t, c.orderKey(), request, cmd);
            }
            case 13:
                return new DispatchFailed(t, t, id, requestId(r, s, id), "down");
            case 14:
                return new KillSwitch(t, t, r.nextInt(4) == 0);
            case 15:
                return r.nextBoolean() ? new FeedGap(t, t, inst) : new SessionStart(t, t);
            case 16:
                return new ConfigurationActivated(t, t, r.nextBoolean() ? CFG.fingerprint() : "sha256:00");
            default:
                long deadline = r.nextBoolean() ? t : num(r);
                return new ControlTime(t, r.nextBoolean() ? deadline : t, deadline,
                        ControlTimeReason.RATE_LIMIT_RECOVERY);
        }
    }
}

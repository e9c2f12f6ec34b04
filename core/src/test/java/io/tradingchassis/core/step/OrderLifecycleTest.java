package io.tradingchassis.core.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.DispatchFailed;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.OrderCancelled;
import io.tradingchassis.core.event.OrderExpired;
import io.tradingchassis.core.event.OrderRejected;
import io.tradingchassis.core.event.OrderReplaced;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.state.Invariant;
import io.tradingchassis.core.state.InvariantViolation;
import io.tradingchassis.core.state.Order;
import io.tradingchassis.core.view.OrderStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Order lifecycle of SPEC §6, driven by canonical events through the engine (strategy "none": the
 * Harness records establish the requests): every (status, execution event) pair is either the
 * transition the state machine allows or an invariant violation that leaves State unchanged — L4 for
 * an illegal transition or anything after a terminal status, L3 for an order never submitted, EV1 for
 * an answer that names no recorded request of the key (SPEC §6 ordering contract).
 *
 * <pre>
 * [*] → Submitted
 * Submitted → Accepted | Rejected
 * Accepted → PartiallyFilled | Filled | Cancelled
 * PartiallyFilled → PartiallyFilled | Filled | Cancelled
 * Filled, Cancelled, Rejected: terminal — the Order retires at the end of its step
 * </pre>
 */
class OrderLifecycleTest {

    private static final long ID = 1;
    private static final long QTY = 10;
    private static final long PX = 100;

    /** An execution event kind, built against the order's current leaves (as the Harness names requests). */
    enum Kind {
        ACCEPT,
        REJECT,
        PARTIAL_FILL,
        FULL_FILL,
        CANCEL,
        REPLACE,
        EXPIRE;

        Event build(Harness h, long leaves) {
            switch (this) {
                case ACCEPT:
                    return h.accepted(ID);
                case REJECT:
                    return h.rejected(ID); // names the key's inflight request, if any
                case PARTIAL_FILL:
                    return h.filled(ID, 1, PX, leaves - 1);
                case FULL_FILL:
                    return h.filled(ID, leaves, PX, 0);
                case CANCEL:
                    return h.cancelled(ID); // answers an inflight CANCEL, else unsolicited
                case EXPIRE:
                    return new OrderExpired(h.tick(), h.clock(), ID);
                default:
                    return h.replaced(ID, PX + 1, QTY + 2); // names the key's inflight request, if any
            }
        }
    }

    /** What a (status, event) pair leads to: a status, or the invariant it violates. */
    record Outcome(OrderStatus to, Invariant violated) {
        static Outcome to(OrderStatus s) {
            return new Outcome(s, null);
        }

        static Outcome violates(Invariant i) {
            return new Outcome(null, i);
        }

        @Override
        public String toString() {
            return to != null ? to.name() : violated.name();
        }
    }

    /**
     * Brings order {@link #ID} (BUY 10 @ 100, instrument 0) to {@code status} with nothing inflight but
     * a Submitted order's NEW. A terminal order has retired at the end of the step that made it terminal.
     */
    static Harness orderIn(OrderStatus status) {
        Harness h = new Harness();
        StepResult last = h.apply(h.submitNew(ID, 0, Side.BUY, PX, QTY));
        switch (status) {
            case SUBMITTED:
                break;
            case ACCEPTED:
                last = h.apply(h.accepted(ID));
                break;
            case PARTIALLY_FILLED:
                h.apply(h.accepted(ID));
                last = h.apply(h.filled(ID, 4, PX, 6));
                break;
            case FILLED:
                h.apply(h.accepted(ID));
                last = h.apply(h.filled(ID, QTY, PX, 0));
                break;
            case CANCELLED:
                h.apply(h.accepted(ID));
                last = h.apply(h.cancelled(ID));
                break;
            case REJECTED:
                last = h.apply(h.rejected(ID));
                break;
            case EXPIRED:
                last = h.apply(new OrderExpired(h.tick(), h.clock(), ID));
                break;
            default:
                throw new AssertionError(status);
        }
        assertEquals(1, last.transitionCount(), "setup");
        assertEquals(status, last.transitionTo(0), "setup");
        if (status.isTerminal()) {
            assertNull(h.order(ID), "setup: a terminal order retires at the end of its step");
            assertEquals(1, h.state.execution().orders().retiredCount(), "setup");
        } else {
            assertEquals(status, h.order(ID).status(), "setup");
        }
        if (status != OrderStatus.SUBMITTED) {
            assertEquals(0, h.state.execution().inflight().size(), "setup leaves nothing inflight");
        }
        assertEquals(ID, h.state.execution().orders().keyHighWater(), "setup");
        return h;
    }

    /** SPEC §6 and the ordering contract: what each (status, event) pair leads to. */
    static Outcome expected(OrderStatus from, Kind kind) {
        switch (from) {
            case SUBMITTED:
                switch (kind) {
                    case ACCEPT:
                        return Outcome.to(OrderStatus.ACCEPTED);
                    case REJECT:
                        return Outcome.to(OrderStatus.REJECTED); // answers the inflight NEW
                    case EXPIRE:
                        return Outcome.to(OrderStatus.EXPIRED); // an IOC/FOK/GTX that cannot work: answers the NEW
                    default:
                        return Outcome.violates(Invariant.L4); // fills, cancel, replace need a working order
                }
            case ACCEPTED:
            case PARTIALLY_FILLED:
                switch (kind) {
                    case PARTIAL_FILL:
                        return Outcome.to(OrderStatus.PARTIALLY_FILLED);
                    case FULL_FILL:
                        return Outcome.to(OrderStatus.FILLED);
                    case CANCEL:
                        return Outcome.to(OrderStatus.CANCELLED); // unsolicited
                    case EXPIRE:
                        return Outcome.to(OrderStatus.EXPIRED); // e.g. an IOC remainder
                    case ACCEPT:
                        return Outcome.violates(Invariant.L4); // accepted twice
                    default:
                        // REJECT / REPLACE are answers: with no request of the key inflight they answer nothing
                        return Outcome.violates(Invariant.EV1);
                }
            default:
                // Terminal and retired: nothing may follow (L4). An OrderRejected is only ever an answer to a
                // request; with none inflight for the key it answers nothing (EV1) — a REPLACE/CANCEL recorded
                // before the order became terminal is the one reject that may follow (see below).
                return kind == Kind.REJECT ? Outcome.violates(Invariant.EV1) : Outcome.violates(Invariant.L4);
        }
    }

    static Stream<Arguments> everyStatusAndEvent() {
        List<Arguments> out = new ArrayList<>();
        for (OrderStatus s : OrderStatus.values()) {
            for (Kind k : Kind.values()) {
                out.add(Arguments.of(s, k, expected(s, k)));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("everyStatusAndEvent")
    void everyExecutionEventFromEveryStatusFollowsTheStateMachineL4(OrderStatus from, Kind kind, Outcome outcome) {
        Harness h = orderIn(from);
        Order o = h.order(ID);
        long leaves = o == null ? QTY : o.leavesLots();
        long filled = o == null ? 0 : o.filledLots();
        Event e = kind.build(h, leaves);
        if (outcome.violated() != null) {
            InvariantViolation v = h.violates(outcome.violated(), e); // also: State exactly unchanged
            assertTrue(v.getMessage().contains("order " + ID) || v.getMessage().contains("key " + ID),
                    v.getMessage());
            if (o == null) {
                assertNull(h.order(ID), "still retired");
            } else {
                assertEquals(from, h.order(ID).status());
                assertEquals(leaves, h.order(ID).leavesLots());
                assertEquals(filled, h.order(ID).filledLots());
            }
        } else {
            OrderStatus to = outcome.to();
            StepResult r = h.apply(e);
            assertEquals(1, r.transitionCount(), "the step reports the transition");
            assertEquals(ID, r.transitionOrderId(0));
            assertEquals(from, r.transitionFrom(0));
            assertEquals(to, r.transitionTo(0));
            if (to.isTerminal()) {
                assertNull(h.order(ID), "terminal: retired at the end of the step");
                assertEquals(1, h.state.execution().orders().retiredCount());
                assertEquals(0, h.state.execution().orders().liveCount());
            } else {
                assertEquals(to, h.order(ID).status(), outcome.toString());
            }
        }
    }

    @Test
    void theTableAllowsExactlyTheSpecTransitions() {
        // Cross-check of the table above against OrderStatus.canBecome, so neither can drift alone.
        for (OrderStatus s : OrderStatus.values()) {
            Set<OrderStatus> reachable = EnumSet.noneOf(OrderStatus.class);
            for (Kind k : Kind.values()) {
                OrderStatus to = expected(s, k).to();
                if (to != null) {
                    reachable.add(to);
                }
            }
            for (OrderStatus t : OrderStatus.values()) {
                assertEquals(s.canBecome(t), reachable.contains(t), s + " -> " + t);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"FILLED", "CANCELLED", "REJECTED", "EXPIRED"})
    void aTerminalOrderRetiresAndEveryLaterExecutionEventForItIsL4(OrderStatus terminal) {
        Harness h = orderIn(terminal); // asserts the transition and that the order is gone
        assertEquals(0, h.state.execution().orders().liveCount());
        assertEquals(1, h.state.execution().orders().submittedCount());
        long t = h.tick();
        List<Event> later = List.of(
                h.accepted(ID),
                h.filled(ID, 1, PX, QTY - 1),
                h.filled(ID, QTY, PX, 0),
                h.cancelled(ID), // unsolicited
                new OrderCancelled(t, t, ID, 1), // naming a request id
                h.replaced(ID, PX + 1, QTY));
        for (Event e : later) {
            InvariantViolation v = h.violates(Invariant.L4, e); // also: State exactly unchanged
            assertTrue(v.getMessage().contains("order " + ID + ", which is not live"), v.getMessage());
        }
        assertNull(h.order(ID));
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"FILLED", "CANCELLED", "REJECTED", "EXPIRED"})
    void terminalOrdersRefuseReplaceAndCancelRecordsL4(OrderStatus terminal) {
        // A record is an event too: nothing may follow a terminal status. The Order has retired, so its key is
        // at or below the high-water mark: L4, as for the execution events above (StateDeriver.known), not the
        // L3 of a key never submitted (above the mark). With strategy "none" the record cannot be a truthful
        // record of a request the core made before the Order ended (that case is accepted, see below).
        Harness h = orderIn(terminal);
        h.violates(Invariant.L4, h.submitReplace(ID, PX + 1, QTY));
        h.violates(Invariant.L4, h.submitCancel(ID));
        assertEquals(0, h.state.execution().inflight().size());
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "SUBMITTED")
    void anOrderIdIsSubmittedOnceWhateverItsStatusL3(OrderStatus status) {
        Harness h = orderIn(status);
        InvariantViolation v = h.violates(Invariant.L3, h.submitNew(ID, 0, Side.BUY, PX, QTY));
        assertTrue(v.getMessage().contains("reuses order id " + ID), v.getMessage());
    }

    @Test
    void aNewRecordForAKeyAtOrBelowTheHighWaterMarkIsL3() {
        // NEW keys strictly increase within a stream: a key at or below the mark is refused even if unused.
        Harness h = new Harness();
        h.acceptedOrder(5, 0, Side.BUY, PX, QTY);
        h.apply(h.submitNew(8, 1, Side.SELL, PX, QTY)); // 8 unanswered (its NEW inflight)
        assertEquals(8, h.state.execution().orders().keyHighWater());
        h.violates(Invariant.L3, h.submitNew(6, 0, Side.BUY, PX, QTY)); // never used, below the mark
        h.violates(Invariant.L3, h.submitNew(5, 0, Side.BUY, PX, QTY)); // live, nothing inflight
        h.violates(Invariant.L3, h.submitNew(1, 0, Side.BUY, PX, QTY));
        h.violates(Invariant.EC5, h.submitNew(8, 1, Side.SELL, PX, QTY)); // its NEW is inflight: EC5 first
        h.apply(h.submitNew(9, 0, Side.BUY, PX, QTY));
        assertEquals(9, h.state.execution().orders().keyHighWater());
        assertEquals(3, h.state.execution().orders().submittedCount());
    }

    @Test
    void secondNewRecordWhileTheFirstIsUnansweredIsEc5() {
        // Still Submitted: the first NEW is inflight, so the duplicate record is refused as EC5 (before L3).
        Harness h = orderIn(OrderStatus.SUBMITTED);
        h.violates(Invariant.EC5, h.submitNew(ID, 0, Side.BUY, PX, QTY));
        assertEquals(1, h.state.execution().orders().submittedCount());
    }

    @Test
    void replaceAndCancelRecordsWhileTheNewIsUnansweredAreEc5() {
        Harness h = orderIn(OrderStatus.SUBMITTED);
        h.violates(Invariant.EC5, h.submitReplace(ID, PX + 1, QTY));
        h.violates(Invariant.EC5, h.submitCancel(ID));
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"ACCEPTED", "PARTIALLY_FILLED"})
    void workingOrderIsReplacedOnlyThroughARecordedReplace(OrderStatus working) {
        Harness h = orderIn(working);
        long filled = h.order(ID).filledLots();
        h.apply(h.submitReplace(ID, PX + 1, QTY + 2));
        StepResult r = h.apply(h.replaced(ID, PX + 1, QTY + 2));
        Order o = h.order(ID);
        assertEquals(working, o.status(), "OrderReplaced keeps the status");
        assertEquals(PX + 1, o.priceTicks());
        assertEquals(QTY + 2, o.qtyLots());
        assertEquals(QTY + 2 - filled, o.leavesLots());
        assertEquals(0, r.transitionCount());
        assertEquals(0, h.state.execution().inflight().size());
        // the answer freed the key: a second OrderReplaced has no request to answer (EV1)
        h.violates(Invariant.EV1, h.replaced(ID, PX + 1, QTY + 2));
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"ACCEPTED", "PARTIALLY_FILLED"})
    void cancelRequestedThenCancelledAfterwardsNothingFollowsL4(OrderStatus working) {
        Harness h = orderIn(working);
        long leaves = h.order(ID).leavesLots();
        OrderSubmitted cancel = h.submitCancel(ID);
        h.apply(cancel);
        StepResult r = h.apply(h.cancelled(ID));
        assertEquals(working, r.transitionFrom(0));
        assertEquals(OrderStatus.CANCELLED, r.transitionTo(0));
        assertNull(h.order(ID), "retired");
        assertEquals(0, h.state.execution().inflight().size(), "the CANCEL is answered");
        h.violates(Invariant.L4, h.cancelled(ID));
        long t = h.tick();
        h.violates(Invariant.L4, new OrderCancelled(t, t, ID, cancel.requestId())); // the same answer twice
        h.violates(Invariant.L4, h.filled(ID, 1, PX, leaves - 1));
        h.violates(Invariant.EV1, h.rejected(ID)); // the CANCEL was already answered: nothing to reject
    }

    // ------------------------------------------------------------------ SPEC §6 ordering contract

    /**
     * A REPLACE or CANCEL recorded before the Order filled completely: the Order retires, the request stays
     * inflight, and the venue's reject naming its request id releases the key.
     */
    @ParameterizedTest
    @EnumSource(value = CommandType.class, names = {"REPLACE", "CANCEL"})
    void aRequestOvertakenByTheFinalFillIsReleasedByTheRejectNamingIt(CommandType type) {
        Harness h = orderIn(OrderStatus.ACCEPTED);
        OrderSubmitted record = type == CommandType.CANCEL ? h.submitCancel(ID) : h.submitReplace(ID, PX + 1, QTY);
        h.apply(record);
        StepResult r = h.apply(h.filled(ID, QTY, PX, 0));
        assertEquals(OrderStatus.FILLED, r.transitionTo(0));
        assertNull(h.order(ID), "Filled: retired");
        assertEquals(type, h.state.execution().inflight().type(ID), "the request still awaits its answer");
        assertEquals(record.requestId(), h.inflightRequest(ID));
        assertEquals(1, h.state.execution().inflight().size());

        // The venue cannot apply the request any more: applying it would follow a terminal status.
        long t = h.tick();
        h.violates(Invariant.L4, type == CommandType.CANCEL ? new OrderCancelled(t, t, ID, record.requestId())
                : new OrderReplaced(t, t, ID, record.requestId(), PX + 1, QTY));
        h.violates(Invariant.EV1, new OrderRejected(t, t, ID, record.requestId() + 1, "too late"));

        r = h.apply(new OrderRejected(h.tick(), h.clock(), ID, record.requestId(), "too late to " + type));
        assertEquals(0, r.transitionCount(), "a REPLACE/CANCEL reject moves no Order");
        assertEquals(0, h.state.execution().inflight().size(), "the key is released");
        assertNull(h.order(ID));
        h.violates(Invariant.EV1, new OrderRejected(h.tick(), h.clock(), ID, record.requestId(), "twice"));
    }

    @Test
    void anAnswerNamingAnotherRequestThanTheKeysInflightReplaceIsEv1() {
        Harness h = new Harness();
        OrderSubmitted neu = h.submitNew(ID, 0, Side.BUY, PX, QTY);
        h.apply(neu);
        h.apply(h.accepted(ID));
        OrderSubmitted replace = h.submitReplace(ID, PX + 1, QTY + 2);
        h.apply(replace);
        long t = h.tick();
        long other = replace.requestId() + 1;
        List<Event> wrong = List.of(
                new OrderRejected(t, t, ID, other, "no"),
                new OrderRejected(t, t, ID, neu.requestId(), "no"), // an earlier, answered request
                new OrderRejected(t, t, ID, Harness.NO_REQUEST_FOR_TEST, "no"),
                new OrderReplaced(t, t, ID, other, PX + 1, QTY + 2),
                new OrderReplaced(t, t, ID, neu.requestId(), PX + 1, QTY + 2),
                new OrderCancelled(t, t, ID, replace.requestId())); // a cancel answers only a CANCEL
        for (Event e : wrong) {
            InvariantViolation v = h.violates(Invariant.EV1, e); // also: State exactly unchanged
            assertTrue(v.getMessage().contains("REPLACE #" + replace.requestId()), v.getMessage());
        }
        assertEquals(OrderStatus.ACCEPTED, h.order(ID).status());
        assertEquals(PX, h.order(ID).priceTicks());
        assertEquals(replace.requestId(), h.inflightRequest(ID), "the request is still inflight");
        h.apply(new OrderReplaced(h.tick(), h.clock(), ID, replace.requestId(), PX + 1, QTY + 2));
        assertEquals(PX + 1, h.order(ID).priceTicks(), "the right answer still applies");
    }

    @Test
    void anAnswerNamingAnotherRequestThanTheKeysInflightCancelIsEv1() {
        Harness h = orderIn(OrderStatus.PARTIALLY_FILLED);
        OrderSubmitted cancel = h.submitCancel(ID);
        h.apply(cancel);
        long t = h.tick();
        long other = cancel.requestId() + 1;
        List<Event> wrong = List.of(
                new OrderCancelled(t, t, ID, other),
                new OrderRejected(t, t, ID, other, "no"),
                new OrderReplaced(t, t, ID, cancel.requestId(), PX + 1, QTY)); // a replace answers only a REPLACE
        for (Event e : wrong) {
            InvariantViolation v = h.violates(Invariant.EV1, e);
            assertTrue(v.getMessage().contains("CANCEL #" + cancel.requestId()), v.getMessage());
        }
        assertEquals(OrderStatus.PARTIALLY_FILLED, h.order(ID).status());
        StepResult r = h.apply(new OrderCancelled(h.tick(), h.clock(), ID, cancel.requestId()));
        assertEquals(OrderStatus.CANCELLED, r.transitionTo(0));
        assertEquals(0, h.state.execution().inflight().size());
    }

    @Test
    void orderReplacedMustCarryTheReplaceRequestsPriceAndQuantityEv1() {
        Harness h = orderIn(OrderStatus.ACCEPTED);
        h.apply(h.submitReplace(ID, PX + 1, QTY + 2));
        InvariantViolation v = h.violates(Invariant.EV1, h.replaced(ID, PX + 2, QTY + 2));
        assertTrue(v.getMessage().contains("asked " + (QTY + 2) + "@" + (PX + 1)), v.getMessage());
        h.violates(Invariant.EV1, h.replaced(ID, PX + 1, QTY + 3));
        h.violates(Invariant.EV1, h.replaced(ID, PX, QTY)); // the order's current values
        assertEquals(PX, h.order(ID).priceTicks());
        assertEquals(QTY, h.order(ID).qtyLots());
        assertEquals(CommandType.REPLACE, h.state.execution().inflight().type(ID));
        h.apply(h.replaced(ID, PX + 1, QTY + 2));
        assertEquals(QTY + 2, h.order(ID).qtyLots());
    }

    @Test
    void dispatchFailedNamingAnotherRequestIsEv1() {
        Harness h = orderIn(OrderStatus.ACCEPTED);
        OrderSubmitted replace = h.submitReplace(ID, PX + 1, QTY);
        h.apply(replace);
        long t = h.tick();
        InvariantViolation v = h.violates(Invariant.EV1,
                new DispatchFailed(t, t, ID, replace.requestId() + 1, "reset"));
        assertTrue(v.getMessage().contains("REPLACE #" + replace.requestId()), v.getMessage());
        h.violates(Invariant.EV1, new DispatchFailed(t, t, ID + 1, replace.requestId(), "reset")); // other key
        // naming the right request, which is already recorded as submitted: EC5
        h.violates(Invariant.EC5, new DispatchFailed(t, t, ID, replace.requestId(), "reset"));
        assertEquals(replace.requestId(), h.inflightRequest(ID));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void executionEventForAnUnknownOrderIsL3(Kind kind) {
        Harness h = orderIn(OrderStatus.ACCEPTED);
        long key = 999; // above the high-water mark: never submitted
        Event e;
        switch (kind) {
            case ACCEPT:
                e = h.accepted(key);
                break;
            case REJECT:
                e = h.rejected(key);
                break;
            case PARTIAL_FILL:
                e = h.filled(key, 1, PX, 9);
                break;
            case FULL_FILL:
                e = h.filled(key, 10, PX, 0);
                break;
            case CANCEL:
                e = h.cancelled(key);
                break;
            default:
                e = h.replaced(key, PX, QTY);
        }
        if (kind == Kind.REJECT) {
            // An OrderRejected is an answer first: an unknown key has no request to answer.
            InvariantViolation v = h.violates(Invariant.EV1, e);
            assertTrue(v.getMessage().contains("inflight request is none"), v.getMessage());
        } else {
            InvariantViolation v = h.violates(Invariant.L3, e);
            assertTrue(v.getMessage().contains("unknown order id 999"), v.getMessage());
        }
    }

    @Test
    void executionEventForAKeyBelowTheHighWaterMarkIsL4EvenIfNeverSubmitted() {
        // Keys strictly increase, so State keeps no set of used keys: at or below the mark means "not live".
        Harness h = new Harness();
        h.acceptedOrder(5, 0, Side.BUY, PX, QTY);
        InvariantViolation v = h.violates(Invariant.L4, h.accepted(3));
        assertTrue(v.getMessage().contains("order 3, which is not live"), v.getMessage());
        h.violates(Invariant.L4, h.filled(3, 1, PX, 0));
        h.violates(Invariant.L3, h.accepted(6));
    }

    @Test
    void aFullLifecycleReportsEachTransitionOnce() {
        Harness h = new Harness();
        List<String> seen = new ArrayList<>();
        for (Event e : List.of(h.submitNew(ID, 1, Side.SELL, PX, QTY), h.accepted(ID), h.filled(ID, 3, PX, 7),
                h.filled(ID, 3, PX, 4), h.filled(ID, 4, PX, 0))) {
            StepResult r = h.apply(e);
            for (int i = 0; i < r.transitionCount(); i++) {
                assertEquals(ID, r.transitionOrderId(i));
                seen.add((r.transitionFrom(i) == null ? "*" : r.transitionFrom(i).name()) + ">" + r.transitionTo(i));
            }
        }
        assertEquals(List.of("*>SUBMITTED", "SUBMITTED>ACCEPTED", "ACCEPTED>PARTIALLY_FILLED",
                "PARTIALLY_FILLED>PARTIALLY_FILLED", "PARTIALLY_FILLED>FILLED"), seen);
        assertNull(h.order(ID), "Filled: retired");
        assertEquals(1, h.state.execution().orders().retiredCount());
    }
}

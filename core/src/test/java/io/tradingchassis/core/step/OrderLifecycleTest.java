package io.tradingchassis.core.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.state.Invariant;
import io.tradingchassis.core.state.InvariantViolation;
import io.tradingchassis.core.state.Order;
import io.tradingchassis.core.view.OrderStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Order lifecycle of SPEC §6, driven by canonical events through the engine: every (status,
 * execution event) pair is either the transition the state machine allows or an invariant violation
 * (L4 for an illegal transition, L3 for an unknown order) that leaves State unchanged.
 *
 * <pre>
 * [*] → Submitted
 * Submitted → Accepted | Rejected
 * Accepted → PartiallyFilled | Filled | Cancelled
 * PartiallyFilled → PartiallyFilled | Filled | Cancelled
 * Filled, Cancelled, Rejected: terminal
 * </pre>
 */
class OrderLifecycleTest {

    private static final long ID = 1;
    private static final long QTY = 10;
    private static final long PX = 100;

    /** An execution event kind, built against the order's current leaves. */
    enum Kind {
        ACCEPT((h, o) -> h.accepted(ID)),
        REJECT((h, o) -> h.rejected(ID)),
        PARTIAL_FILL((h, o) -> h.filled(ID, 1, PX, o.leavesLots() - 1)),
        FULL_FILL((h, o) -> h.filled(ID, o.leavesLots(), PX, 0)),
        CANCEL((h, o) -> h.cancelled(ID)),
        REPLACE((h, o) -> h.replaced(ID, PX + 1, QTY + 2));

        final BiFunction<Harness, Order, Event> build;

        Kind(BiFunction<Harness, Order, Event> build) {
            this.build = build;
        }
    }

    /** Brings order {@link #ID} (BUY 10 @ 100, instrument 0) to {@code status} with nothing inflight. */
    static Harness orderIn(OrderStatus status) {
        Harness h = new Harness();
        h.apply(h.submitNew(ID, 0, Side.BUY, PX, QTY));
        switch (status) {
            case SUBMITTED:
                break;
            case ACCEPTED:
                h.apply(h.accepted(ID));
                break;
            case PARTIALLY_FILLED:
                h.apply(h.accepted(ID));
                h.apply(h.filled(ID, 4, PX, 6));
                break;
            case FILLED:
                h.apply(h.accepted(ID));
                h.apply(h.filled(ID, QTY, PX, 0));
                break;
            case CANCELLED:
                h.apply(h.accepted(ID));
                h.apply(h.cancelled(ID));
                break;
            case REJECTED:
                h.apply(h.rejected(ID));
                break;
            default:
                throw new AssertionError(status);
        }
        assertEquals(status, h.order(ID).status(), "setup");
        if (status != OrderStatus.SUBMITTED) {
            assertNull(h.state.execution().inflight().type(ID), "setup leaves nothing inflight");
        }
        return h;
    }

    /** SPEC §6: the status each (status, event) pair leads to, or null when the pair is illegal (L4). */
    static OrderStatus expected(OrderStatus from, Kind kind) {
        switch (from) {
            case SUBMITTED:
                return kind == Kind.ACCEPT ? OrderStatus.ACCEPTED : kind == Kind.REJECT ? OrderStatus.REJECTED : null;
            case ACCEPTED:
            case PARTIALLY_FILLED:
                switch (kind) {
                    case PARTIAL_FILL:
                        return OrderStatus.PARTIALLY_FILLED;
                    case FULL_FILL:
                        return OrderStatus.FILLED;
                    case CANCEL:
                        return OrderStatus.CANCELLED;
                    default:
                        return null; // ACCEPT twice; REJECT / REPLACE with no request inflight
                }
            default:
                return null; // terminal: nothing may follow
        }
    }

    static Stream<Arguments> everyStatusAndEvent() {
        List<Arguments> out = new ArrayList<>();
        for (OrderStatus s : OrderStatus.values()) {
            for (Kind k : Kind.values()) {
                OrderStatus to = expected(s, k);
                out.add(Arguments.of(s, k, to == null ? "L4" : to.name()));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("everyStatusAndEvent")
    void everyExecutionEventFromEveryStatusFollowsTheStateMachineL4(OrderStatus from, Kind kind, String outcome) {
        Harness h = orderIn(from);
        Order before = h.order(ID).copy();
        Event e = kind.build.apply(h, h.order(ID));
        OrderStatus to = expected(from, kind);
        if (to == null) {
            InvariantViolation v = h.violates(Invariant.L4, e);
            assertTrue(v.getMessage().contains("order " + ID), v.getMessage());
            assertEquals(from, h.order(ID).status());
            assertEquals(before.leavesLots(), h.order(ID).leavesLots());
        } else {
            StepResult r = h.apply(e);
            assertEquals(to, h.order(ID).status(), outcome);
            assertEquals(1, r.transitionCount(), "the step reports the transition");
            assertEquals(from, r.transitionFrom(0));
            assertEquals(to, r.transitionTo(0));
            assertEquals(ID, r.transitionOrderId(0));
        }
    }

    @Test
    void theTableAllowsExactlyTheSpecTransitions() {
        // Cross-check of the table above against OrderStatus.canBecome, so neither can drift alone.
        for (OrderStatus s : OrderStatus.values()) {
            Set<OrderStatus> reachable = EnumSet.noneOf(OrderStatus.class);
            for (Kind k : Kind.values()) {
                OrderStatus to = expected(s, k);
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
    @EnumSource(value = OrderStatus.class, names = {"FILLED", "CANCELLED", "REJECTED"})
    void terminalOrdersRefuseReplaceAndCancelRecordsL4(OrderStatus terminal) {
        Harness h = orderIn(terminal);
        h.violates(Invariant.L4, h.submitReplace(ID, PX + 1, QTY));
        h.violates(Invariant.L4, h.submitCancel(ID));
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "SUBMITTED")
    void anOrderIdIsSubmittedOnceWhateverItsStatusL3(OrderStatus status) {
        Harness h = orderIn(status);
        h.violates(Invariant.L3, h.submitNew(ID, 0, Side.BUY, PX, QTY));
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
        assertEquals(QTY + 2, o.qtyLots());
        assertEquals(QTY + 2 - filled, o.leavesLots());
        assertEquals(0, r.transitionCount());
        // the answer freed the key: a second OrderReplaced has nothing to answer (L4)
        h.violates(Invariant.L4, h.replaced(ID, PX + 2, QTY + 2));
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"ACCEPTED", "PARTIALLY_FILLED"})
    void cancelRequestedThenCancelledL4AfterwardsNothingFollows(OrderStatus working) {
        Harness h = orderIn(working);
        h.apply(h.submitCancel(ID));
        h.apply(h.cancelled(ID));
        assertEquals(OrderStatus.CANCELLED, h.order(ID).status());
        h.violates(Invariant.L4, h.cancelled(ID));
        h.violates(Invariant.L4, h.filled(ID, 1, PX, h.order(ID).leavesLots() - 1));
        h.violates(Invariant.L4, h.rejected(ID)); // the CANCEL was already answered
    }

    @Test
    void fillRacingACancelEndsFilledAndTheVenueRejectsTheCancelRequest() {
        Harness h = orderIn(OrderStatus.ACCEPTED);
        h.apply(h.submitCancel(ID));
        h.apply(h.filled(ID, QTY, PX, 0));
        assertEquals(OrderStatus.FILLED, h.order(ID).status());
        assertEquals(CommandType.CANCEL, h.state.execution().inflight().type(ID), "request still awaits its answer");
        h.violates(Invariant.L4, h.cancelled(ID)); // Filled is terminal
        StepResult r = h.apply(h.rejected(ID)); // "too late to cancel": answers the request only
        assertEquals(OrderStatus.FILLED, h.order(ID).status());
        assertNull(h.state.execution().inflight().type(ID));
        assertEquals(0, r.transitionCount());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void executionEventForAnUnknownOrderIsL3(Kind kind) {
        Harness h = orderIn(OrderStatus.ACCEPTED);
        Event e;
        switch (kind) {
            case ACCEPT:
                e = h.accepted(999);
                break;
            case REJECT:
                e = h.rejected(999);
                break;
            case PARTIAL_FILL:
                e = h.filled(999, 1, PX, 9);
                break;
            case FULL_FILL:
                e = h.filled(999, 10, PX, 0);
                break;
            case CANCEL:
                e = h.cancelled(999);
                break;
            default:
                e = h.replaced(999, PX, QTY);
        }
        InvariantViolation v = h.violates(Invariant.L3, e);
        assertTrue(v.getMessage().contains("unknown order id 999"), v.getMessage());
    }

    @Test
    void aFullLifecycleReportsEachTransitionOnce() {
        Harness h = new Harness();
        List<String> seen = new ArrayList<>();
        for (Event e : List.of(h.submitNew(ID, 1, Side.SELL, PX, QTY), h.accepted(ID), h.filled(ID, 3, PX, 7),
                h.filled(ID, 3, PX, 4), h.filled(ID, 4, PX, 0))) {
            StepResult r = h.apply(e);
            for (int i = 0; i < r.transitionCount(); i++) {
                seen.add((r.transitionFrom(i) == null ? "*" : r.transitionFrom(i).name()) + ">" + r.transitionTo(i));
            }
        }
        assertEquals(List.of("*>SUBMITTED", "SUBMITTED>ACCEPTED", "ACCEPTED>PARTIALLY_FILLED",
                "PARTIALLY_FILLED>PARTIALLY_FILLED", "PARTIALLY_FILLED>FILLED"), seen);
    }
}

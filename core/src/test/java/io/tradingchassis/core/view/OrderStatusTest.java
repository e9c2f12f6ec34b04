package io.tradingchassis.core.view;

import static io.tradingchassis.core.view.OrderStatus.ACCEPTED;
import static io.tradingchassis.core.view.OrderStatus.CANCELLED;
import static io.tradingchassis.core.view.OrderStatus.FILLED;
import static io.tradingchassis.core.view.OrderStatus.PARTIALLY_FILLED;
import static io.tradingchassis.core.view.OrderStatus.REJECTED;
import static io.tradingchassis.core.view.OrderStatus.SUBMITTED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The SPEC §6 Order state machine as a table (L4). */
class OrderStatusTest {

    /** SPEC §6, transcribed: the only allowed transitions. */
    private static final Map<OrderStatus, Set<OrderStatus>> SPEC = Map.of(
            SUBMITTED, EnumSet.of(ACCEPTED, REJECTED, OrderStatus.EXPIRED),
            ACCEPTED, EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELLED, OrderStatus.EXPIRED),
            PARTIALLY_FILLED, EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELLED, OrderStatus.EXPIRED),
            FILLED, EnumSet.noneOf(OrderStatus.class),
            CANCELLED, EnumSet.noneOf(OrderStatus.class),
            REJECTED, EnumSet.noneOf(OrderStatus.class),
            OrderStatus.EXPIRED, EnumSet.noneOf(OrderStatus.class));

    @Test
    void canBecomeAllowsExactlyTheSpecTransitionsL4() {
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                assertEquals(SPEC.get(from).contains(to), from.canBecome(to), from + " -> " + to);
            }
        }
    }

    @Test
    void terminalStatusesAreFilledCancelledRejected() {
        for (OrderStatus s : OrderStatus.values()) {
            assertEquals(SPEC.get(s).isEmpty(), s.isTerminal(), s.name());
        }
    }

    @Test
    void workingStatusesAreAcceptedAndPartiallyFilled() {
        for (OrderStatus s : OrderStatus.values()) {
            assertEquals(s == ACCEPTED || s == PARTIALLY_FILLED, s.isWorking(), s.name());
        }
    }

    @Test
    void nothingReturnsToSubmittedL3() {
        for (OrderStatus s : OrderStatus.values()) {
            assertEquals(false, s.canBecome(SUBMITTED), s + " -> SUBMITTED");
        }
    }
}

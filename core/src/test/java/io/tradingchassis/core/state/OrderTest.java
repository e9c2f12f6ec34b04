package io.tradingchassis.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.view.OrderStatus;
import org.junit.jupiter.api.Test;

class OrderTest {

    @Test
    void newOrderStartsSubmittedWithAllLeavesL3() {
        Order o = new Order().init(7, 1, Side.SELL, 250, 10, 42);
        assertEquals(OrderStatus.SUBMITTED, o.status());
        assertEquals(10, o.leavesLots());
        assertEquals(0, o.filledLots());
        assertEquals(42, o.submittedAtPosition());
    }

    @Test
    void fillAccumulatesFilledAndSetsLeaves() {
        Order o = new Order().init(7, 0, Side.BUY, 100, 10, 0);
        o.fill(3, 7);
        o.fill(2, 5);
        assertEquals(5, o.filledLots());
        assertEquals(5, o.leavesLots());
        assertEquals(10, o.qtyLots(), "total unchanged by fills");
    }

    @Test
    void replaceSetsPriceAndTotalAndLeavesIsTotalMinusFilled() {
        Order o = new Order().init(7, 0, Side.BUY, 100, 10, 0);
        o.fill(4, 6);
        o.replace(95, 12);
        assertEquals(95, o.priceTicks());
        assertEquals(12, o.qtyLots());
        assertEquals(8, o.leavesLots());
        assertEquals(4, o.filledLots());
    }

    @Test
    void copyIsIndependent() {
        Order o = new Order().init(7, 0, Side.BUY, 100, 10, 3);
        o.status(OrderStatus.ACCEPTED);
        o.fill(1, 9);
        Order c = o.copy();
        o.fill(9, 0);
        o.status(OrderStatus.FILLED);
        assertEquals(OrderStatus.ACCEPTED, c.status());
        assertEquals(9, c.leavesLots());
        assertEquals(1, c.filledLots());
        assertEquals(3, c.submittedAtPosition());
        c.replace(101, 5);
        assertEquals(100, o.priceTicks());
    }
}

package io.tradingchassis.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SideTest {

    @Test
    void buyAddsToThePositionSellSubtracts() {
        assertEquals(1, Side.BUY.sign());
        assertEquals(-1, Side.SELL.sign());
    }

    @Test
    void restingSideOfABuyIsTheBid() {
        assertEquals(BookSide.BID, Side.BUY.restingSide());
        assertEquals(BookSide.ASK, Side.SELL.restingSide());
    }
}

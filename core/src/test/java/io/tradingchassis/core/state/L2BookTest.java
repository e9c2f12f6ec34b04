package io.tradingchassis.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.PriceLevel;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.view.BookView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The L2 ladder (sorted primitive arrays) against a naive sorted-map reference (STYLE: differential tests). */
class L2BookTest {

    @Test
    void emptyBookHasNoPrices() {
        L2Book b = new L2Book();
        assertEquals(BookView.NO_PRICE, b.bestBidTicks());
        assertEquals(BookView.NO_PRICE, b.bestAskTicks());
        assertEquals(BookView.NO_PRICE, b.midTicks());
        assertEquals(BookView.NO_PRICE, b.lastTradePriceTicks());
        assertEquals(0, b.bidLevels());
        assertEquals(0, b.askQtyAt(100));
        assertFalse(b.hasBbo());
    }

    @Test
    void setLevelInsertsUpdatesAndRemovesWithL2Totals() {
        L2Book b = new L2Book();
        b.setLevel(BookSide.BID, 100, 5);
        b.setLevel(BookSide.BID, 99, 1);
        b.setLevel(BookSide.BID, 100, 8); // new total
        b.setLevel(BookSide.ASK, 103, 2);
        b.setLevel(BookSide.ASK, 102, 4);
        assertEquals(2, b.bidLevels());
        assertEquals(100, b.bidPriceTicks(0));
        assertEquals(8, b.bidQtyLots(0));
        assertEquals(99, b.bidPriceTicks(1));
        assertEquals(102, b.askPriceTicks(0));
        assertEquals(4, b.askQtyLots(0));
        assertEquals(101, b.midTicks(), "floor((100 + 102) / 2)");
        b.setLevel(BookSide.ASK, 102, 0);
        assertEquals(103, b.bestAskTicks());
        assertEquals(101, b.midTicks(), "floor((100 + 103) / 2) = 101");
        b.setLevel(BookSide.ASK, 150, 0); // absent: no-op
        assertEquals(1, b.askLevels());
    }

    @Test
    void levelIndexOutOfRangeThrows() {
        L2Book b = new L2Book();
        b.setLevel(BookSide.BID, 100, 5);
        assertThrows(IndexOutOfBoundsException.class, () -> b.bidPriceTicks(1));
        assertThrows(IndexOutOfBoundsException.class, () -> b.bidQtyLots(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> b.askPriceTicks(0));
    }

    @Test
    void ladderMatchesASortedMapReferenceUnderSeededRandomUpdates() {
        long seed = 0xB00CL;
        Random r = new Random(seed);
        L2Book b = new L2Book();
        TreeMap<Long, Long> bids = new TreeMap<>(Collections.reverseOrder());
        TreeMap<Long, Long> asks = new TreeMap<>();
        for (int i = 0; i < 20_000; i++) {
            boolean bid = r.nextBoolean();
            long px = 1 + r.nextInt(300); // up to 300 levels per side: several array growths
            long qty = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(1_000);
            b.setLevel(bid ? BookSide.BID : BookSide.ASK, px, qty);
            TreeMap<Long, Long> ref = bid ? bids : asks;
            if (qty == 0) {
                ref.remove(px);
            } else {
                ref.put(px, qty);
            }
            if (i % 97 == 0 || i == 19_999) {
                assertLadder(b, bids, asks, "seed " + seed + " op " + i);
            }
        }
    }

    private static void assertLadder(L2Book b, TreeMap<Long, Long> bids, TreeMap<Long, Long> asks, String where) {
        assertEquals(bids.size(), b.bidLevels(), where);
        assertEquals(asks.size(), b.askLevels(), where);
        int i = 0;
        for (Map.Entry<Long, Long> e : bids.entrySet()) {
            assertEquals(e.getKey(), b.bidPriceTicks(i), where);
            assertEquals(e.getValue(), b.bidQtyLots(i), where);
            assertEquals(e.getValue(), b.bidQtyAt(e.getKey()), where);
            i++;
        }
        i = 0;
        for (Map.Entry<Long, Long> e : asks.entrySet()) {
            assertEquals(e.getKey(), b.askPriceTicks(i), where);
            assertEquals(e.getValue(), b.askQtyLots(i), where);
            assertEquals(e.getValue(), b.askQtyAt(e.getKey()), where);
            i++;
        }
        assertEquals(bids.isEmpty() ? BookView.NO_PRICE : bids.firstKey(), b.bestBidTicks(), where);
        assertEquals(asks.isEmpty() ? BookView.NO_PRICE : asks.firstKey(), b.bestAskTicks(), where);
    }

    @Test
    void replaceDropsEveryOldLevelAndAcceptsLargeSnapshots() {
        L2Book b = new L2Book();
        for (long px = 1; px <= 10; px++) {
            b.setLevel(BookSide.BID, px, px);
            b.setLevel(BookSide.ASK, 1_000 + px, px);
        }
        List<PriceLevel> bids = new ArrayList<>();
        List<PriceLevel> asks = new ArrayList<>();
        for (long px = 200; px < 400; px++) { // 200 levels: beyond the initial capacity of 64
            bids.add(new PriceLevel(px, px % 7 + 1));
            asks.add(new PriceLevel(px + 500, px % 5 + 1));
        }
        Collections.shuffle(bids, new Random(1));
        b.replace(bids, asks);
        assertEquals(200, b.bidLevels());
        assertEquals(200, b.askLevels());
        assertEquals(399, b.bestBidTicks());
        assertEquals(700, b.bestAskTicks());
        assertEquals(0, b.bidQtyAt(5), "old level gone");
        assertEquals(0, b.askQtyAt(1_005), "old level gone");
        assertEquals(250 % 7 + 1, b.bidQtyAt(250));
        b.replace(List.of(), List.of(new PriceLevel(9, 9)));
        assertEquals(0, b.bidLevels());
        assertEquals(9, b.bestAskTicks());
    }

    @Test
    void bboIsAFallbackPerSideNeverALadderLevel() {
        L2Book b = new L2Book();
        b.onBbo(98, 3, 104, 4);
        assertTrue(b.hasBbo());
        assertEquals(0, b.bidLevels());
        assertEquals(98, b.bestBidTicks());
        assertEquals(104, b.bestAskTicks());
        assertEquals(101, b.midTicks());
        b.setLevel(BookSide.ASK, 103, 1);
        assertEquals(103, b.bestAskTicks(), "ladder first");
        assertEquals(98, b.bestBidTicks(), "bid side still falls back");
        assertEquals(0, b.bidQtyAt(98));
    }

    @Test
    void tradesTrackLastPrintAndCount() {
        L2Book b = new L2Book();
        b.onTrade(Side.SELL, 100, 2);
        b.onTrade(Side.SELL, 99, 1);
        b.onTrade(Side.SELL, 98, 4);
        assertEquals(-1, b.lastTradeAggressorSign());
        b.onTrade(Side.BUY, 101, 1);
        assertEquals(4, b.tradeCount());
        assertEquals(101, b.lastTradePriceTicks());
        assertEquals(1, b.lastTradeQtyLots());
    }

    @Test
    void copyIsIndependentBothWays() {
        L2Book b = new L2Book();
        b.setLevel(BookSide.BID, 100, 5);
        b.onTrade(Side.BUY, 100, 1);
        L2Book c = b.copy();
        b.setLevel(BookSide.BID, 100, 6);
        b.setLevel(BookSide.ASK, 101, 1);
        b.onBbo(1, 1, 2, 2);
        assertEquals(5, c.bidQtyAt(100));
        assertEquals(0, c.askLevels());
        assertFalse(c.hasBbo());
        c.setLevel(BookSide.BID, 100, 0);
        assertEquals(6, b.bidQtyAt(100));
    }

    @Test
    void digestOfABookDependsOnLevelsNotOnTheirInsertionOrder() {
        L2Book a = new L2Book();
        L2Book z = new L2Book();
        List<Long> prices = new ArrayList<>();
        for (long px = 1; px <= 150; px++) {
            prices.add(px);
        }
        for (long px : prices) {
            a.setLevel(BookSide.BID, px, px * 3);
        }
        Collections.shuffle(prices, new Random(99));
        for (long px : prices) {
            z.setLevel(BookSide.BID, px + 1_000, 1); // extra levels, then removed: a larger array behind
            z.setLevel(BookSide.BID, px, px * 3);
        }
        for (long px : prices) {
            z.setLevel(BookSide.BID, px + 1_000, 0);
        }
        assertEquals(digest(a), digest(z));
        z.setLevel(BookSide.BID, 77, 77 * 3 + 1); // one lot more
        assertFalse(digest(a).equals(digest(z)), "a one-lot difference changes the digest");
    }

    private static String digest(L2Book b) {
        CanonicalEncoder enc = new CanonicalEncoder();
        b.encode(enc);
        return enc.finishHex();
    }
}

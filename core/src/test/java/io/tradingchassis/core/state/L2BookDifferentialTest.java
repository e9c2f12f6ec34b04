package io.tradingchassis.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.PriceLevel;
import io.tradingchassis.core.view.BookView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The chunked {@link Ladder} behind {@link L2Book} (issue #11) answers every {@link BookView} query
 * exactly as a sorted map of the same levels would, through inserts, updates, removals (present and
 * absent), snapshots and copies, on books from a handful of levels to thousands (many chunk splits and
 * emptied chunks). Seeded: the seed is in the message.
 */
class L2BookDifferentialTest {

    @Test
    void every_query_matches_a_sorted_map_through_random_updates() {
        for (long seed = 1; seed <= 6; seed++) {
            run(seed, seed <= 3 ? 40 : 4_000, 40_000);
        }
    }

    private static void run(long seed, int priceRange, int steps) {
        SplittableRandom rnd = new SplittableRandom(seed);
        L2Book book = new L2Book();
        TreeMap<Long, Long> bids = new TreeMap<>();
        TreeMap<Long, Long> asks = new TreeMap<>();
        for (int step = 0; step < steps; step++) {
            int op = rnd.nextInt(1000);
            if (op == 0) {
                List<PriceLevel> b = levels(rnd, priceRange);
                List<PriceLevel> a = levels(rnd, priceRange);
                book.replace(b, a);
                load(bids, b);
                load(asks, a);
            } else {
                boolean bid = rnd.nextBoolean();
                long px = 1 + rnd.nextInt(priceRange);
                long qty = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(1_000);
                book.setLevel(bid ? BookSide.BID : BookSide.ASK, px, qty);
                TreeMap<Long, Long> side = bid ? bids : asks;
                if (qty == 0) {
                    side.remove(px);
                } else {
                    side.put(px, qty);
                }
            }
            String at = "seed " + seed + " step " + step;
            assertEquals(bids.isEmpty() ? BookView.NO_PRICE : bids.lastKey(), book.bestBidTicks(), at);
            assertEquals(asks.isEmpty() ? BookView.NO_PRICE : asks.firstKey(), book.bestAskTicks(), at);
            assertEquals(bids.size(), book.bidLevels(), at);
            assertEquals(asks.size(), book.askLevels(), at);
            long probe = 1 + rnd.nextInt(priceRange);
            assertEquals(bids.getOrDefault(probe, 0L), book.bidQtyAt(probe), at);
            assertEquals(asks.getOrDefault(probe, 0L), book.askQtyAt(probe), at);
            if (step % 997 == 0 || step == steps - 1) {
                assertSameLevels(bids.descendingMap(), book, true, at);
                assertSameLevels(asks, book, false, at);
                L2Book copy = book.copy();
                assertSameLevels(bids.descendingMap(), copy, true, at + " (copy)");
                assertSameLevels(asks, copy, false, at + " (copy)");
                assertEquals(reference(bids, asks), encoding(book), at);
                assertEquals(encoding(book), encoding(copy), at);
            }
        }
        assertTrue(bids.size() + asks.size() > 0, "seed " + seed + " left an empty book");
    }

    private static void assertSameLevels(NavigableMap<Long, Long> bestFirst, L2Book book, boolean bid, String at) {
        int level = 0;
        for (Map.Entry<Long, Long> e : bestFirst.entrySet()) {
            assertEquals(e.getKey(), bid ? book.bidPriceTicks(level) : book.askPriceTicks(level), at + " level " + level);
            assertEquals(e.getValue(), bid ? book.bidQtyLots(level) : book.askQtyLots(level), at + " level " + level);
            level++;
        }
    }

    private static List<PriceLevel> levels(SplittableRandom rnd, int priceRange) {
        TreeMap<Long, Long> m = new TreeMap<>();
        int n = rnd.nextInt(Math.min(priceRange, 2_500));
        for (int i = 0; i < n; i++) {
            m.put(1L + rnd.nextInt(priceRange), 1L + rnd.nextInt(1_000));
        }
        List<PriceLevel> out = new ArrayList<>();
        m.forEach((p, q) -> out.add(new PriceLevel(p, q)));
        Collections.shuffle(out, new Random(rnd.nextLong()));
        return out;
    }

    private static void load(TreeMap<Long, Long> side, List<PriceLevel> levels) {
        side.clear();
        for (PriceLevel l : levels) {
            side.put(l.priceTicks(), l.qtyLots());
        }
    }

    private static String encoding(L2Book book) {
        CanonicalEncoder enc = new CanonicalEncoder();
        book.encode(enc);
        return enc.finishHex();
    }

    /** The book's canonical encoding (State encoding version 2) written from the maps: best level first. */
    private static String reference(TreeMap<Long, Long> bids, TreeMap<Long, Long> asks) {
        CanonicalEncoder enc = new CanonicalEncoder();
        enc.tag('B').writeLong(bids.size());
        bids.descendingMap().forEach((p, q) -> enc.writeLong(p).writeLong(q));
        enc.tag('A').writeLong(asks.size());
        asks.forEach((p, q) -> enc.writeLong(p).writeLong(q));
        enc.tag('T').writeLong(BookView.NO_PRICE).writeLong(0).writeLong(0).writeLong(0);
        enc.tag('O').writeBoolean(false).writeLong(0).writeLong(0).writeLong(0).writeLong(0);
        return enc.finishHex();
    }
}

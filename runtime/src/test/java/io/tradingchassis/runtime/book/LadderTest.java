package io.tradingchassis.runtime.book;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The venue's ladder against a sorted map (STYLE habit 4: a naive reference on seeded random updates). */
class LadderTest {

    @Test
    void bidsAndAsksAgreeWithASortedMapOnSeededRandomUpdates() {
        for (long seed = 1; seed <= 20; seed++) {
            Random rnd = new Random(seed);
            for (boolean bid : new boolean[] {true, false}) {
                Ladder l = new Ladder(bid);
                TreeMap<Long, Long> ref = new TreeMap<>();
                for (int i = 0; i < 3_000; i++) {
                    long px = 1 + rnd.nextInt(80);
                    long q = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(50);
                    l.set(px, q);
                    if (q > 0) {
                        ref.put(px, q);
                    } else {
                        ref.remove(px);
                    }
                    if (rnd.nextInt(500) == 0) {
                        l.clear();
                        ref.clear();
                    }
                    String where = "seed " + seed + " bid=" + bid + " step " + i;
                    assertEquals(ref.size(), l.count(), where);
                    int level = 0;
                    for (var e : (bid ? ref.descendingMap() : ref).entrySet()) {
                        assertEquals(e.getKey(), l.price(level), where);
                        assertEquals(e.getValue(), l.qty(level), where);
                        level++;
                    }
                    long none = bid ? Long.MIN_VALUE : Long.MAX_VALUE; // the venue passes its own "no price" values
                    assertEquals(ref.isEmpty() ? none : bid ? ref.lastKey() : ref.firstKey(), l.best(none), where);
                    assertEquals(ref.getOrDefault(px, 0L), l.qtyAt(px), where);
                }
            }
        }
    }

    /**
     * Removed levels leave tombstones that later levels reuse and a compaction drops; levels by rank are
     * found from a cursor. A drifting market (the top removed again and again, levels created and removed
     * all over the depth) against a sorted map, with levels read by rank in random order and in walks.
     */
    @Test
    void tombstonesAndTheRankCursorAgreeWithASortedMapOnADriftingBook() {
        for (long seed = 1; seed <= 6; seed++) {
            Random rnd = new Random(seed);
            for (boolean bid : new boolean[] {true, false}) {
                Ladder l = new Ladder(bid);
                TreeMap<Long, Long> ref = new TreeMap<>();
                long mid = 10_000;
                for (int i = 0; i < 6_000; i++) {
                    mid += rnd.nextInt(3) - 1;
                    long px = mid + (bid ? -1 : 1) * rnd.nextInt(rnd.nextBoolean() ? 8 : 400);
                    if (rnd.nextInt(10) == 0 && !ref.isEmpty()) {
                        px = bid ? ref.lastKey() : ref.firstKey(); // the top goes
                    }
                    long q = rnd.nextInt(3) == 0 ? 0 : 1 + rnd.nextInt(50);
                    l.set(px, q);
                    if (q > 0) {
                        ref.put(px, q);
                    } else {
                        ref.remove(px);
                    }
                    String where = "seed " + seed + " bid=" + bid + " step " + i;
                    assertEquals(ref.size(), l.count(), where);
                    List<Long> prices = new ArrayList<>((bid ? ref.descendingMap() : ref).keySet());
                    for (int k = 0; k < 5 && !prices.isEmpty(); k++) {
                        int rank = rnd.nextInt(prices.size());
                        assertEquals(prices.get(rank), l.price(rank), where + " rank " + rank);
                        assertEquals(ref.get(prices.get(rank)), l.qty(rank), where + " rank " + rank);
                    }
                    for (int rank = 0; rank < Math.min(prices.size(), 30); rank++) {
                        assertEquals(prices.get(rank), l.price(rank), where + " walk " + rank);
                    }
                    assertEquals(ref.isEmpty() ? -1 : bid ? ref.lastKey() : ref.firstKey(), l.best(-1), where);
                    assertEquals(ref.getOrDefault(px, 0L), l.qtyAt(px), where);
                }
            }
        }
    }
}

package io.tradingchassis.runtime.book;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}

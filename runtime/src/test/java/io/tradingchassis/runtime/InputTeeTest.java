package io.tradingchassis.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.event.Event;
import io.tradingchassis.runtime.backtest.SyntheticMarket;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link InputTee}: each view delivers the whole source in order, at its own pace, reading the source once. */
class InputTeeTest {

    private static List<Event> all(InputSource s) {
        List<Event> out = new ArrayList<>();
        while (s.peekLocalTsNs() != InputSource.EXHAUSTED) {
            out.add(s.poll());
        }
        return out;
    }

    @Test
    void bothViewsDeliverEverySourceEventInOrderWhateverTheInterleaving() {
        List<Event> expected = all(new SyntheticMarket(3, 5_000, 0, 1_000, 10_000));
        for (long seed = 0; seed < 20; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            InputTee tee = new InputTee(new SyntheticMarket(3, 5_000, 0, 1_000, 10_000));
            InputSource[] views = {tee.first(), tee.second()};
            List<List<Event>> got = List.of(new ArrayList<>(), new ArrayList<>());
            int maxDrift = 0;
            while (views[0].peekLocalTsNs() != InputSource.EXHAUSTED || views[1].peekLocalTsNs() != InputSource.EXHAUSTED) {
                int v = r.nextInt(2);
                int burst = 1 + r.nextInt(seed % 2 == 0 ? 3 : 200); // close together, or far apart
                for (int i = 0; i < burst && views[v].peekLocalTsNs() != InputSource.EXHAUSTED; i++) {
                    long ts = views[v].peekLocalTsNs();
                    Event e = views[v].poll();
                    assertEquals(ts, e.localTsNs(), "peek announces the event poll returns");
                    got.get(v).add(e);
                }
                maxDrift = Math.max(maxDrift, Math.abs(got.get(0).size() - got.get(1).size()));
                assertEquals(Math.abs(got.get(0).size() - got.get(1).size()), tee.buffered(),
                        "only the events between the two views are kept");
            }
            for (List<Event> g : got) {
                assertEquals(expected, g, "seed " + seed);
            }
            for (int i = 0; i < expected.size(); i++) {
                assertSame(got.get(0).get(i), got.get(1).get(i), "decoded once: the views share the event objects");
            }
            assertEquals(0, tee.buffered());
            assertTrue(maxDrift > 0);
        }
    }

    @Test
    void aViewThatIsNeverReadKeepsWhatTheOtherTook() {
        InputTee tee = new InputTee(new SyntheticMarket(5, 1_000, 0, 1_000, 10_000));
        List<Event> first = all(tee.first());
        assertEquals(first.size(), tee.buffered());
        assertEquals(first, all(tee.second()));
        assertEquals(0, tee.buffered());
    }
}

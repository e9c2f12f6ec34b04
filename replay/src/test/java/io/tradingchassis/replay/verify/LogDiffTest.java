package io.tradingchassis.replay.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.replay.log.GoldenLogReader;
import io.tradingchassis.replay.log.LogFixtures;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code diff} (SPEC §13): the first divergent position, both events and the State paths that differ. */
class LogDiffTest {

    /** The position and order of the first fill of more than one lot in {@code log}. */
    static long[] firstMultiLotFill(Path log) throws IOException {
        try (GoldenLogReader r = GoldenLogReader.open(log)) {
            while (r.next()) {
                if (r.kind() == GoldenLogReader.Kind.ENTRY && r.event() instanceof OrderFilled f && f.fillQtyLots() > 1) {
                    return new long[] {r.position(), f.orderId(), f.fillQtyLots()};
                }
            }
        }
        throw new AssertionError("the fixture has no fill of more than one lot");
    }

    static OrderFilled lessBy1(OrderFilled f) {
        return new OrderFilled(f.exchTsNs(), f.localTsNs(), f.orderId(), f.fillQtyLots() - 1, f.fillPriceTicks(),
                f.leavesLots() + 1, f.liquidity());
    }

    @Test
    void aSingleChangedFillQuantityIsFoundAtItsPositionWithThePathsItChanged(@TempDir Path tmp) throws IOException {
        Path a = LogFixtures.record(tmp.resolve("a.tcgl"), 400, 100);
        long[] fill = firstMultiLotFill(a);
        Path b = tmp.resolve("b.tcgl");
        LogFixtures.rewrite(a, b, (p, e) -> p == fill[0] ? lessBy1((OrderFilled) e) : e);

        LogDiff.Result r = LogDiff.compare(a, b, StrategyCatalog.standard());
        assertFalse(r.equal());
        assertEquals(fill[0], r.position());
        assertEquals(fill[0], r.entries(), "every entry before it is equal");
        assertEquals(fill[2], ((OrderFilled) r.eventA()).fillQtyLots());
        assertEquals(fill[2] - 1, ((OrderFilled) r.eventB()).fillQtyLots());
        StateTree.Difference lots = r.differences().stream()
                .filter(d -> d.path().equals("execution.positions[0].lots")).findFirst().orElse(null);
        assertNotNull(lots, "the position differs: " + r.differences());
        assertEquals(1, Math.abs(Long.parseLong(lots.left()) - Long.parseLong(lots.right())), lots.toString());
        boolean orderPath = r.differences().stream().anyMatch(d -> d.path().startsWith("execution.orders[" + fill[1]
                + "]."));
        boolean retired = r.differences().stream().noneMatch(d -> d.path().startsWith("execution.orders["));
        assertTrue(orderPath || retired, "the order's own paths, when it is still held: " + r.differences());
        assertTrue(r.differences().stream().allMatch(d -> d.path().startsWith("execution.")),
                "only execution state differs: " + r.differences());
    }

    @Test
    void aLogEqualsItselfAndItsYamlForm(@TempDir Path tmp) throws IOException {
        Path a = LogFixtures.record(tmp.resolve("a.tcgl"), 200, 50);
        Path b = LogFixtures.record(tmp.resolve("b.tcgl"), 200, 50);
        LogDiff.Result r = LogDiff.compare(a, b, StrategyCatalog.standard());
        assertTrue(r.equal(), String.valueOf(r));
        assertTrue(r.entries() > 200);
    }

    @Test
    void aShorterLogDiffersWhereItEnds(@TempDir Path tmp) throws IOException {
        Path a = LogFixtures.record(tmp.resolve("a.tcgl"), 200, 50);
        Path b = tmp.resolve("b.tcgl");
        LogFixtures.rewrite(a, b, (p, e) -> p >= 150 ? (Event) null : e);
        LogDiff.Result r = LogDiff.compare(a, b, StrategyCatalog.standard());
        assertFalse(r.equal());
        assertEquals(150, r.position());
        assertNotNull(r.eventA());
        assertEquals(null, r.eventB());
    }
}

package io.tradingchassis.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventStreamEntry;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.core.step.Harness;
import io.tradingchassis.core.step.RandomStreams;
import io.tradingchassis.core.view.OrderStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * SPEC §4: State has an exact snapshot (a value copy) and a digest of its canonical encoding that is
 * independent of insertion history of unordered containers, yet changes with any content change.
 */
class StateDigestTest {

    private static final long SEED = 0xD16E57L;
    private static final int COUNT = 3_000;
    private static final int[] SNAPSHOT_AT = {0, 1, 99, 777, 1_500, 2_999};

    private static final CoreConfiguration CFG = RandomStreams.config();

    @Test
    void digestHasTheSha256FormatAndFreshStatesAgree() {
        String d = new State().digest();
        assertTrue(d.matches("sha256:[0-9a-f]{64}"), d);
        assertEquals(d, new State().digest());
        assertEquals(d, new State().snapshot().digest());
    }

    // ================================================================== (b) snapshot

    @Test
    void snapshotDigestEqualsDigestAtSeveralPositions() {
        List<EventStreamEntry> stream = RandomStreams.generate(SEED, COUNT);
        State s = new State();
        CoreEngine engine = new CoreEngine();
        int next = 0;
        for (int at : SNAPSHOT_AT) {
            engine.foldEventStreamEntries(s, stream.subList(next, at + 1), CFG);
            next = at + 1;
            State snap = s.snapshot();
            assertEquals(s.digest(), snap.digest(), "seed " + SEED + " position " + at);
            assertEquals(at, snap.lastPosition());
        }
    }

    @Test
    void mutatingTheOriginalAfterASnapshotDoesNotChangeTheSnapshot() {
        List<EventStreamEntry> stream = RandomStreams.generate(SEED, COUNT);
        for (int at : SNAPSHOT_AT) {
            if (at == COUNT - 1) {
                continue;
            }
            State original = new State();
            CoreEngine engine = new CoreEngine();
            engine.foldEventStreamEntries(original, stream.subList(0, at + 1), CFG);
            State snap = original.snapshot();
            String frozen = snap.digest();
            engine.foldEventStreamEntries(original, stream.subList(at + 1, COUNT), CFG);
            assertNotEquals(frozen, original.digest(), "the original moved on");
            assertEquals(frozen, snap.digest(), "seed " + SEED + ": snapshot at " + at + " changed with the original");
        }
    }

    @Test
    void mutatingTheSnapshotDoesNotChangeTheOriginalAndARestoredSnapshotReplaysToTheSameEnd() {
        List<EventStreamEntry> stream = RandomStreams.generate(SEED, COUNT);
        State straight = new State();
        new CoreEngine().foldEventStreamEntries(straight, stream, CFG);
        for (int at : SNAPSHOT_AT) {
            if (at == COUNT - 1) {
                continue;
            }
            State original = new State();
            new CoreEngine().foldEventStreamEntries(original, stream.subList(0, at + 1), CFG);
            String frozen = original.digest();
            State snap = original.snapshot();
            new CoreEngine().foldEventStreamEntries(snap, stream.subList(at + 1, COUNT), CFG);
            assertEquals(frozen, original.digest(), "seed " + SEED + ": original changed through its snapshot at " + at);
            assertEquals(straight.digest(), snap.digest(), "restore-from-snapshot at " + at + " diverged");
        }
    }

    @Test
    void snapshotIsADeepCopyOfEveryDomain() {
        Harness h = new Harness();
        h.apply(h.delta(0, BookSide.BID, 100, 5));
        h.acceptedOrder(1, 0, Side.BUY, 100, 10);
        h.apply(h.filled(1, 4, 100, 6));
        h.apply(h.feedGap(1));
        State original = h.state;
        State snap = original.snapshot();
        String frozen = snap.digest();

        // Mutate the original directly, one domain at a time; the snapshot must never move.
        original.market().book(0).setLevel(BookSide.BID, 100, 6);
        assertEquals(frozen, snap.digest(), "L2Book shared");
        original.execution().orders().get(1).fill(1, 5);
        assertEquals(frozen, snap.digest(), "Order shared");
        original.execution().orders().transition(original.execution().orders().get(1), OrderStatus.CANCELLED);
        assertEquals(frozen, snap.digest(), "Order status shared");
        original.execution().positions().applyFill(0, 1, 1, 100);
        assertEquals(frozen, snap.digest(), "position arrays shared");
        original.control().feedGap(1, false);
        assertEquals(frozen, snap.digest(), "feed-gap array shared");
        original.control().observe(Long.MAX_VALUE);
        original.lastPosition(999);
        assertEquals(frozen, snap.digest());
        assertEquals(OrderStatus.PARTIALLY_FILLED, snap.execution().orders().get(1).status());
        assertEquals(1, snap.execution().orders().liveCount(), "live index of the copy is its own");

        // and the other way round
        State original2 = snap.snapshot();
        String frozen2 = original2.digest();
        snap.market().book(0).setLevel(BookSide.ASK, 101, 1);
        snap.execution().orders().get(1).replace(99, 12);
        snap.control().killSwitch(true);
        assertEquals(frozen2, original2.digest());
    }

    // ================================================================== (c) insertion history

    @Test
    void bookLevelsInsertedInDifferentOrdersGiveEqualDigests() {
        List<Long> prices = new ArrayList<>();
        for (long px = 100; px < 180; px++) {
            prices.add(px);
        }
        Harness a = new Harness();
        for (long px : prices) {
            a.apply(a.delta(0, BookSide.BID, px, px % 13 + 1));
        }
        List<Long> shuffled = new ArrayList<>(prices);
        Collections.shuffle(shuffled, new Random(5));
        Harness b = new Harness();
        for (long px : shuffled) {
            b.apply(b.delta(0, BookSide.BID, px, px % 13 + 1));
        }
        assertEquals(a.state.digest(), b.state.digest(), "same ladder, different insertion order");

        // one lot more on one level: different content, different digest
        Harness c = new Harness();
        for (long px : shuffled) {
            c.apply(c.delta(0, BookSide.BID, px, px % 13 + 1 + (px == 150 ? 1 : 0)));
        }
        assertNotEquals(a.state.digest(), c.state.digest());
    }

    @Test
    void levelsAddedAndRemovedLeaveNoTraceInTheDigest() {
        Harness a = new Harness();
        Harness b = new Harness();
        // Same number of entries (same positions and timestamps), same final ladder, different paths.
        Event[] pathA = {a.delta(1, BookSide.ASK, 105, 5), a.delta(1, BookSide.ASK, 106, 6),
            a.delta(1, BookSide.ASK, 105, 5), a.delta(1, BookSide.ASK, 106, 6)};
        Event[] pathB = {b.delta(1, BookSide.ASK, 110, 1), b.delta(1, BookSide.ASK, 106, 6),
            b.delta(1, BookSide.ASK, 110, 0), b.delta(1, BookSide.ASK, 105, 5)};
        a.applyAll(pathA);
        b.applyAll(pathB);
        assertEquals(a.state.digest(), b.state.digest());
    }

    @Test
    void aBookEmptiedAgainEncodesLikeABookNeverTouched() {
        // Same positions, control time and decision counter; the streams create and empty the books of
        // different instruments (slot 1 only exists in a's MarketState).
        Harness a = new Harness();
        Harness b = new Harness();
        a.applyAll(a.delta(1, BookSide.BID, 100, 5), a.delta(1, BookSide.BID, 100, 0));
        b.applyAll(b.delta(0, BookSide.ASK, 200, 7), b.delta(0, BookSide.ASK, 200, 0));
        assertEquals(a.state.digest(), b.state.digest());
        a.apply(a.delta(1, BookSide.BID, 100, 5));
        b.apply(b.delta(1, BookSide.BID, 100, 4));
        assertNotEquals(a.state.digest(), b.state.digest());
    }

    @Test
    void ordersAddedInDifferentOrdersGiveEqualDigests() {
        // Built through the domain API so the Orders are identical (same submittedAtPosition) and only
        // the hash-map insertion history differs: ids spread widely to force collisions and resizes.
        Random r = new Random(11);
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            long id = i % 3 == 0 ? r.nextLong() : (long) i << 32 | i;
            Order o = new Order().init(id, i % 2, i % 5 == 0 ? Side.SELL : Side.BUY, 90 + i % 20, 1 + i % 9, i);
            if (i % 4 == 0) {
                o.status(OrderStatus.ACCEPTED);
            }
            orders.add(o);
        }
        State a = stateWith(orders);
        List<Order> reversed = new ArrayList<>(orders);
        Collections.reverse(reversed);
        State b = stateWith(reversed);
        List<Order> shuffled = new ArrayList<>(orders);
        Collections.shuffle(shuffled, new Random(3));
        State c = stateWith(shuffled);
        assertEquals(a.digest(), b.digest());
        assertEquals(a.digest(), c.digest());
        assertEquals(a.digest(), a.snapshot().digest());

        List<Order> oneLotMore = new ArrayList<>(orders);
        Order changed = oneLotMore.get(300).copy();
        changed.fill(1, changed.leavesLots() - 1);
        oneLotMore.set(300, changed);
        assertNotEquals(a.digest(), stateWith(oneLotMore).digest(), "one lot filled changes the digest");
    }

    private static State stateWith(List<Order> orders) {
        State s = new State();
        for (Order o : orders) {
            Order n = s.execution().orders().submit(o.orderId(), o.instrument(), o.side(), o.priceTicks(),
                    o.qtyLots(), o.submittedAtPosition());
            n.status(o.status());
            n.fill(o.filledLots(), o.leavesLots());
        }
        return s;
    }

    @Test
    void positionsTouchedInDifferentOrdersGiveEqualDigests() {
        State a = new State();
        a.execution().positions().applyFill(0, 1, 3, 100);
        a.execution().positions().applyFill(1, -1, 2, 50);
        a.execution().positions().applyFill(2, 1, 1, 10);
        State b = new State();
        b.execution().positions().applyFill(2, 1, 1, 10); // grows the arrays to 3 first, not 1, 2, 4
        b.execution().positions().applyFill(0, 1, 3, 100);
        b.execution().positions().applyFill(1, -1, 2, 50);
        assertEquals(a.digest(), b.digest());
        b.execution().positions().applyFill(1, 1, 1, 50); // one lot back
        assertNotEquals(a.digest(), b.digest());
    }

    @Test
    void aClearedFeedGapLeavesNoTraceInTheDigest() {
        State a = new State();
        State b = new State();
        b.control().feedGap(5, true);
        b.control().feedGap(5, false);
        assertEquals(a.digest(), b.digest());
        b.control().feedGap(0, true);
        assertNotEquals(a.digest(), b.digest());
    }

    @Test
    void everyDomainAndThePositionReachTheDigest() {
        String base = new State().digest();
        State s = new State();
        s.market().book(0).setLevel(BookSide.BID, 1, 1);
        assertNotEquals(base, s.digest(), "market");
        s = new State();
        s.execution().orders().submit(1, 0, Side.BUY, 1, 1, 0);
        assertNotEquals(base, s.digest(), "execution");
        s = new State();
        s.control().killSwitch(true);
        assertNotEquals(base, s.digest(), "control");
        s = new State();
        s.lastPosition(0);
        assertNotEquals(base, s.digest(), "position");
    }
}

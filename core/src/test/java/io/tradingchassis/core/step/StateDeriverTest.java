package io.tradingchassis.core.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.ConfigurationActivated;
import io.tradingchassis.core.event.ControlTime;
import io.tradingchassis.core.event.ControlTimeReason;
import io.tradingchassis.core.event.DispatchFailed;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventStreamEntry;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.event.OrderCancelled;
import io.tradingchassis.core.event.OrderCommand;
import io.tradingchassis.core.event.OrderExpired;
import io.tradingchassis.core.event.OrderRejected;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.PriceLevel;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.intent.IntentSink;
import io.tradingchassis.core.state.Invariant;
import io.tradingchassis.core.state.InvariantViolation;
import io.tradingchassis.core.state.L2Book;
import io.tradingchassis.core.state.Order;
import io.tradingchassis.core.state.Orders;
import io.tradingchassis.core.strategy.Strategy;
import io.tradingchassis.core.testkit.TestStrategies;
import io.tradingchassis.core.view.BookView;
import io.tradingchassis.core.view.OrderStatus;
import io.tradingchassis.core.view.StrategyView;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * State derivation (SPEC §5 step 2), one event type at a time, through {@link CoreEngine} with the
 * default strategy ("none"), so the pipeline adds nothing and each test isolates the deriver. Only the
 * dispatch-record tests install a Strategy (through the public provider path), because a
 * {@code DispatchFailed} needs a dispatch the core made and has not seen recorded.
 */
class StateDeriverTest {

    private final Harness h = new Harness();

    // ================================================================== coverage of every EventType

    @Test
    void everyEventTypeIsDerivedAndAdvancesControlTimeAndPosition() {
        // One valid sample per type; a new EventType without a sample fails here.
        Map<EventType, Consumer<Harness>> samples = new EnumMap<>(EventType.class);
        samples.put(EventType.BOOK_DELTA, x -> x.apply(x.delta(0, BookSide.BID, 100, 5)));
        samples.put(EventType.BOOK_SNAPSHOT, x -> x.apply(x.snapshot(0, List.of(new PriceLevel(99, 1)),
                List.of(new PriceLevel(101, 1)))));
        samples.put(EventType.TRADE, x -> x.apply(x.trade(0, Side.BUY, 100, 1)));
        samples.put(EventType.BBO, x -> x.apply(x.bbo(0, 99, 1, 101, 1)));
        samples.put(EventType.ORDER_SUBMITTED, x -> x.apply(x.submitNew(7, 0, Side.BUY, 100, 1)));
        samples.put(EventType.ORDER_ACCEPTED, x -> {
            x.apply(x.submitNew(7, 0, Side.BUY, 100, 1));
            x.apply(x.accepted(7));
        });
        samples.put(EventType.ORDER_REJECTED, x -> {
            x.apply(x.submitNew(7, 0, Side.BUY, 100, 1));
            x.apply(x.rejected(7));
        });
        samples.put(EventType.ORDER_FILLED, x -> {
            x.acceptedOrder(7, 0, Side.BUY, 100, 1);
            x.apply(x.filled(7, 1, 100, 0));
        });
        samples.put(EventType.ORDER_CANCELLED, x -> {
            x.acceptedOrder(7, 0, Side.BUY, 100, 1);
            x.apply(x.cancelled(7));
        });
        samples.put(EventType.ORDER_REPLACED, x -> {
            x.acceptedOrder(7, 0, Side.BUY, 100, 1);
            x.apply(x.submitReplace(7, 101, 2));
            x.apply(x.replaced(7, 101, 2));
        });
        samples.put(EventType.ORDER_EXPIRED, x -> {
            x.apply(x.submitNew(7, 0, Side.BUY, 100, 1));
            x.apply(new OrderExpired(x.tick(), x.clock(), 7));
        });
        // A DispatchFailed needs an unrecorded dispatch, so its sample runs on dispatchedNew() (a Strategy).
        samples.put(EventType.DISPATCH_FAILED, x -> x.apply(x.dispatchFailed(OneNew.KEY)));
        samples.put(EventType.SESSION_START, x -> x.apply(x.sessionStart()));
        samples.put(EventType.KILL_SWITCH, x -> x.apply(x.killSwitch(true)));
        samples.put(EventType.CONFIGURATION_ACTIVATED, x -> x.apply(x.configurationActivated(x.cfg.fingerprint())));
        samples.put(EventType.FEED_GAP, x -> x.apply(x.feedGap(1)));
        samples.put(EventType.CONTROL_TIME, x -> x.apply(x.controlTime(x.clock() + 5_000)));

        for (EventType t : EventType.values()) {
            Consumer<Harness> sample = samples.get(t);
            assertNotNull(sample, "no sample for " + t);
            Harness x = t == EventType.DISPATCH_FAILED ? dispatchedNew() : new Harness();
            long before = x.state.lastPosition();
            sample.accept(x);
            assertEquals(x.clock(), x.state.control().controlTimeNs(), t + ": control time = max(localTsNs)");
            assertTrue(x.state.lastPosition() > before, t + ": position recorded");
        }
    }

    // ================================================================== BookDelta (L2 totals)

    @Test
    void bookDeltaInsertsALevelWithItsTotal() {
        StepResult r = h.apply(h.delta(0, BookSide.BID, 100, 5));
        L2Book b = h.book(0);
        assertEquals(1, b.bidLevels());
        assertEquals(100, b.bestBidTicks());
        assertEquals(5, b.bidQtyAt(100));
        assertEquals(0, b.askLevels());
        assertEquals(0, r.position());
        assertEquals(EventType.BOOK_DELTA, r.eventType());
        assertEquals(0, r.transitionCount());
        assertNull(h.book(1), "instrument 1 untouched");
    }

    @Test
    void bookDeltaUpdateReplacesTheTotalItDoesNotAdd() {
        h.apply(h.delta(0, BookSide.ASK, 105, 5));
        h.apply(h.delta(0, BookSide.ASK, 105, 7));
        L2Book b = h.book(0);
        assertEquals(1, b.askLevels());
        assertEquals(7, b.askQtyAt(105), "L2 semantics: the new total, not 5 + 7");
    }

    @Test
    void bookDeltaWithZeroQuantityRemovesTheLevel() {
        h.apply(h.delta(0, BookSide.BID, 100, 5));
        h.apply(h.delta(0, BookSide.BID, 99, 3));
        h.apply(h.delta(0, BookSide.BID, 100, 0));
        L2Book b = h.book(0);
        assertEquals(1, b.bidLevels());
        assertEquals(99, b.bestBidTicks(), "next level becomes best");
        assertEquals(0, b.bidQtyAt(100));
        h.apply(h.delta(0, BookSide.BID, 99, 0));
        assertEquals(0, b.bidLevels());
        assertEquals(BookView.NO_PRICE, b.bestBidTicks());
    }

    @Test
    void bookDeltaRemovingAnAbsentLevelIsANoOpOnTheLadder() {
        h.apply(h.delta(0, BookSide.BID, 100, 5));
        h.apply(h.delta(0, BookSide.ASK, 110, 2));
        h.apply(h.delta(0, BookSide.BID, 98, 0)); // never existed
        h.apply(h.delta(0, BookSide.ASK, 111, 0)); // never existed
        L2Book b = h.book(0);
        assertEquals(1, b.bidLevels());
        assertEquals(1, b.askLevels());
        assertEquals(5, b.bidQtyAt(100));
        assertEquals(2, b.askQtyAt(110));
        assertEquals(3, h.state.lastPosition(), "still a processed entry");
    }

    @Test
    void bookDeltaRemovingALevelOfAnUntouchedInstrumentIsAccepted() {
        h.apply(h.delta(1, BookSide.ASK, 50, 0));
        assertEquals(0, h.state.lastPosition());
        assertEquals(0, h.book(1).askLevels());
    }

    @Test
    void bookDeltaKeepsBidsBestHighestAndAsksBestLowest() {
        for (long px : new long[] {97, 100, 95, 99}) {
            h.apply(h.delta(0, BookSide.BID, px, px - 90));
        }
        for (long px : new long[] {104, 101, 106, 102}) {
            h.apply(h.delta(0, BookSide.ASK, px, px - 100));
        }
        L2Book b = h.book(0);
        assertEquals(List.of(100L, 99L, 97L, 95L), bids(b));
        assertEquals(List.of(101L, 102L, 104L, 106L), asks(b));
        assertEquals(10, b.bidQtyLots(0));
        assertEquals(1, b.askQtyLots(0));
        assertEquals(100, b.midTicks(), "floor((100 + 101) / 2)");
    }

    @Test
    void bookDeltaNegativeQuantityIsEv1AndLeavesStateUnchanged() {
        h.apply(h.delta(0, BookSide.BID, 100, 5));
        InvariantViolation v = h.violates(Invariant.EV1, h.delta(0, BookSide.BID, 100, -1));
        assertTrue(v.getMessage().contains("qtyLots=-1"), v.getMessage());
        assertEquals(5, h.book(0).bidQtyAt(100));
    }

    @Test
    void bookDeltaNonPositivePriceIsEv1() {
        h.violates(Invariant.EV1, h.delta(0, BookSide.ASK, 0, 5));
        h.violates(Invariant.EV1, h.delta(0, BookSide.ASK, -3, 5));
    }

    @Test
    void bookDeltaNullSideIsEv1() {
        long t = h.tick();
        h.violates(Invariant.EV1, new BookDelta(t, t, 0, null, 100, 5));
    }

    @Test
    void bookDeltaForAnInstrumentTheConfigurationDoesNotDefineIsEv2() {
        h.apply(h.delta(0, BookSide.BID, 100, 5));
        InvariantViolation v = h.violates(Invariant.EV2, h.delta(2, BookSide.BID, 100, 5));
        assertTrue(v.getMessage().contains("instrument=2"), v.getMessage());
        h.violates(Invariant.EV2, h.delta(-1, BookSide.BID, 100, 5));
    }

    @Test
    void afterAViolationTheSamePositionAcceptsAValidEntry() {
        h.apply(h.delta(0, BookSide.BID, 100, 5));
        h.violates(Invariant.EV2, h.delta(9, BookSide.BID, 100, 5));
        StepResult r = h.apply(h.delta(0, BookSide.BID, 101, 1));
        assertEquals(1, r.position());
        assertEquals(101, h.book(0).bestBidTicks());
    }

    // ================================================================== BookSnapshot

    @Test
    void bookSnapshotReplacesTheWholeLadder() {
        h.apply(h.delta(0, BookSide.BID, 90, 5));
        h.apply(h.delta(0, BookSide.ASK, 120, 5));
        h.apply(h.snapshot(0, List.of(new PriceLevel(98, 2), new PriceLevel(99, 3)),
                List.of(new PriceLevel(102, 4), new PriceLevel(101, 1))));
        L2Book b = h.book(0);
        assertEquals(List.of(99L, 98L), bids(b), "old level 90 gone, given in any order, best first");
        assertEquals(List.of(101L, 102L), asks(b), "old level 120 gone");
        assertEquals(3, b.bidQtyAt(99));
        assertEquals(0, b.bidQtyAt(90));
        assertEquals(0, b.askQtyAt(120));
    }

    @Test
    void emptyBookSnapshotClearsTheLadder() {
        h.apply(h.delta(1, BookSide.BID, 90, 5));
        h.apply(h.snapshot(1, List.of(), List.of()));
        assertEquals(0, h.book(1).bidLevels());
        assertEquals(0, h.book(1).askLevels());
    }

    @Test
    void bookSnapshotHealsTheFeedGapOfItsInstrumentOnly() {
        h.apply(h.feedGap(0));
        h.apply(h.feedGap(1));
        assertTrue(h.state.control().feedGap(0));
        assertTrue(h.state.control().feedGap(1));
        h.apply(h.snapshot(0, List.of(new PriceLevel(99, 1)), List.of()));
        assertFalse(h.state.control().feedGap(0), "snapshot heals its instrument's gap");
        assertTrue(h.state.control().feedGap(1), "the other instrument's gap stays");
    }

    @Test
    void bookSnapshotWithAZeroOrNegativeLevelIsEv1() {
        h.apply(h.delta(0, BookSide.BID, 90, 5));
        h.violates(Invariant.EV1, h.snapshot(0, List.of(new PriceLevel(99, 0)), List.of()));
        h.violates(Invariant.EV1, h.snapshot(0, List.of(), List.of(new PriceLevel(101, -2))));
        h.violates(Invariant.EV1, h.snapshot(0, List.of(new PriceLevel(0, 2)), List.of()));
        assertEquals(5, h.book(0).bidQtyAt(90), "ladder untouched");
    }

    @Test
    void bookSnapshotRepeatingAPriceIsEv1() {
        h.apply(h.feedGap(0));
        h.violates(Invariant.EV1, h.snapshot(0, List.of(new PriceLevel(99, 1), new PriceLevel(98, 1),
                new PriceLevel(99, 2)), List.of()));
        assertTrue(h.state.control().feedGap(0), "a refused snapshot heals nothing");
    }

    @Test
    void bookSnapshotForAnUndefinedInstrumentIsEv2() {
        h.violates(Invariant.EV2, h.snapshot(5, List.of(), List.of()));
    }

    // ================================================================== Trade

    @Test
    void tradeRecordsTheLastPrintAndItsAggressorWithoutTouchingTheLadder() {
        // The same-aggressor run is no longer Market State: momentum-taker keeps it in strategy memory.
        h.apply(h.delta(0, BookSide.ASK, 101, 10));
        h.apply(h.trade(0, Side.BUY, 101, 3));
        h.apply(h.trade(0, Side.BUY, 102, 4));
        L2Book b = h.book(0);
        assertEquals(102, b.lastTradePriceTicks());
        assertEquals(4, b.lastTradeQtyLots());
        assertEquals(1, b.lastTradeAggressorSign());
        assertEquals(2, b.tradeCount());
        assertEquals(10, b.askQtyAt(101), "a trade print never depletes the ladder");
        h.apply(h.trade(0, Side.SELL, 100, 1));
        assertEquals(-1, b.lastTradeAggressorSign(), "the aggressor follows the last print");
        assertEquals(100, b.lastTradePriceTicks());
        assertEquals(1, b.lastTradeQtyLots());
        assertEquals(3, b.tradeCount());
        assertNull(h.book(1), "a print on instrument 0 leaves instrument 1 untouched");
    }

    @Test
    void invalidTradeIsEv1() {
        h.apply(h.trade(0, Side.BUY, 100, 1));
        h.violates(Invariant.EV1, h.trade(0, Side.BUY, 100, 0));
        h.violates(Invariant.EV1, h.trade(0, Side.BUY, 0, 1));
        h.violates(Invariant.EV1, h.trade(0, null, 100, 1));
        h.violates(Invariant.EV2, h.trade(2, Side.BUY, 100, 1));
        assertEquals(1, h.book(0).tradeCount());
    }

    // ================================================================== Bbo

    @Test
    void bboIsKeptBesideTheLadderAndNeverWrittenIntoIt() {
        h.apply(h.bbo(0, 99, 4, 101, 6));
        L2Book b = h.book(0);
        assertEquals(0, b.bidLevels(), "BBO is not a ladder level");
        assertEquals(0, b.askLevels());
        assertEquals(0, b.bidQtyAt(99));
        assertTrue(b.hasBbo());
        assertEquals(99, b.bestBidTicks(), "empty ladder side falls back to the BBO");
        assertEquals(101, b.bestAskTicks());
        assertEquals(100, b.midTicks());
    }

    @Test
    void bestPriceComesFromTheLadderWhenTheLadderSideIsNotEmpty() {
        h.apply(h.delta(0, BookSide.BID, 97, 2)); // ladder bid only
        h.apply(h.bbo(0, 98, 4, 103, 6));
        L2Book b = h.book(0);
        assertEquals(97, b.bestBidTicks(), "ladder wins over BBO on the bid side");
        assertEquals(103, b.bestAskTicks(), "ask ladder empty: BBO ask");
        assertEquals(100, b.midTicks());
        h.apply(h.delta(0, BookSide.ASK, 102, 1));
        assertEquals(102, b.bestAskTicks(), "ask ladder now present: it wins");
        h.apply(h.delta(0, BookSide.BID, 97, 0));
        assertEquals(98, b.bestBidTicks(), "bid ladder emptied: back to the BBO");
    }

    @Test
    void invalidBboIsEv1() {
        h.violates(Invariant.EV1, h.bbo(0, 0, 1, 101, 1));
        h.violates(Invariant.EV1, h.bbo(0, 99, 1, 0, 1));
        h.violates(Invariant.EV1, h.bbo(0, 99, -1, 101, 1));
        h.violates(Invariant.EV1, h.bbo(0, 99, 1, 101, -1));
        h.violates(Invariant.EV2, h.bbo(3, 99, 1, 101, 1));
    }

    // ================================================================== OrderSubmitted

    @Test
    void orderSubmittedNewCreatesTheOrderInSubmittedL3() {
        OrderSubmitted record = h.submitNew(42, 1, Side.SELL, 250, 8);
        StepResult r = h.apply(record);
        Order o = h.order(42);
        assertNotNull(o);
        assertEquals(OrderStatus.SUBMITTED, o.status());
        assertEquals(1, o.instrument());
        assertEquals(Side.SELL, o.side());
        assertEquals(250, o.priceTicks());
        assertEquals(8, o.qtyLots());
        assertEquals(8, o.leavesLots());
        assertEquals(0, o.filledLots());
        assertEquals(0, o.submittedAtPosition());
        assertEquals(CommandType.NEW, h.state.execution().inflight().type(42), "NEW inflight until answered (EC5)");
        assertTrue(h.state.execution().inflight().recorded(42));
        assertEquals(record.requestId(), h.inflightRequest(42),
                "strategy none: the record itself establishes the inflight request it names");
        assertEquals(42, h.state.execution().orders().keyHighWater(), "the NEW record raises the key high-water mark");
        assertEquals(1, r.transitionCount());
        assertEquals(42, r.transitionOrderId(0));
        assertNull(r.transitionFrom(0), "CREATED");
        assertEquals(OrderStatus.SUBMITTED, r.transitionTo(0));
        assertEquals(1, h.state.execution().orders().liveCount());
    }

    @Test
    void orderSubmittedNewForAKeyAtOrBelowTheHighWaterMarkIsL3() {
        h.apply(h.submitNew(5, 0, Side.BUY, 100, 1));
        h.apply(h.rejected(5)); // terminal: retired at the end of its step
        assertNull(h.order(5));
        h.acceptedOrder(6, 0, Side.BUY, 100, 1);
        InvariantViolation v = h.violates(Invariant.L3, h.submitNew(5, 0, Side.BUY, 100, 1)); // retired key
        assertTrue(v.getMessage().contains("reuses order id 5"), v.getMessage());
        h.violates(Invariant.L3, h.submitNew(6, 0, Side.BUY, 100, 1)); // live key, nothing inflight
        h.violates(Invariant.L3, h.submitNew(3, 0, Side.BUY, 100, 1)); // never used, but below the mark
        assertEquals(6, h.state.execution().orders().keyHighWater());
        h.apply(h.submitNew(7, 0, Side.BUY, 100, 1)); // NEW keys strictly increase
        assertEquals(7, h.state.execution().orders().keyHighWater());
        assertEquals(3, h.state.execution().orders().submittedCount());
    }

    @Test
    void orderSubmittedNewWithInvalidPayloadIsRefused() {
        h.violates(Invariant.EV1, h.submitNew(1, 0, Side.BUY, 0, 1));
        h.violates(Invariant.EV1, h.submitNew(1, 0, Side.BUY, 100, 0));
        h.violates(Invariant.EV1, h.submitNew(1, 0, null, 100, 1));
        h.violates(Invariant.EV2, h.submitNew(1, 2, Side.BUY, 100, 1));
        long t = h.tick();
        h.violates(Invariant.EV1, new OrderSubmitted(t, t, 1, h.nextRecordRequestId(), null));
        h.violates(Invariant.EV1, new OrderSubmitted(t, t, 1, h.nextRecordRequestId(),
                new OrderCommand(null, 0, Side.BUY, 100, 1)));
        OrderCommand valid = new OrderCommand(CommandType.NEW, 0, Side.BUY, 100, 1);
        InvariantViolation v = h.violates(Invariant.EV1, new OrderSubmitted(t, t, 1, 0, valid));
        assertTrue(v.getMessage().contains("request ids are > 0"), v.getMessage());
        h.violates(Invariant.EV1, new OrderSubmitted(t, t, 1, -1, valid));
        assertEquals(0, h.state.execution().orders().submittedCount());
        assertEquals(Orders.NO_KEY, h.state.execution().orders().keyHighWater(), "a refused record raises nothing");
    }

    @Test
    void orderSubmittedReplaceRecordsTheRequestWithoutMovingTheOrder() {
        h.acceptedOrder(3, 0, Side.BUY, 100, 10);
        OrderSubmitted record = h.submitReplace(3, 101, 12);
        StepResult r = h.apply(record);
        Order o = h.order(3);
        assertEquals(OrderStatus.ACCEPTED, o.status());
        assertEquals(100, o.priceTicks(), "price changes only on OrderReplaced");
        assertEquals(10, o.qtyLots());
        assertEquals(CommandType.REPLACE, h.state.execution().inflight().type(3));
        assertEquals(record.requestId(), h.inflightRequest(3));
        assertEquals(0, r.transitionCount());
    }

    @Test
    void orderSubmittedReplaceNamingAnotherSideOrInstrumentIsEV1() {
        h.acceptedOrder(3, 0, Side.BUY, 100, 10);
        h.violates(Invariant.EV1, new OrderSubmitted(h.tick(), h.clock(), 3, h.nextRecordRequestId(),
                new OrderCommand(CommandType.REPLACE, 0, Side.SELL, 101, 10)));
        h.violates(Invariant.EV1, new OrderSubmitted(h.tick(), h.clock(), 3, h.nextRecordRequestId(),
                new OrderCommand(CommandType.CANCEL, 1, Side.BUY, 0, 0)));
    }

    @Test
    void orderSubmittedCancelCarryingAPriceOrQuantityIsEv1() {
        h.acceptedOrder(3, 0, Side.BUY, 100, 10);
        h.violates(Invariant.EV1, new OrderSubmitted(h.tick(), h.clock(), 3, h.nextRecordRequestId(),
                new OrderCommand(CommandType.CANCEL, 0, Side.BUY, 100, 0)));
        h.violates(Invariant.EV1, new OrderSubmitted(h.tick(), h.clock(), 3, h.nextRecordRequestId(),
                new OrderCommand(CommandType.CANCEL, 0, Side.BUY, 0, 10)));
        assertNull(h.state.execution().inflight().type(3));
    }

    @Test
    void orderSubmittedCancelRecordsTheRequestWithoutMovingTheOrder() {
        h.acceptedOrder(3, 0, Side.BUY, 100, 10);
        h.apply(h.filled(3, 4, 100, 6));
        h.apply(h.submitCancel(3));
        assertEquals(OrderStatus.PARTIALLY_FILLED, h.order(3).status());
        assertEquals(CommandType.CANCEL, h.state.execution().inflight().type(3));
    }

    @Test
    void orderSubmittedReplaceOrCancelForAnUnknownOrderIsL3() {
        // 77 is above the high-water mark: never submitted (a retired key is OrderLifecycleTest's L4 case).
        h.violates(Invariant.L3, h.submitReplace(77, 100, 1));
        h.violates(Invariant.L3, h.submitCancel(77));
    }

    @Test
    void orderSubmittedReplaceWithInvalidPayloadIsEv1() {
        h.acceptedOrder(3, 0, Side.BUY, 100, 10);
        h.violates(Invariant.EV1, h.submitReplace(3, 0, 10));
        h.violates(Invariant.EV1, h.submitReplace(3, 100, 0));
    }

    @Test
    void secondRecordedRequestForAKeyWithOneInflightIsEc5() {
        h.acceptedOrder(3, 0, Side.BUY, 100, 10);
        h.apply(h.submitReplace(3, 101, 10));
        h.violates(Invariant.EC5, h.submitReplace(3, 102, 10));
        h.violates(Invariant.EC5, h.submitCancel(3));
        assertEquals(CommandType.REPLACE, h.state.execution().inflight().type(3));
    }

    @Test
    void replaceRecordWhileTheNewIsStillUnansweredIsEc5() {
        h.apply(h.submitNew(3, 0, Side.BUY, 100, 10));
        h.violates(Invariant.EC5, h.submitReplace(3, 101, 10));
        h.violates(Invariant.EC5, h.submitCancel(3));
    }

    // ================================================================== OrderAccepted / OrderRejected

    @Test
    void orderAcceptedMovesSubmittedToAcceptedAndFreesTheKey() {
        h.apply(h.submitNew(5, 0, Side.BUY, 100, 2));
        StepResult r = h.apply(h.accepted(5));
        assertEquals(OrderStatus.ACCEPTED, h.order(5).status());
        assertNull(h.state.execution().inflight().type(5), "EC5 key free after the NEW's answer");
        assertEquals(1, r.transitionCount());
        assertEquals(OrderStatus.SUBMITTED, r.transitionFrom(0));
        assertEquals(OrderStatus.ACCEPTED, r.transitionTo(0));
    }

    @Test
    void orderRejectedOfANewMovesSubmittedToRejectedAndTheOrderRetires() {
        h.apply(h.submitNew(5, 0, Side.BUY, 100, 2));
        StepResult r = h.apply(h.rejected(5));
        assertEquals(1, r.transitionCount());
        assertEquals(5, r.transitionOrderId(0));
        assertEquals(OrderStatus.SUBMITTED, r.transitionFrom(0));
        assertEquals(OrderStatus.REJECTED, r.transitionTo(0));
        assertNull(h.order(5), "terminal: retired at the end of its step");
        assertNull(h.state.execution().inflight().type(5));
        assertEquals(0, h.state.execution().orders().liveCount());
        assertEquals(1, h.state.execution().orders().submittedCount(), "it was submitted once");
        assertEquals(1, h.state.execution().orders().retiredCount());
        assertEquals(5, h.state.execution().orders().keyHighWater(), "the key stays used");
    }

    @Test
    void orderRejectedOfAReplaceRequestKeepsTheOrderAsItWas() {
        h.acceptedOrder(5, 0, Side.BUY, 100, 2);
        h.apply(h.submitReplace(5, 99, 3));
        StepResult r = h.apply(h.rejected(5));
        Order o = h.order(5);
        assertEquals(OrderStatus.ACCEPTED, o.status(), "only the request is rejected");
        assertEquals(100, o.priceTicks());
        assertEquals(2, o.qtyLots());
        assertNull(h.state.execution().inflight().type(5));
        assertEquals(0, r.transitionCount());
    }

    @Test
    void orderRejectedOfACancelRequestKeepsAPartiallyFilledOrderWorking() {
        h.acceptedOrder(5, 0, Side.SELL, 100, 5);
        h.apply(h.filled(5, 2, 100, 3));
        h.apply(h.submitCancel(5));
        h.apply(h.rejected(5));
        assertEquals(OrderStatus.PARTIALLY_FILLED, h.order(5).status());
        assertNull(h.state.execution().inflight().type(5));
    }

    @Test
    void orderRejectedWithNoRequestInflightIsEv1() {
        // An OrderRejected is only ever an answer: with nothing of the key inflight it answers nothing.
        h.acceptedOrder(5, 0, Side.BUY, 100, 2);
        InvariantViolation v = h.violates(Invariant.EV1, h.rejected(5));
        assertTrue(v.getMessage().contains("inflight request is none"), v.getMessage());
        assertEquals(OrderStatus.ACCEPTED, h.order(5).status());
    }

    // ================================================================== OrderFilled

    @Test
    void partialThenFullFillOfABuyMovesPositionAndCash() {
        h.acceptedOrder(9, 1, Side.BUY, 100, 10);
        StepResult r = h.apply(h.filled(9, 4, 99, 6));
        Order o = h.order(9);
        assertEquals(OrderStatus.PARTIALLY_FILLED, o.status());
        assertEquals(4, o.filledLots());
        assertEquals(6, o.leavesLots());
        assertEquals(4, h.state.execution().positions().positionLots(1));
        assertEquals(-4 * 99, h.state.execution().positions().cashTickLots(1));
        assertEquals(0, h.state.execution().positions().positionLots(0), "other instrument untouched");
        assertEquals(OrderStatus.ACCEPTED, r.transitionFrom(0));
        assertEquals(OrderStatus.PARTIALLY_FILLED, r.transitionTo(0));

        r = h.apply(h.filled(9, 1, 100, 5));
        assertEquals(OrderStatus.PARTIALLY_FILLED, h.order(9).status(), "PartiallyFilled -> PartiallyFilled");
        assertEquals(5, h.order(9).filledLots());
        assertEquals(5, h.order(9).leavesLots());
        assertEquals(OrderStatus.PARTIALLY_FILLED, r.transitionFrom(0));
        assertEquals(OrderStatus.PARTIALLY_FILLED, r.transitionTo(0));

        r = h.apply(h.filled(9, 5, 101, 0));
        assertEquals(1, r.transitionCount());
        assertEquals(9, r.transitionOrderId(0));
        assertEquals(OrderStatus.PARTIALLY_FILLED, r.transitionFrom(0));
        assertEquals(OrderStatus.FILLED, r.transitionTo(0));
        assertNull(h.order(9), "Filled is terminal: the Order retires at the end of its step");
        assertEquals(10, h.state.execution().positions().positionLots(1));
        assertEquals(-(4 * 99 + 100 + 5 * 101), h.state.execution().positions().cashTickLots(1));
        assertEquals(3, h.state.execution().positions().fillCount());
        assertEquals(0, h.state.execution().orders().liveCount());
        assertEquals(1, h.state.execution().orders().retiredCount());
    }

    @Test
    void fullFillOfASellInOneGoShortsThePositionAndCreditsCash() {
        h.acceptedOrder(9, 0, Side.SELL, 200, 3);
        StepResult r = h.apply(h.filled(9, 3, 201, 0));
        assertEquals(OrderStatus.ACCEPTED, r.transitionFrom(0), "Accepted -> Filled directly");
        assertEquals(OrderStatus.FILLED, r.transitionTo(0));
        assertNull(h.order(9), "retired");
        assertEquals(-3, h.state.execution().positions().positionLots(0));
        assertEquals(3 * 201, h.state.execution().positions().cashTickLots(0));
    }

    @Test
    void positionsNetAcrossOrdersOfOneInstrument() {
        h.acceptedOrder(1, 0, Side.BUY, 100, 5);
        h.acceptedOrder(2, 0, Side.SELL, 102, 3);
        h.apply(h.filled(1, 5, 100, 0));
        h.apply(h.filled(2, 3, 102, 0));
        assertEquals(2, h.state.execution().positions().positionLots(0));
        assertEquals(-500 + 306, h.state.execution().positions().cashTickLots(0));
        assertEquals(2, h.state.execution().orders().retiredCount(), "positions outlive the retired Orders");
    }

    @Test
    void inconsistentFillIsEv1AndLeavesStateUnchanged() {
        h.acceptedOrder(9, 0, Side.BUY, 100, 10);
        h.apply(h.filled(9, 2, 100, 8));
        InvariantViolation v = h.violates(Invariant.EV1, h.filled(9, 3, 100, 6)); // 8 - 3 = 5, not 6
        assertTrue(v.getMessage().contains("leavesLots=6"), v.getMessage());
        h.violates(Invariant.EV1, h.filled(9, 9, 100, 0)); // more than the 8 left; next status FILLED
        h.violates(Invariant.EV1, h.filled(9, 0, 100, 8)); // zero fill
        h.violates(Invariant.EV1, h.filled(9, -1, 100, 9));
        h.violates(Invariant.EV1, h.filled(9, 2, 0, 6)); // price must be > 0
        Order o = h.order(9);
        assertEquals(2, o.filledLots());
        assertEquals(8, o.leavesLots());
        assertEquals(2, h.state.execution().positions().positionLots(0));
    }

    @Test
    void fillThatWouldOverflowCashIsEv1() {
        h.acceptedOrder(9, 0, Side.BUY, 100, 10);
        h.violates(Invariant.EV1, h.filled(9, 10, Long.MAX_VALUE / 2, 0));
        assertEquals(OrderStatus.ACCEPTED, h.order(9).status());
    }

    // ================================================================== OrderCancelled

    @Test
    void orderCancelledMovesAcceptedToCancelledAndAnswersTheCancelRequest() {
        h.acceptedOrder(4, 0, Side.BUY, 100, 10);
        OrderSubmitted cancel = h.submitCancel(4);
        h.apply(cancel);
        OrderCancelled answer = h.cancelled(4);
        assertEquals(cancel.requestId(), answer.requestId(), "a solicited cancel names the CANCEL's request id");
        StepResult r = h.apply(answer);
        assertNull(h.state.execution().inflight().type(4), "CANCEL answered: key free");
        assertEquals(1, r.transitionCount());
        assertEquals(OrderStatus.ACCEPTED, r.transitionFrom(0));
        assertEquals(OrderStatus.CANCELLED, r.transitionTo(0));
        assertNull(h.order(4), "Cancelled is terminal: retired");
        assertEquals(0, h.state.execution().orders().liveCount());
    }

    @Test
    void venueInitiatedCancelOfAPartiallyFilledOrderKeepsItsFills() {
        h.acceptedOrder(4, 0, Side.SELL, 100, 10);
        h.apply(h.filled(4, 3, 100, 7));
        OrderCancelled unsolicited = h.cancelled(4); // no CANCEL requested
        assertEquals(OrderCancelled.UNSOLICITED, unsolicited.requestId());
        StepResult r = h.apply(unsolicited);
        assertEquals(OrderStatus.PARTIALLY_FILLED, r.transitionFrom(0));
        assertEquals(OrderStatus.CANCELLED, r.transitionTo(0));
        assertNull(h.order(4), "retired");
        assertEquals(-3, h.state.execution().positions().positionLots(0), "the fills stay in the position");
        assertEquals(300, h.state.execution().positions().cashTickLots(0));
        assertEquals(1, h.state.execution().positions().fillCount());
    }

    @Test
    void venueInitiatedCancelLeavesAnInflightReplaceAwaitingItsReject() {
        h.acceptedOrder(4, 0, Side.BUY, 100, 10);
        OrderSubmitted replace = h.submitReplace(4, 101, 10);
        h.apply(replace);
        StepResult r = h.apply(new OrderCancelled(h.tick(), h.clock(), 4, OrderCancelled.UNSOLICITED));
        assertEquals(OrderStatus.CANCELLED, r.transitionTo(0));
        assertNull(h.order(4));
        assertEquals(CommandType.REPLACE, h.state.execution().inflight().type(4), "the REPLACE awaits its answer");
        h.apply(new OrderRejected(h.tick(), h.clock(), 4, replace.requestId(), "too late"));
        assertEquals(0, h.state.execution().inflight().size());
    }

    @Test
    void solicitedCancelNamingNoInflightCancelIsEv1() {
        h.acceptedOrder(4, 0, Side.BUY, 100, 10);
        h.violates(Invariant.EV1, new OrderCancelled(h.tick(), h.clock(), 4, 1));
        OrderSubmitted replace = h.submitReplace(4, 101, 10);
        h.apply(replace);
        // naming the inflight REPLACE: a cancel answers only a CANCEL
        h.violates(Invariant.EV1, new OrderCancelled(h.tick(), h.clock(), 4, replace.requestId()));
        assertEquals(OrderStatus.ACCEPTED, h.order(4).status());
    }

    // ================================================================== OrderReplaced

    @Test
    void orderReplacedAppliesTheNewPriceAndTotalAndKeepsTheStatus() {
        h.acceptedOrder(6, 0, Side.BUY, 100, 10);
        h.apply(h.filled(6, 4, 100, 6));
        h.apply(h.submitReplace(6, 98, 8));
        StepResult r = h.apply(h.replaced(6, 98, 8));
        Order o = h.order(6);
        assertEquals(OrderStatus.PARTIALLY_FILLED, o.status(), "a replace moves the Order, it does not restart it");
        assertEquals(98, o.priceTicks());
        assertEquals(8, o.qtyLots());
        assertEquals(4, o.filledLots());
        assertEquals(4, o.leavesLots(), "leaves = new total - filled");
        assertNull(h.state.execution().inflight().type(6));
        assertEquals(0, r.transitionCount());
        assertEquals(0, o.submittedAtPosition(), "still the Order created at position 0");
    }

    @Test
    void orderReplacedWithoutAReplaceInflightIsEv1() {
        // The answer must name the key's recorded REPLACE request (SPEC §6 ordering contract).
        h.acceptedOrder(6, 0, Side.BUY, 100, 10);
        InvariantViolation v = h.violates(Invariant.EV1, h.replaced(6, 101, 10));
        assertTrue(v.getMessage().contains("inflight request is none"), v.getMessage());
        h.apply(h.submitCancel(6));
        v = h.violates(Invariant.EV1, h.replaced(6, 101, 10)); // names the inflight CANCEL: not a REPLACE
        assertTrue(v.getMessage().contains("CANCEL #"), v.getMessage());
        assertEquals(100, h.order(6).priceTicks());
    }

    @Test
    void orderReplacedToAQuantityNotAboveTheFilledIsEv1() {
        h.acceptedOrder(6, 0, Side.BUY, 100, 10);
        h.apply(h.filled(6, 4, 100, 6));
        h.apply(h.submitReplace(6, 100, 4)); // a truthful record of a REPLACE to the filled quantity
        InvariantViolation v = h.violates(Invariant.EV1, h.replaced(6, 100, 4));
        assertTrue(v.getMessage().contains("filledLots=4"), v.getMessage());
        assertEquals(CommandType.REPLACE, h.state.execution().inflight().type(6), "request still inflight");
        h.apply(h.rejected(6));

        h.apply(h.submitReplace(6, 100, 5)); // fine when recorded (4 filled) ...
        h.apply(h.filled(6, 1, 100, 5)); // ... but a fill overtakes it: 5 filled
        v = h.violates(Invariant.EV1, h.replaced(6, 100, 5));
        assertTrue(v.getMessage().contains("filledLots=5"), v.getMessage());
        assertEquals(10, h.order(6).qtyLots());
    }

    // ================================================================== DispatchFailed

    @Test
    void dispatchFailedWithNothingInflightIsEv1() {
        InvariantViolation v = h.violates(Invariant.EV1, h.dispatchFailed(11));
        assertTrue(v.getMessage().contains("inflight request is none"), v.getMessage());
    }

    @Test
    void dispatchFailedForAnAlreadyRecordedDispatchIsEc5() {
        h.apply(h.submitNew(11, 0, Side.BUY, 100, 1));
        InvariantViolation v = h.violates(Invariant.EC5, h.dispatchFailed(11));
        assertTrue(v.getMessage().contains("already recorded"), v.getMessage());
        assertEquals(OrderStatus.SUBMITTED, h.order(11).status());
        assertEquals(CommandType.NEW, h.state.execution().inflight().type(11));
    }

    // ================================================================== dispatch records with a Strategy

    /**
     * A strategy that asks once for a NEW of key {@link #KEY} (BUY 1 @ 100, instrument 0): it reads the
     * key high-water mark, so it keeps nothing of its own (D3).
     */
    static final class OneNew implements Strategy {
        static final long KEY = 7;

        @Override
        public void decide(StrategyView view, IntentSink out) {
            if (view.orderKeyHighWater() < KEY) {
                out.newOrder(KEY, 0, Side.BUY, 100, 1);
            }
        }
    }

    /** A harness whose configuration selects {@link OneNew}; the returned step dispatched its NEW. */
    static Harness dispatchedNew() {
        Harness x = new Harness(TestStrategies.config(Harness.TWO_INSTRUMENTS_JSON, "one-new", new OneNew()));
        StepResult r = x.apply(x.bbo(0, 99, 1, 101, 1)); // a mid for the price band; the strategy decides
        assertEquals(1, r.dispatchCount(), "setup: the NEW is dispatched");
        assertEquals(OneNew.KEY, r.dispatchOrderKey(0));
        assertEquals(CommandType.NEW, r.dispatchType(0));
        assertEquals(x.inflightRequest(OneNew.KEY), r.dispatchRequestId(0));
        assertFalse(x.state.execution().inflight().recorded(OneNew.KEY), "dispatched, not yet recorded");
        return x;
    }

    @Test
    void dispatchFailedReleasesTheMarkerAndCreatesNoOrderF4() {
        Harness x = dispatchedNew();
        long request = x.inflightRequest(OneNew.KEY);
        StepResult r = x.apply(x.dispatchFailed(OneNew.KEY));
        assertEquals(0, r.transitionCount(), "no Order");
        assertNull(x.order(OneNew.KEY));
        assertEquals(0, x.state.execution().inflight().size(), "marker released");
        assertEquals(0, x.state.execution().orders().submittedCount());
        assertEquals(OneNew.KEY, x.state.execution().orders().keyHighWater(), "the key is spent anyway");
        assertEquals(request + 1, x.state.execution().inflight().nextRequestId(), "request ids are never reused");
    }

    @Test
    void dispatchFailedNamingAnotherRequestIsEv1() {
        Harness x = dispatchedNew();
        long request = x.inflightRequest(OneNew.KEY);
        InvariantViolation v = x.violates(Invariant.EV1,
                new DispatchFailed(x.tick(), x.clock(), OneNew.KEY, request + 1, "reset"));
        assertTrue(v.getMessage().contains("NEW #" + request), v.getMessage());
        x.violates(Invariant.EV1, new DispatchFailed(x.tick(), x.clock(), OneNew.KEY + 1, request, "reset"));
        assertFalse(x.state.execution().inflight().recorded(OneNew.KEY));
    }

    @Test
    void dispatchRecordMustMatchTheDispatchedRequestEv1() {
        Harness x = dispatchedNew();
        long request = x.inflightRequest(OneNew.KEY);
        OrderCommand dispatched = new OrderCommand(CommandType.NEW, 0, Side.BUY, 100, 1);
        x.violates(Invariant.EV1, new OrderSubmitted(x.tick(), x.clock(), OneNew.KEY, request + 1, dispatched));
        x.violates(Invariant.EV1, new OrderSubmitted(x.tick(), x.clock(), OneNew.KEY, request,
                new OrderCommand(CommandType.NEW, 0, Side.BUY, 101, 1)));
        x.violates(Invariant.EV1, new OrderSubmitted(x.tick(), x.clock(), OneNew.KEY, request,
                new OrderCommand(CommandType.NEW, 0, Side.BUY, 100, 2)));
        // a request the core never made (strategy configured): EV1, never silently absorbed
        InvariantViolation v = x.violates(Invariant.EV1,
                new OrderSubmitted(x.tick(), x.clock(), OneNew.KEY + 1, request + 1, dispatched));
        assertTrue(v.getMessage().contains("never dispatched"), v.getMessage());
        // the truthful record creates the Order; a second record of the same request is EC5
        OrderSubmitted truthful = new OrderSubmitted(x.tick(), x.clock(), OneNew.KEY, request, dispatched);
        StepResult r = x.apply(truthful);
        assertEquals(OrderStatus.SUBMITTED, r.transitionTo(0));
        assertTrue(x.state.execution().inflight().recorded(OneNew.KEY));
        x.violates(Invariant.EC5, new OrderSubmitted(x.tick(), x.clock(), OneNew.KEY, request, dispatched));
        x.violates(Invariant.EC5, new DispatchFailed(x.tick(), x.clock(), OneNew.KEY, request, "late"));
    }

    // ================================================================== Control events

    @Test
    void sessionStartSetsTheSessionFlag() {
        assertFalse(h.state.control().sessionStarted());
        h.apply(h.sessionStart());
        assertTrue(h.state.control().sessionStarted());
    }

    @Test
    void killSwitchTurnsOnAndOff() {
        h.apply(h.killSwitch(true));
        assertTrue(h.state.control().killSwitch());
        h.apply(h.killSwitch(false));
        assertFalse(h.state.control().killSwitch());
    }

    @Test
    void configurationActivatedRecordsTheFingerprint() {
        assertNull(h.state.control().activeFingerprint());
        h.apply(h.configurationActivated(h.cfg.fingerprint()));
        assertEquals(h.cfg.fingerprint(), h.state.control().activeFingerprint());
    }

    @Test
    void configurationActivatedNamingAnotherConfigurationIsCf1() {
        h.violates(Invariant.CF1, h.configurationActivated("sha256:" + "0".repeat(64)));
    }

    @Test
    void afterActivationEveryStepMustBeGivenTheActivatedConfiguration() {
        h.apply(h.configurationActivated(h.cfg.fingerprint()));
        h.apply(h.sessionStart()); // same configuration: fine
        CoreConfiguration other = CoreConfiguration.parse(
                Harness.TWO_INSTRUMENTS_JSON.replaceFirst("\\{", "{\"checkpointInterval\":7,"), "other");
        String before = h.state.digest();
        long at = h.state.lastPosition() + 1;
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> new CoreEngine().processEventEntry(
                h.state, new EventStreamEntry(at, h.sessionStart()), other));
        assertEquals(Invariant.CF1, v.invariant());
        assertEquals(before, h.state.digest(), "State unchanged");
        // Switching is done by activating the new configuration, in a step given that configuration.
        new CoreEngine().processEventEntry(h.state, new EventStreamEntry(at,
                new ConfigurationActivated(h.tick(), h.clock(), other.fingerprint())), other);
        assertEquals(other.fingerprint(), h.state.control().activeFingerprint());
    }

    @Test
    void configurationActivatedWithAMalformedFingerprintIsEv1() {
        h.violates(Invariant.EV1, h.configurationActivated("md5:abc"));
        h.violates(Invariant.EV1, h.configurationActivated(null));
    }

    @Test
    void feedGapFlagsItsInstrument() {
        h.apply(h.feedGap(1));
        assertTrue(h.state.control().feedGap(1));
        assertFalse(h.state.control().feedGap(0));
        h.violates(Invariant.EV2, h.feedGap(2));
    }

    @Test
    void controlTimeRecordsTheDeadlineAndAdvancesControlTime() {
        h.apply(h.delta(0, BookSide.BID, 100, 1));
        long deadline = h.clock() + 50_000;
        h.apply(h.controlTime(deadline));
        assertEquals(deadline, h.state.control().lastControlTimeDeadlineNs());
        assertEquals(deadline, h.state.control().controlTimeNs());
    }

    @Test
    void controlTimeDeadlineRealizedTwiceIsCt1() {
        long deadline = h.clock() + 50_000;
        h.apply(h.controlTime(deadline));
        InvariantViolation v = h.violates(Invariant.CT1, h.controlTime(deadline));
        assertTrue(v.getMessage().contains("deadlineNs=" + deadline), v.getMessage());
        h.violates(Invariant.CT1, h.controlTime(deadline - 1)); // older than the last realized
    }

    @Test
    void controlTimeWhoseLocalTimestampIsNotItsDeadlineIsCt1() {
        long d = h.clock() + 10;
        h.violates(Invariant.CT1, new ControlTime(d, d + 1, d, ControlTimeReason.RATE_LIMIT_RECOVERY));
    }

    @Test
    void controlTimeIsTheMaxOfLocalTimestampsAndNeverGoesBack() {
        Event late = new BookDelta(0, Harness.T0 - 1_000_000, 0, BookSide.BID, 100, 1);
        h.apply(h.delta(0, BookSide.BID, 101, 1));
        long t = h.clock();
        h.apply(late);
        assertEquals(t, h.state.control().controlTimeNs(), "a late event does not move control time back");
        assertEquals(100, h.book(0).bidPriceTicks(1), "but it is applied (Event Time never reorders)");
    }

    // ================================================================== helpers

    private static List<Long> bids(BookView b) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < b.bidLevels(); i++) {
            out.add(b.bidPriceTicks(i));
        }
        return out;
    }

    private static List<Long> asks(BookView b) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < b.askLevels(); i++) {
            out.add(b.askPriceTicks(i));
        }
        return out;
    }
}

package io.tradingchassis.runtime.venue;

import static io.tradingchassis.runtime.venue.VenueFixture.ask;
import static io.tradingchassis.runtime.venue.VenueFixture.bid;
import static io.tradingchassis.runtime.venue.VenueFixture.buyTrade;
import static io.tradingchassis.runtime.venue.VenueFixture.cancel;
import static io.tradingchassis.runtime.venue.VenueFixture.drain;
import static io.tradingchassis.runtime.venue.VenueFixture.drainText;
import static io.tradingchassis.runtime.venue.VenueFixture.newOrder;
import static io.tradingchassis.runtime.venue.VenueFixture.replace;
import static io.tradingchassis.runtime.venue.VenueFixture.sellTrade;
import static io.tradingchassis.runtime.venue.VenueFixture.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.event.Bbo;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.DispatchFailed;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.FeedGap;
import io.tradingchassis.core.event.OrderRejected;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.TimeInForce;
import io.tradingchassis.core.event.Trade;
import io.tradingchassis.core.step.DispatchRequest;
import io.tradingchassis.runtime.InputSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The simulated venue's rules (runtime/README.md, "Simulated venue"; SPEC §12), one scripted book per
 * rule, driven directly with zero latencies: every expected fill is written out.
 */
class SimulatedVenueTest {
    static final TimeInForce GTC = TimeInForce.GTC;
    static final TimeInForce IOC = TimeInForce.IOC;
    static final TimeInForce FOK = TimeInForce.FOK;
    static final TimeInForce GTX = TimeInForce.GTX;

    /** Bids 100x10, 99x20; asks 101x2, 102x3, 103x10 — all at t=10. */
    static SimulatedVenue ladder(VenueSettings s) {
        SimulatedVenue v = new SimulatedVenue(s);
        v.onMarket(bid(10, 100, 10));
        v.onMarket(bid(10, 99, 20));
        v.onMarket(ask(10, 101, 2));
        v.onMarket(ask(10, 102, 3));
        v.onMarket(ask(10, 103, 10));
        return v;
    }

    static SimulatedVenue ladder() {
        return ladder(VenueSettings.DEFAULT);
    }

    /** Submits at {@code t}, checks the record, returns the feedback. */
    static List<String> send(SimulatedVenue v, DispatchRequest d, long t) {
        Event rec = v.submit(d, t);
        assertEquals(new OrderSubmitted(t, t, d.orderKey(), d.requestId(), d.command()), rec);
        return drainText(v);
    }

    static List<String> market(SimulatedVenue v, Event e) {
        v.onMarket(e);
        return drainText(v);
    }

    @Nested
    class QueueAhead {
        @Test
        void aRestingOrderQueuesBehindTheBookQuantityAtItsPriceOnArrival() {
            SimulatedVenue v = ladder();
            assertEquals(List.of("ACC 1"), send(v, newOrder(1, 1, Side.BUY, 100, 3, GTC), 20));
            assertEquals(10, v.queueAheadLots(1));
            assertEquals(List.of("ACC 2"), send(v, newOrder(2, 2, Side.SELL, 104, 3, GTX), 20));
            assertEquals(0, v.queueAheadLots(2), "no level at 104: front of the queue");
        }

        @Test
        void aDepthRowAtItsPriceLowersTheQueueAheadButNeverRaisesIt() {
            SimulatedVenue v = ladder();
            send(v, newOrder(1, 1, Side.BUY, 100, 3, GTC), 20);
            assertEquals(List.of(), market(v, bid(30, 100, 7)));
            assertEquals(7, v.queueAheadLots(1));
            market(v, bid(31, 100, 12));
            assertEquals(7, v.queueAheadLots(1), "an increase joins behind us");
            market(v, bid(32, 99, 1));
            assertEquals(7, v.queueAheadLots(1), "another price does not move us");
            market(v, ask(33, 103, 4));
            assertEquals(7, v.queueAheadLots(1), "the other side does not move us");
            market(v, bid(34, 100, 0));
            assertEquals(0, v.queueAheadLots(1), "the level emptied: min(ahead, 0)");
        }

        @Test
        void aTradeAtItsPriceByTheOppositeAggressorSubtractsAndFillsWhatPassesUs() {
            SimulatedVenue v = ladder();
            send(v, newOrder(1, 1, Side.BUY, 100, 3, GTC), 20);
            assertEquals(List.of(), market(v, sellTrade(30, 100, 4)));
            assertEquals(6, v.queueAheadLots(1));
            assertEquals(List.of(), market(v, buyTrade(31, 100, 50)), "a buyer's trade does not trade with bids");
            assertEquals(6, v.queueAheadLots(1));
            assertEquals(List.of("FILL 1 2@100 leaves=1"), market(v, sellTrade(32, 100, 8)),
                    "ahead 6 - 8 = -2: fills min(2, leaves 3) as maker at its price");
            assertEquals(0, v.queueAheadLots(1), "ahead is reset to 0 after the fill");
            assertEquals(List.of("FILL 1 1@100 leaves=0"), market(v, sellTrade(33, 100, 5)),
                    "-5 passes more than the leaves: the rest fills");
            assertEquals(SimulatedVenue.NO_ORDER, v.queueAheadLots(1));
        }

        @Test
        void anExactQueueFillCompletesTheOrderUnlikeHftbacktestIssue312() {
            // hftbacktest 2.4.4 (partialfillexchange.rs check_if_buy_filled: `filled_qty > leaves_qty`) keeps the
            // order in its book with status Filled when -ahead == leaves; its next fill returns InvalidOrderStatus.
            SimulatedVenue v = ladder();
            send(v, newOrder(1, 1, Side.BUY, 100, 3, GTC), 20);
            assertEquals(List.of("FILL 1 3@100 leaves=0"), market(v, sellTrade(30, 100, 13)), "ahead 10 - 13 = -3 = leaves");
            assertEquals(0, v.liveOrderCount(), "completed: no zombie left");
            assertEquals(List.of(), market(v, sellTrade(31, 100, 100)), "nothing more for it");
            assertEquals(List.of(), market(v, sellTrade(32, 99, 100)), "not even a trade through its price");
            assertEquals(List.of("REJ 1 #2"), send(v, cancel(2, 1, Side.BUY), 40));
        }

        @Test
        void everyPartialFillIsItsOwnEventUnlikeHftbacktestIssues299And316() {
            // hftbacktest 2.4.4 applies a fill to position only on Status::Filled (local.rs); here each piece
            // is an OrderFilled and moves position (the end-to-end test checks the position).
            SimulatedVenue v = ladder();
            send(v, newOrder(1, 1, Side.BUY, 100, 6, GTC), 20);
            market(v, sellTrade(30, 100, 10));
            List<String> fills = new ArrayList<>();
            fills.addAll(market(v, sellTrade(31, 100, 1)));
            fills.addAll(market(v, sellTrade(32, 100, 2)));
            fills.addAll(market(v, sellTrade(33, 100, 3)));
            assertEquals(List.of("FILL 1 1@100 leaves=5", "FILL 1 2@100 leaves=3", "FILL 1 3@100 leaves=0"), fills);
        }

        @Test
        void eachOfOurOrdersAtOnePriceKeepsItsOwnQueueAheadAndFillsInTheOrderTheyRested() {
            SimulatedVenue v = ladder();
            send(v, newOrder(1, 1, Side.BUY, 100, 2, GTC), 20);
            market(v, bid(21, 100, 4));
            send(v, newOrder(2, 2, Side.BUY, 100, 2, GTC), 22);
            assertEquals(4, v.queueAheadLots(1));
            assertEquals(4, v.queueAheadLots(2), "our own orders are not in the replayed book");
            assertEquals(List.of("FILL 1 1@100 leaves=1", "FILL 2 1@100 leaves=1"), market(v, sellTrade(30, 100, 5)));
        }
    }

    @Nested
    class FullExecution {
        @Test
        void aTradeStrictlyThroughARestingBuyFillsItWholeAtItsOwnPrice() {
            SimulatedVenue v = ladder();
            send(v, newOrder(1, 1, Side.BUY, 100, 5, GTC), 20);
            assertEquals(List.of("FILL 1 5@100 leaves=0"), market(v, sellTrade(30, 99, 1)),
                    "whole remainder as maker at 100, not at the trade's 99, whatever the trade's size");
        }

        @Test
        void aTradeStrictlyThroughARestingSellFillsItWhole() {
            SimulatedVenue v = ladder();
            send(v, newOrder(1, 1, Side.SELL, 104, 5, GTC), 20);
            assertEquals(List.of(), market(v, sellTrade(30, 105, 1)), "a seller's trade does not trade with asks");
            assertEquals(List.of("FILL 1 5@104 leaves=0"), market(v, buyTrade(31, 105, 1)));
        }

        @Test
        void theBestAskFallingToOrThroughARestingBuyFillsItWhole() {
            SimulatedVenue v = ladder();
            send(v, newOrder(1, 1, Side.BUY, 100, 5, GTC), 20);
            send(v, newOrder(2, 2, Side.BUY, 99, 4, GTC), 20);
            assertEquals(List.of("FILL 1 5@100 leaves=0"), market(v, ask(30, 100, 1)), "best ask 101 → 100: to it");
            assertEquals(List.of(), market(v, ask(31, 100, 0)), "the ask leaves again: best ask rises, nothing");
            assertEquals(List.of("FILL 2 4@99 leaves=0"), market(v, ask(32, 98, 1)), "through it, at its own price");
        }

        @Test
        void theBestBidRisingToARestingSellFillsItWhole() {
            SimulatedVenue v = ladder();
            send(v, newOrder(1, 1, Side.SELL, 102, 5, GTC), 20);
            assertEquals(List.of(), market(v, bid(30, 101, 1)), "best bid 100 → 101: below our 102");
            assertEquals(List.of("FILL 1 5@102 leaves=0"), market(v, bid(31, 102, 1)));
        }

        @Test
        void aBestAskThatFallsButStaysAboveTheBuyFillsNothing() {
            SimulatedVenue v = ladder();
            send(v, newOrder(1, 1, Side.BUY, 99, 5, GTC), 20);
            assertEquals(List.of(), market(v, ask(30, 100, 3)));
            assertEquals(20, v.queueAheadLots(1));
        }
    }

    @Nested
    class Arrival {
        @Test
        void aMarketablePostOnlyExpiresFromSubmitted() {
            SimulatedVenue v = ladder();
            assertEquals(List.of("EXP 1"), send(v, newOrder(1, 1, Side.BUY, 101, 1, GTX), 20));
            assertEquals(List.of("EXP 2"), send(v, newOrder(2, 2, Side.SELL, 100, 1, GTX), 20));
            assertEquals(List.of("ACC 3"), send(v, newOrder(3, 3, Side.BUY, 100, 1, GTX), 20), "not marketable: rests");
        }

        @Test
        void fokFillsLevelByLevelOnlyWhenTheQuantityUpToItsLimitSuffices() {
            SimulatedVenue v = ladder();
            assertEquals(List.of("ACC 1", "FILL 1 2@101 leaves=3", "FILL 1 3@102 leaves=0"),
                    send(v, newOrder(1, 1, Side.BUY, 102, 5, FOK), 20));
            assertEquals(List.of("EXP 2"), send(v, newOrder(2, 2, Side.BUY, 102, 6, FOK), 20), "5 up to 102 < 6");
            assertEquals(List.of("ACC 3", "FILL 3 10@100 leaves=20", "FILL 3 20@99 leaves=0"),
                    send(v, newOrder(3, 3, Side.SELL, 99, 30, FOK), 20));
            assertEquals(List.of("EXP 4"), send(v, newOrder(4, 4, Side.SELL, 101, 1, FOK), 20), "not marketable");
        }

        @Test
        void iocFillsLevelByLevelAndExpiresTheRest() {
            SimulatedVenue v = ladder();
            assertEquals(List.of("ACC 1", "FILL 1 2@101 leaves=5", "FILL 1 3@102 leaves=2", "EXP 1"),
                    send(v, newOrder(1, 1, Side.BUY, 102, 7, IOC), 20));
            assertEquals(List.of("ACC 2", "FILL 2 1@101 leaves=0"), send(v, newOrder(2, 2, Side.BUY, 103, 1, IOC), 20),
                    "filled whole: nothing expires");
            assertEquals(List.of("EXP 3"), send(v, newOrder(3, 3, Side.BUY, 100, 1, IOC), 20), "not marketable");
        }

        @Test
        void gtcTakesLevelByLevelThenRestsItsRemainderAtItsLimitByDefault() {
            SimulatedVenue v = ladder();
            assertEquals(List.of("ACC 1", "FILL 1 2@101 leaves=5", "FILL 1 3@102 leaves=2"),
                    send(v, newOrder(1, 1, Side.BUY, 102, 7, GTC), 20));
            assertEquals(0, v.queueAheadLots(1), "rests at 102 behind the bids there: none");
            assertEquals(List.of(), market(v, ask(30, 102, 4)), "the ask at 102 changes, the best ask does not fall");
            assertEquals(List.of("FILL 1 1@102 leaves=1"), market(v, sellTrade(31, 102, 1)));
            assertEquals(List.of("FILL 1 1@102 leaves=0"), market(v, ask(32, 100, 1)),
                    "the best ask falls (101 → 100): a buy at 102 is through it");
        }

        @Test
        void gtcWithFillAtLimitTakesTheBetterLevelsThenFillsTheWholeRemainderAtItsLimit() {
            SimulatedVenue v = ladder(VenueSettings.DEFAULT.withGtcRemainder(VenueSettings.GtcRemainder.FILL_AT_LIMIT));
            assertEquals(List.of("ACC 1", "FILL 1 2@101 leaves=5", "FILL 1 5@102 leaves=0"),
                    send(v, newOrder(1, 1, Side.BUY, 102, 7, GTC), 20),
                    "hftbacktest: levels strictly below the limit, then everything at the limit");
            assertEquals(0, v.liveOrderCount());
            assertEquals(List.of("ACC 2", "FILL 2 10@100 leaves=0"), send(v, newOrder(2, 2, Side.SELL, 99, 10, GTC), 20),
                    "filled by the better level alone");
        }

        @Test
        void gtcSellWithFillAtLimitAlsoTakesTheLevelAtItsLimitAsHftbacktestDoes() {
            // hftbacktest 2.4.4 PartialFillExchange: a buy sweeps best_ask..price (exclusive), a sell
            // price..=best_bid (inclusive), then both fill the remainder at the limit.
            SimulatedVenue v = ladder(VenueSettings.DEFAULT.withGtcRemainder(VenueSettings.GtcRemainder.FILL_AT_LIMIT));
            assertEquals(List.of("ACC 3", "FILL 3 10@100 leaves=5", "FILL 3 5@100 leaves=0"),
                    send(v, newOrder(3, 3, Side.SELL, 100, 15, GTC), 20),
                    "the bid at the limit is taken as a level of its own, then the remainder at the limit");
            assertEquals(List.of("ACC 4", "FILL 4 5@101 leaves=0"), send(v, newOrder(4, 4, Side.BUY, 101, 5, GTC), 20),
                    "a buy stops before its limit level: the whole quantity fills there as the remainder");
        }

        @Test
        void notMarketableGtcAndGtxRestIocAndFokExpire() {
            SimulatedVenue v = ladder();
            assertEquals(List.of("ACC 1"), send(v, newOrder(1, 1, Side.BUY, 100, 1, GTC), 20));
            assertEquals(List.of("ACC 2"), send(v, newOrder(2, 2, Side.SELL, 102, 1, GTX), 20));
            assertEquals(List.of("EXP 3"), send(v, newOrder(3, 3, Side.BUY, 100, 1, IOC), 20));
            assertEquals(List.of("EXP 4"), send(v, newOrder(4, 4, Side.SELL, 102, 1, FOK), 20));
            assertEquals(2, v.liveOrderCount());
        }

        @Test
        void anEmptyOppositeSideIsNeverMarketable() {
            SimulatedVenue v = new SimulatedVenue(VenueSettings.DEFAULT);
            v.onMarket(bid(10, 100, 5));
            assertEquals(List.of("EXP 1"), send(v, newOrder(1, 1, Side.BUY, 1_000_000, 1, IOC), 20));
            assertEquals(List.of("ACC 2"), send(v, newOrder(2, 2, Side.BUY, 1_000_000, 1, GTX), 20));
        }

        @Test
        void ourFillsNeverDepleteTheReplayedBook() {
            SimulatedVenue v = ladder();
            assertEquals(List.of("ACC 1", "FILL 1 2@101 leaves=0"), send(v, newOrder(1, 1, Side.BUY, 101, 2, IOC), 20));
            assertEquals(List.of("ACC 2", "FILL 2 2@101 leaves=0"), send(v, newOrder(2, 2, Side.BUY, 101, 2, IOC), 20),
                    "the same 2 lots again: replayed data does not show our impact");
        }

        @Test
        void aNewWithAKeyAlreadyLiveOrNoQuantityIsRejected() {
            SimulatedVenue v = ladder();
            send(v, newOrder(1, 1, Side.BUY, 100, 1, GTC), 20);
            assertEquals(List.of("REJ 1 #2"), send(v, newOrder(2, 1, Side.BUY, 99, 1, GTC), 20));
            assertEquals(List.of("REJ 3 #3"), send(v, newOrder(3, 3, Side.BUY, 99, 0, GTC), 20));
        }
    }

    @Nested
    class CancelAndReplace {
        @Test
        void aCancelOfALiveOrderCancelsItAndOfAGoneOrderIsRejectedNamingTheRequest() {
            SimulatedVenue v = ladder();
            send(v, newOrder(1, 1, Side.BUY, 100, 3, GTC), 20);
            assertEquals(List.of("CXL 1 #2"), send(v, cancel(2, 1, Side.BUY), 30));
            assertEquals(List.of("REJ 1 #3"), send(v, cancel(3, 1, Side.BUY), 31));
            assertEquals(List.of(), market(v, sellTrade(32, 99, 5)), "a cancelled order does not fill");
            send(v, newOrder(4, 4, Side.BUY, 100, 1, GTC), 40);
            market(v, sellTrade(41, 99, 1));
            List<Event> answer = new ArrayList<>();
            v.submit(cancel(5, 4, Side.BUY), 42);
            answer.addAll(drain(v));
            OrderRejected r = assertInstanceOf(OrderRejected.class, answer.get(0));
            assertEquals(5, r.requestId());
            assertTrue(r.reason().contains("not live"), r.reason());
        }

        @Test
        void aReplaceAtTheSamePriceThatDoesNotGrowKeepsItsPlace() {
            SimulatedVenue v = ladder();
            send(v, newOrder(1, 1, Side.BUY, 100, 5, GTC), 20);
            assertEquals(List.of("FILL 1 2@100 leaves=3"), market(v, sellTrade(21, 100, 12)));
            market(v, bid(22, 100, 20));
            assertEquals(0, v.queueAheadLots(1));
            assertEquals(List.of("RPL 1 #2 4@100"), send(v, replace(2, 1, Side.BUY, 100, 4), 30),
                    "total 4, filled 2: leaves 2");
            assertEquals(0, v.queueAheadLots(1), "same price, smaller: not re-queued");
            assertEquals(List.of("FILL 1 1@100 leaves=1"), market(v, sellTrade(31, 100, 1)));
            assertEquals(List.of("RPL 1 #3 4@100"), send(v, replace(3, 1, Side.BUY, 100, 4), 32), "unchanged");
            assertEquals(0, v.queueAheadLots(1));
        }

        @Test
        void aReplaceThatGrowsOrMovesTheOrderReQueuesItAsOnArrival() {
            SimulatedVenue v = ladder();
            send(v, newOrder(1, 1, Side.BUY, 100, 5, GTC), 20);
            market(v, sellTrade(21, 100, 12));
            market(v, bid(22, 100, 20));
            assertEquals(List.of("RPL 1 #2 6@100"), send(v, replace(2, 1, Side.BUY, 100, 6), 30));
            assertEquals(20, v.queueAheadLots(1), "grew: behind the whole level again");
            assertEquals(List.of("RPL 1 #3 6@99"), send(v, replace(3, 1, Side.BUY, 99, 6), 31));
            assertEquals(20, v.queueAheadLots(1), "moved to 99: behind its 20");
            assertEquals(List.of("FILL 1 4@99 leaves=0"), market(v, sellTrade(32, 98, 1)),
                    "leaves = total 6 - filled 2");
        }

        @Test
        void aReplaceThatBecomesMarketableTakesLikeAnArrivalOrExpiresForPostOnly() {
            SimulatedVenue v = ladder();
            send(v, newOrder(1, 1, Side.BUY, 100, 4, GTC), 20);
            assertEquals(List.of("RPL 1 #2 4@101", "FILL 1 2@101 leaves=2"), send(v, replace(2, 1, Side.BUY, 101, 4), 30),
                    "takes the 2 at 101, rests 2 at 101 (REST)");
            assertEquals(0, v.queueAheadLots(1));
            send(v, newOrder(3, 3, Side.SELL, 105, 4, GTX), 40);
            assertEquals(List.of("RPL 3 #4 4@100", "EXP 3"), send(v, replace(4, 3, Side.SELL, 100, 4), 41));
            assertEquals(1, v.liveOrderCount());
        }

        @Test
        void aReplaceOfAGoneOrderOrToAtMostTheFilledQuantityIsRejected() {
            SimulatedVenue v = ladder();
            send(v, newOrder(1, 1, Side.BUY, 100, 5, GTC), 20);
            market(v, sellTrade(21, 100, 12));
            assertEquals(List.of("REJ 1 #2"), send(v, replace(2, 1, Side.BUY, 100, 2), 30), "2 = filled");
            assertEquals(List.of("REJ 1 #3"), send(v, replace(3, 1, Side.BUY, 100, 1), 31), "below filled");
            assertEquals(List.of("FILL 1 3@100 leaves=0"), market(v, sellTrade(32, 99, 1)), "untouched: leaves 3");
            assertEquals(List.of("REJ 1 #4"), send(v, replace(4, 1, Side.BUY, 100, 9), 33), "filled meanwhile");
        }
    }

    @Nested
    class BookRows {
        @Test
        void eachSnapshotLevelActsAsADepthRowAndAbsentLevelsAreRemovedWithoutMovingTheQueue() {
            SimulatedVenue v = ladder();
            send(v, newOrder(1, 1, Side.BUY, 100, 5, GTC), 20);
            assertEquals(List.of(), market(v, snapshot(30, new long[] {100, 4, 99, 50}, new long[] {102, 9})));
            assertEquals(4, v.queueAheadLots(1), "min(10, 4)");
            market(v, snapshot(31, new long[] {100, 40}, new long[] {102, 9}));
            assertEquals(4, v.queueAheadLots(1), "never raised");
            market(v, snapshot(32, new long[] {99, 50}, new long[] {102, 9}));
            assertEquals(4, v.queueAheadLots(1), "level 100 absent: removed from the book, queue as it was");
            assertEquals(List.of("EXP 2"), send(v, newOrder(2, 2, Side.BUY, 101, 1, IOC), 33),
                    "the ask at 101 is gone with the snapshot");
            assertEquals(List.of("FILL 1 5@100 leaves=0"), market(v, snapshot(34, new long[] {99, 50}, new long[] {100, 1})),
                    "best ask 102 → 100");
        }

        @Test
        void aSnapshotFillsBothSidesInTheOrderTheOrdersRested() {
            SimulatedVenue v = ladder();
            send(v, newOrder(1, 1, Side.SELL, 104, 2, GTC), 20);
            send(v, newOrder(2, 2, Side.BUY, 99, 3, GTC), 20);
            assertEquals(List.of("FILL 1 2@104 leaves=0", "FILL 2 3@99 leaves=0"),
                    market(v, snapshot(30, new long[] {104, 1}, new long[] {99, 1})), "a crossed snapshot");
        }

        @Test
        void bboAndControlEventsDoNotTouchTheBook() {
            SimulatedVenue v = ladder();
            send(v, newOrder(1, 1, Side.BUY, 100, 5, GTC), 20);
            assertEquals(List.of(), market(v, new Bbo(30, 30, 0, 100, 1, 100, 1)));
            assertEquals(List.of(), market(v, new FeedGap(31, 31, 0)));
            assertEquals(10, v.queueAheadLots(1));
        }

        @Test
        void instrumentsHaveSeparateBooks() {
            SimulatedVenue v = ladder();
            v.onMarket(new BookDelta(11, 11, 1, BookSide.ASK,
                    50, 5));
            send(v, newOrder(1, 1, Side.BUY, 100, 5, GTC), 20);
            assertEquals(10, v.queueAheadLots(1), "instrument 1's ask at 50 does not make instrument 0's buy marketable");
            assertEquals(List.of(), market(v, new Trade(21, 21, 1, Side.SELL, 50, 100)));
        }
    }

    @Nested
    class Dispatch {
        @Test
        void submitReturnsTheDispatchRecordNamingTheRequest() {
            SimulatedVenue v = ladder();
            DispatchRequest d = newOrder(7, 3, Side.BUY, 100, 2, GTX);
            assertEquals(new OrderSubmitted(20, 20, 3, 7, d.command()), v.submit(d, 20));
        }

        @Test
        void failureInjectionFailsEveryNthSubmitAndThatRequestNeverReachesTheBook() {
            SimulatedVenue v = new SimulatedVenue(VenueSettings.DEFAULT, 2);
            v.onMarket(bid(10, 100, 10));
            v.onMarket(ask(10, 101, 10));
            List<String> records = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                Event rec = v.submit(newOrder(i, i, Side.BUY, 100, 1, GTC), 20);
                records.add(VenueFixture.render(rec));
                if (rec instanceof DispatchFailed f) {
                    assertEquals(i, f.requestId());
                    assertEquals(20, f.localTsNs());
                }
            }
            assertEquals(List.of("SUB 1 #1", "FAILED 2 #2", "SUB 3 #3", "FAILED 4 #4", "SUB 5 #5"), records);
            assertEquals(List.of("ACC 1", "ACC 3", "ACC 5"), drainText(v));
            assertThrows(IllegalArgumentException.class, () -> new SimulatedVenue(VenueSettings.DEFAULT, -1));
        }

        @Test
        void pollWithNothingPendingIsAnErrorNamingTheCall() {
            SimulatedVenue v = ladder();
            assertEquals(InputSource.EXHAUSTED, v.peekLocalTsNs());
            IllegalStateException e = assertThrows(IllegalStateException.class, v::poll);
            assertTrue(e.getMessage().contains("poll"), e.getMessage());
        }
    }

    @Nested
    class Determinism {
        /** A seeded script of book rows, trades and requests; returns every record and answer in full form. */
        List<Event> run(long seed, VenueSettings s) {
            Random rnd = new Random(seed);
            SimulatedVenue v = new SimulatedVenue(s, 7);
            List<Event> out = new ArrayList<>();
            long t = 1_000;
            long req = 0;
            long key = 0;
            List<Long> keys = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                t += rnd.nextInt(3) * 100;
                // take every answer due before this input, as the runtime's merge would
                while (v.peekLocalTsNs() <= t) {
                    out.add(v.poll());
                }
                int what = rnd.nextInt(10);
                long px = 95 + rnd.nextInt(11);
                if (what < 4) {
                    v.onMarket(rnd.nextBoolean() ? bid(t, Math.min(px, 100), rnd.nextInt(20))
                            : ask(t, Math.max(px, 101), rnd.nextInt(20)));
                } else if (what < 6) {
                    v.onMarket(rnd.nextBoolean() ? sellTrade(t, px, 1 + rnd.nextInt(15)) : buyTrade(t, px, 1 + rnd.nextInt(15)));
                } else if (what < 8 || keys.isEmpty()) {
                    key++;
                    keys.add(key);
                    TimeInForce tif = TimeInForce.values()[rnd.nextInt(4)];
                    out.add(v.submit(newOrder(++req, key, rnd.nextBoolean() ? Side.BUY : Side.SELL, px,
                            1 + rnd.nextInt(9), tif), t));
                } else {
                    long k = keys.get(rnd.nextInt(keys.size()));
                    out.add(v.submit(rnd.nextBoolean() ? cancel(++req, k, Side.BUY)
                            : replace(++req, k, Side.BUY, px, 1 + rnd.nextInt(9)), t));
                }
            }
            out.addAll(drain(v));
            return out;
        }

        @Test
        void sameInputsAndRequestsGiveByteIdenticalFeedback() {
            VenueSettings s = VenueSettings.DEFAULT.withLatencies(150, 250).withFeedLeadNs(100);
            for (long seed : new long[] {1, 2, 3, 42}) {
                List<Event> a = run(seed, s);
                List<Event> b = run(seed, s);
                assertEquals(VenueFixture.digest(a), VenueFixture.digest(b), "seed " + seed);
                assertEquals(a, b, "seed " + seed);
                Set<String> kinds = new TreeSet<>();
                for (Event e : a) {
                    kinds.add(VenueFixture.render(e).split(" ")[0]);
                }
                assertEquals(Set.of("ACC", "CXL", "EXP", "FAILED", "FILL", "REJ", "RPL", "SUB"), kinds,
                        "seed " + seed + ": the script reaches every kind of record and answer");
            }
            assertNotEquals(VenueFixture.digest(run(1, s)), VenueFixture.digest(run(2, s)), "the digest sees the feedback");
        }

        @Test
        void peekingMoreOftenChangesNothing() {
            VenueSettings s = VenueSettings.DEFAULT.withLatencies(0, 300);
            SimulatedVenue a = ladder(s);
            SimulatedVenue b = ladder(s);
            for (SimulatedVenue v : List.of(a, b)) {
                v.submit(newOrder(1, 1, Side.BUY, 100, 5, GTC), 20);
                if (v == b) {
                    for (int i = 0; i < 5; i++) {
                        b.peekLocalTsNs();
                    }
                }
                v.onMarket(sellTrade(100, 100, 12));
                if (v == b) {
                    b.peekLocalTsNs();
                }
                v.onMarket(ask(200, 100, 1));
            }
            assertEquals(drain(a), drain(b));
        }
    }
}

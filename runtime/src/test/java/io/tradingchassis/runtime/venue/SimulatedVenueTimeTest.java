package io.tradingchassis.runtime.venue;

import static io.tradingchassis.runtime.venue.VenueFixture.I;
import static io.tradingchassis.runtime.venue.VenueFixture.ask;
import static io.tradingchassis.runtime.venue.VenueFixture.bid;
import static io.tradingchassis.runtime.venue.VenueFixture.cancel;
import static io.tradingchassis.runtime.venue.VenueFixture.drain;
import static io.tradingchassis.runtime.venue.VenueFixture.drainText;
import static io.tradingchassis.runtime.venue.VenueFixture.newOrder;
import static io.tradingchassis.runtime.venue.VenueFixture.sellTrade;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.Liquidity;
import io.tradingchassis.core.event.OrderAccepted;
import io.tradingchassis.core.event.OrderExpired;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.TimeInForce;
import io.tradingchassis.core.step.DispatchRequest;
import io.tradingchassis.runtime.InputSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The venue's clock (SPEC §12 "time"): entry and response latencies, the LOCAL and EXCHANGE timelines,
 * and the processing order at equal venue time (market rows before requests). Calls are made in the
 * runtime's merge order: every answer is taken no earlier than it is due.
 */
class SimulatedVenueTimeTest {

    static final DispatchRequest IOC_BUY_101 = newOrder(1, 1, Side.BUY, 101, 1, TimeInForce.IOC);

    static BookDelta row(long exchTs, long localTs, BookSide side, long px, long qty) {
        return new BookDelta(exchTs, localTs, I, side, px, qty);
    }

    @Test
    void anAnswerReachesTheRuntimeEntryPlusResponseLatencyAfterDispatchAndCarriesVenueTimeOnTheExchangeClock() {
        SimulatedVenue v = new SimulatedVenue(VenueSettings.DEFAULT.withLatencies(5, 7));
        v.onMarket(ask(10, 101, 2));
        assertEquals(new OrderSubmitted(100, 100, 1, 1, IOC_BUY_101.command()), v.submit(IOC_BUY_101, 100),
                "the dispatch record carries the dispatch time");
        assertEquals(112, v.peekLocalTsNs(), "due at 100 + 5 + 7");
        assertEquals(List.of(new OrderAccepted(105, 112, 1), new OrderFilled(105, 112, 1, 1, 101, 0, Liquidity.TAKER)), drain(v),
                "exchTsNs = venue time 105 (offset 0), localTsNs = 105 + 7");

        SimulatedVenue shifted = new SimulatedVenue(VenueSettings.DEFAULT.withLatencies(5, 7)
                .withTimeline(VenueSettings.Timeline.LOCAL, 1_000));
        shifted.onMarket(ask(10, 101, 2));
        shifted.submit(IOC_BUY_101, 100);
        assertEquals(List.of(new OrderAccepted(1_105, 112, 1), new OrderFilled(1_105, 112, 1, 1, 101, 0, Liquidity.TAKER)), drain(shifted),
                "the exchange clock reads clockOffsetNs ahead of the local one");
    }

    @ParameterizedTest(name = "entry latency {0}: {1}")
    @CsvSource({"2, FILL", "3, EXP", "5, EXP"})
    void theEntryLatencyDecidesWhichRowsARequestSees(long entryNs, String outcome) {
        // The ask at 101 leaves at t=103. A request dispatched at 100 arriving before 103 takes it; arriving at
        // 103 it comes after the row (rows before requests at equal venue time); later it finds nothing.
        SimulatedVenue v = new SimulatedVenue(VenueSettings.DEFAULT.withLatencies(entryNs, 10));
        v.onMarket(ask(10, 101, 2));
        v.submit(IOC_BUY_101, 100);
        v.onMarket(ask(103, 101, 0));
        List<String> out = drainText(v);
        assertEquals(outcome.equals("FILL") ? List.of("ACC 1", "FILL 1 1@101 leaves=0") : List.of("EXP 1"), out);
    }

    @ParameterizedTest(name = "row at localTs {0}: {1}")
    @CsvSource({"109, EXP", "110, EXP", "111, FILL"})
    void onTheLocalTimelineARowIsVisibleFeedLeadBeforeItsLocalTimestamp(long rowLocalTs, String outcome) {
        // feedLead 10: the row removing the ask is visible at rowLocalTs - 10; the request arrives at 100.
        SimulatedVenue v = new SimulatedVenue(VenueSettings.DEFAULT.withLatencies(0, 20).withFeedLeadNs(10));
        v.onMarket(ask(10, 101, 2));
        v.submit(IOC_BUY_101, 100);
        v.onMarket(ask(rowLocalTs, 101, 0));
        assertEquals(outcome.equals("FILL") ? List.of("ACC 1", "FILL 1 1@101 leaves=0") : List.of("EXP 1"), drainText(v));
    }

    @Test
    void aFillFromAMarketRowHappensAtTheRowsVisibilityAndReachesTheRuntimeResponseLatencyLater() {
        SimulatedVenue v = new SimulatedVenue(VenueSettings.DEFAULT.withLatencies(0, 20).withFeedLeadNs(10));
        v.onMarket(bid(10, 100, 1));
        v.submit(newOrder(1, 1, Side.BUY, 100, 3, TimeInForce.GTC), 50);
        assertEquals(new OrderAccepted(50, 70, 1), drain(v).get(0));
        v.onMarket(sellTrade(200, 99, 1));
        assertEquals(List.of(new OrderFilled(190, 210, 1, 3, 100, 0, Liquidity.MAKER)), drain(v), "visible at 190, local 190 + 20");
    }

    @Test
    void onTheExchangeTimelineARowIsVisibleAtItsExchangeTimestampLessTheClockOffset() {
        // Local clock 1000 ns behind the exchange's. Row A (exch 1100, local 130) removes the ask: visible at 100.
        // Row C (exch 1107, local 140) puts it back: visible at 107. The request arrives at 95 + 10 = 105.
        VenueSettings s = VenueSettings.DEFAULT.withLatencies(10, 50).withTimeline(VenueSettings.Timeline.EXCHANGE, 1_000);
        SimulatedVenue v = new SimulatedVenue(s);
        v.onMarket(row(1_000, 15, BookSide.ASK, 101, 2));
        v.submit(IOC_BUY_101, 95);
        v.onMarket(row(1_100, 130, BookSide.ASK, 101, 0));
        v.onMarket(row(1_107, 140, BookSide.ASK, 101, 2));
        assertEquals(List.of(new OrderExpired(1_105, 155, 1)), drain(v),
                "A seen (100 < 105), C not (107 > 105); exchTsNs 105 + 1000, localTsNs 105 + 50");

        // The same rows on the LOCAL timeline: A becomes visible only at 130, after the arrival.
        SimulatedVenue local = new SimulatedVenue(s.withTimeline(VenueSettings.Timeline.LOCAL, 1_000));
        local.onMarket(row(1_000, 15, BookSide.ASK, 101, 2));
        local.submit(IOC_BUY_101, 95);
        local.onMarket(row(1_100, 130, BookSide.ASK, 101, 0));
        local.onMarket(row(1_107, 140, BookSide.ASK, 101, 2));
        assertEquals(List.of("ACC 1", "FILL 1 1@101 leaves=0"), drainText(local));
    }

    @Test
    void onTheExchangeTimelineRowsAreSeenInTheOrderTheRuntimeMergedThem() {
        // Row X (exch 100, local 150) is merged before row Y (exch 90, local 160): Y is seen after X, at X's time.
        SimulatedVenue v = new SimulatedVenue(VenueSettings.DEFAULT.withTimeline(VenueSettings.Timeline.EXCHANGE, 0));
        v.onMarket(row(100, 150, BookSide.ASK, 101, 5));
        v.onMarket(row(90, 160, BookSide.ASK, 101, 0));
        v.submit(IOC_BUY_101, 200);
        assertEquals(List.of("EXP 1"), drainText(v), "the ask at 101 is gone: X then Y");
    }

    @ParameterizedTest(name = "cancel entry latency {0}: {1}")
    @CsvSource({"2, CXL", "3, REJ", "5, REJ"})
    void aCancelThatArrivesAfterTheFillIsRejected(long entryNs, String outcome) {
        SimulatedVenue v = new SimulatedVenue(VenueSettings.DEFAULT.withLatencies(entryNs, 10));
        v.onMarket(bid(10, 99, 5));
        v.onMarket(ask(10, 102, 5));
        v.submit(newOrder(1, 1, Side.BUY, 100, 3, TimeInForce.GTC), 50);
        assertEquals(List.of("ACC 1"), drainText(v));
        v.submit(cancel(2, 1, Side.BUY), 100);
        v.onMarket(sellTrade(103, 99, 1)); // through 100: fills the buy whole if it is still there
        assertEquals(outcome.equals("CXL") ? List.of("CXL 1 #2") : List.of("FILL 1 3@100 leaves=0", "REJ 1 #2"),
                drainText(v));
    }

    @Test
    void anAnswerDueBeforeTheVenueCouldHaveSeenEveryRowIsGivenWithTheRowsMergedSoFar() {
        // feedLead 10 > response latency 0: the answer to a request arriving at 100 is due at 100, when rows
        // visible since 90..100 (local 100..110) are not merged yet. The venue answers with what it has; the
        // later row is seen after the request, at the venue's clock (the README states this limit).
        SimulatedVenue v = new SimulatedVenue(VenueSettings.DEFAULT.withFeedLeadNs(10));
        v.onMarket(ask(10, 101, 2));
        v.submit(IOC_BUY_101, 100);
        assertEquals(100, v.peekLocalTsNs());
        assertEquals(List.of("ACC 1", "FILL 1 1@101 leaves=0"), drainText(v));
        v.onMarket(ask(105, 101, 0));
        v.submit(newOrder(2, 2, Side.BUY, 101, 1, TimeInForce.IOC), 105);
        assertEquals(List.of("EXP 2"), drainText(v));
        assertEquals(InputSource.EXHAUSTED, v.peekLocalTsNs());
    }

    @Test
    void withZeroLatenciesARequestSeesTheRowsMergedBeforeItsDispatchAndAnswersAtOnce() {
        SimulatedVenue v = new SimulatedVenue(VenueSettings.DEFAULT);
        v.onMarket(ask(100, 101, 2));
        v.submit(IOC_BUY_101, 100);
        assertEquals(100, v.peekLocalTsNs());
        assertEquals(List.of(new OrderAccepted(100, 100, 1), new OrderFilled(100, 100, 1, 1, 101, 0, Liquidity.TAKER)), drain(v));
    }
}

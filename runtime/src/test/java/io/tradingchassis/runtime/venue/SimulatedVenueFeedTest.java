package io.tradingchassis.runtime.venue;

import static io.tradingchassis.runtime.venue.VenueFixture.I;
import static io.tradingchassis.runtime.venue.VenueFixture.ask;
import static io.tradingchassis.runtime.venue.VenueFixture.cancel;
import static io.tradingchassis.runtime.venue.VenueFixture.drainText;
import static io.tradingchassis.runtime.venue.VenueFixture.newOrder;
import static io.tradingchassis.runtime.venue.VenueFixture.replace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.TimeInForce;
import io.tradingchassis.core.event.Trade;
import io.tradingchassis.core.step.DispatchRequest;
import io.tradingchassis.runtime.InputSource;
import io.tradingchassis.runtime.venue.SimulatedVenueEndToEndTest.ListSource;
import io.tradingchassis.runtime.venue.SimulatedVenueEndToEndTest.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The venue with its own feed (runtime/README.md, "Time and processing order"): it reads a second copy of
 * the market itself, looks ahead only as far as {@code advance} makes safe, and so every request sees
 * exactly the rows visible at its arrival, whatever the timeline and latencies.
 */
class SimulatedVenueFeedTest {

    static final DispatchRequest IOC_BUY_101 = newOrder(1, 1, Side.BUY, 101, 1, TimeInForce.IOC);

    static BookDelta row(long exchTs, long localTs, BookSide side, long px, long qty) {
        return new BookDelta(exchTs, localTs, I, side, px, qty);
    }

    @Test
    void onTheExchangeTimelineARequestSeesARowVisibleBeforeTheRuntimeMergedIt() {
        // Row A (exch 100, local 150) removes the ask: visible at 100 on the EXCHANGE timeline, merged at 150.
        // A Control-Time step at 120 dispatches an IOC buy at 101, arriving at 120 (zero latencies).
        VenueSettings s = VenueSettings.DEFAULT.withTimeline(VenueSettings.Timeline.EXCHANGE, 0);
        List<Event> market = List.of(ask(10, 101, 2), row(100, 150, BookSide.ASK, 101, 0));

        // With a feed, calls in the runtime's order: advance before each peek, the step at 10 (the first row),
        // then the step at 120 (the obligation; the next market row is at 150).
        SimulatedVenue fed = new SimulatedVenue(s, 0, new ListSource(market));
        fed.advance(10);
        fed.onMarket(market.get(0));
        fed.advance(120);
        fed.submit(IOC_BUY_101, 120);
        assertEquals(List.of("EXP 1"), drainText(fed), "the ask left at 100, before the arrival at 120");

        // Without a feed the venue knows only what was merged: the answer is due at 120, before A is merged.
        SimulatedVenue merged = new SimulatedVenue(s);
        merged.onMarket(market.get(0));
        merged.submit(IOC_BUY_101, 120);
        assertEquals(120, merged.peekLocalTsNs());
        assertEquals(List.of("ACC 1", "FILL 1 1@101 leaves=0"), drainText(merged), "A is not seen: it fills");
        merged.onMarket(market.get(1));
    }

    @Test
    void onTheExchangeTimelineTheFeedIsProcessedInExchangeTimeOrderAsHftbacktestSortsIt() {
        // Row X (exch 100, local 150) sets the ask at 101 to 5; row Y (exch 90, local 160) removes it. The feed
        // holds X first; hftbacktest's converter stable-sorts by exch_ts: Y (90), then X (100). An IOC buy at
        // 101 arriving at 200 finds the 5 lots X left.
        VenueSettings s = VenueSettings.DEFAULT.withTimeline(VenueSettings.Timeline.EXCHANGE, 0);
        List<Event> market = List.of(ask(10, 101, 2), row(100, 150, BookSide.ASK, 101, 5),
                row(90, 160, BookSide.ASK, 101, 0));
        SimulatedVenue v = new SimulatedVenue(s, 0, new ListSource(market));
        v.advance(200);
        v.submit(IOC_BUY_101, 200);
        assertEquals(List.of("ACC 1", "FILL 1 1@101 leaves=0"), drainText(v), "Y then X: the ask at 101 is 5");

        // Equal exchange times keep feed order: X' (exch 100) then Y' (exch 100) leaves the ask removed.
        List<Event> tied = List.of(ask(10, 101, 2), row(100, 150, BookSide.ASK, 101, 5),
                row(100, 160, BookSide.ASK, 101, 0));
        SimulatedVenue w = new SimulatedVenue(s, 0, new ListSource(tied));
        w.advance(200);
        w.submit(IOC_BUY_101, 200);
        assertEquals(List.of("EXP 1"), drainText(w), "ties in feed order: the removal comes last");
    }

    @Test
    void aRowLateByMoreThanTheReorderWindowIsRefusedNamingIt() {
        VenueSettings s = VenueSettings.DEFAULT.withTimeline(VenueSettings.Timeline.EXCHANGE, 0);
        long late = SimulatedVenue.REORDER_WINDOW_NS + 1_000;
        List<Event> market = List.of(ask(10, 101, 2), row(100, 150, BookSide.ASK, 101, 5),
                row(100 + late, 100 + late, BookSide.ASK, 101, 1), row(50, 150 + late + 10, BookSide.ASK, 101, 0));
        SimulatedVenue v = new SimulatedVenue(s, 0, new ListSource(market));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> v.advance(InputSource.EXHAUSTED));
        assertTrue(e.getMessage().contains("localTsNs " + (150 + late + 10)) && e.getMessage().contains("reorder window"),
                e.getMessage());
    }

    @Test
    void withAFeedMergedRowsAreIgnoredAndNothingIsProcessedBeyondTheHorizon() {
        VenueSettings s = VenueSettings.DEFAULT.withLatencies(5, 0);
        SimulatedVenue v = new SimulatedVenue(s, 0, new ListSource(List.of(ask(10, 101, 2), ask(100, 101, 0))));
        v.onMarket(ask(50, 101, 0)); // ignored: the venue reads its own feed
        v.advance(94);                // rows visible up to 94 + 5 = 99 only
        v.submit(IOC_BUY_101, 94);   // arrives at 99: the ask is still there
        assertEquals(List.of("ACC 1", "FILL 1 1@101 leaves=0"), drainText(v));
        v.advance(InputSource.EXHAUSTED);
        v.submit(newOrder(2, 2, Side.BUY, 101, 1, TimeInForce.IOC), 200);
        assertEquals(List.of("EXP 2"), drainText(v));
    }

    // ------------------------------------------------------------------ the safety property

    /** What one random run left behind. */
    record Outcome(List<Event> feedback, List<long[]> trace, List<Long> rowTimes, long lastMarketLocalTsNs) {
    }

    static List<Event> randomRows(Random rnd, int n) {
        List<Event> out = new ArrayList<>();
        long local = 1_000;
        for (int i = 0; i < n; i++) {
            local += rnd.nextInt(12);
            long exch = local - rnd.nextInt(40) + (rnd.nextInt(8) == 0 ? 25 : 0); // often earlier, not monotone
            int k = rnd.nextInt(5);
            if (k == 0) {
                out.add(new Trade(exch, local, I, rnd.nextBoolean() ? Side.BUY : Side.SELL, 98 + rnd.nextInt(6),
                        1 + rnd.nextInt(4)));
            } else if (k <= 2) {
                out.add(new BookDelta(exch, local, I, BookSide.BID, 96 + rnd.nextInt(6), rnd.nextInt(6)));
            } else {
                out.add(new BookDelta(exch, local, I, BookSide.ASK, 100 + rnd.nextInt(6), rnd.nextInt(6)));
            }
        }
        return out;
    }

    static DispatchRequest randomRequest(Random rnd, long req, long[] nextKey) {
        int k = rnd.nextInt(6);
        Side side = rnd.nextBoolean() ? Side.BUY : Side.SELL;
        if (k == 0 && nextKey[0] > 1) {
            return cancel(req, 1 + rnd.nextInt((int) nextKey[0] - 1), side);
        } else if (k == 1 && nextKey[0] > 1) {
            return replace(req, 1 + rnd.nextInt((int) nextKey[0] - 1), side, 98 + rnd.nextInt(6), 2 + rnd.nextInt(4));
        }
        TimeInForce[] tifs = TimeInForce.values();
        return newOrder(req, nextKey[0]++, side, 98 + rnd.nextInt(6), 1 + rnd.nextInt(4),
                tifs[rnd.nextInt(tifs.length)]);
    }

    /**
     * Drives the venue exactly as RuntimeLoop does (advance with min(next market, pending deadline), peek,
     * take the earliest of control time, feedback, market — in that order at ties — and dispatch at that
     * step's time), with random requests and random Control-Time deadlines.
     */
    static Outcome simulate(long seed, VenueSettings s) {
        Random rnd = new Random(seed);
        List<Event> rows = randomRows(rnd, 400);
        SimulatedVenue v = new SimulatedVenue(s, 0, new ListSource(rows));
        List<long[]> trace = v.traceItems();
        ListSource market = new ListSource(rows);
        List<Event> feedback = new ArrayList<>();
        long deadline = InputSource.EXHAUSTED;
        long now = Long.MIN_VALUE;
        long req = 1;
        long[] nextKey = {1};
        while (true) {
            long m = market.peekLocalTsNs();
            v.advance(Math.min(m, deadline));
            long x = v.peekLocalTsNs();
            if (m == InputSource.EXHAUSTED && x == InputSource.EXHAUSTED) {
                break;
            }
            long t;
            if (deadline <= m && deadline <= x) {
                t = deadline;
                deadline = InputSource.EXHAUSTED;
            } else if (x <= m) {
                Event e = v.poll();
                feedback.add(e);
                t = e.localTsNs();
            } else {
                Event e = market.poll();
                v.onMarket(e);
                t = e.localTsNs();
            }
            assertTrue(t >= now, "the runtime's clock never goes back: " + t + " after " + now);
            now = t;
            int n = rnd.nextInt(5) == 0 ? 1 + rnd.nextInt(3) : 0;
            for (int i = 0; i < n; i++) {
                feedback.add(v.submit(randomRequest(rnd, req++, nextKey), now));
            }
            if (deadline == InputSource.EXHAUSTED && rnd.nextInt(4) == 0) {
                deadline = now + 1 + rnd.nextInt(30);
            }
        }
        // The feed's visibility times in the order the venue processes them: on the LOCAL timeline feed order
        // (never before the row ahead of it); on the EXCHANGE timeline sorted by visibility, ties in feed order
        // (hftbacktest's stable sort by exch_ts).
        List<Long> times = new ArrayList<>();
        long last = Long.MIN_VALUE;
        for (Event e : rows) {
            long vis = s.timeline() == VenueSettings.Timeline.LOCAL ? e.localTsNs() - s.feedLeadNs()
                    : e.exchTsNs() - s.clockOffsetNs();
            last = Math.max(last, vis);
            times.add(s.timeline() == VenueSettings.Timeline.LOCAL ? last : vis);
        }
        if (s.timeline() == VenueSettings.Timeline.EXCHANGE) {
            times.sort(null);
        }
        return new Outcome(feedback, trace, times, rows.get(rows.size() - 1).localTsNs());
    }

    static Stream<Arguments> scenarios() {
        List<Arguments> out = new ArrayList<>();
        for (long seed = 1; seed <= 12; seed++) {
            out.add(Arguments.of(seed, VenueSettings.DEFAULT.withTimeline(VenueSettings.Timeline.EXCHANGE, 0)));
            out.add(Arguments.of(seed, VenueSettings.DEFAULT.withLatencies(seed % 4, 7)
                    .withTimeline(VenueSettings.Timeline.EXCHANGE, 5)));
            out.add(Arguments.of(seed, VenueSettings.DEFAULT.withLatencies(3, 2).withFeedLeadNs(9)));
            out.add(Arguments.of(seed, VenueSettings.DEFAULT.withLatencies(0, 0).withFeedLeadNs(seed)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "seed {0}, {1}")
    @MethodSource("scenarios")
    void everyRequestIsProcessedAfterExactlyTheRowsVisibleAtItsArrival(long seed, VenueSettings s) {
        Outcome o = simulate(seed, s);
        List<Long> times = o.rowTimes();
        int rowsBefore = 0;
        int requests = 0;
        long lastFeedback = Long.MIN_VALUE;
        for (long[] item : o.trace()) {
            if (item[0] == 0) {
                assertEquals(times.get(rowsBefore), item[2], "rows are processed in visibility order");
                assertEquals(item[2], item[1], "a row is processed at its own visibility time, never later");
                rowsBefore++;
            } else {
                requests++;
                long arrival = item[2];
                assertEquals(arrival, item[1], "a request is processed at its arrival, never later");
                int visible = 0;
                while (visible < times.size() && times.get(visible) <= arrival) {
                    visible++;
                }
                assertEquals(visible, rowsBefore, "request arriving at " + arrival + ": the rows processed before"
                        + " it are exactly those visible at or before its arrival (last before: "
                        + (rowsBefore == 0 ? "none" : times.get(rowsBefore - 1)) + ", first after: "
                        + (rowsBefore == times.size() ? "none" : times.get(rowsBefore)) + ")");
            }
        }
        // The run ends when market and feedback are exhausted; with a deadline still pending, rows visible
        // after it (plus the entry latency) may stay unread. Every row visible by the last market row is read.
        long lastLocal = o.lastMarketLocalTsNs() + s.entryLatencyNs();
        assertTrue(rowsBefore >= times.stream().filter(t -> t <= lastLocal).count(), "the feed was read");
        assertTrue(requests > 20, "the scenario made requests: " + requests);
        for (Event e : o.feedback()) {
            if (e.type() != EventType.ORDER_SUBMITTED) {
                assertTrue(e.localTsNs() >= lastFeedback, "feedback comes in localTsNs order");
                lastFeedback = e.localTsNs();
            }
        }
        assertTrue(o.feedback().stream().anyMatch(e -> e.type() == EventType.ORDER_FILLED), "something filled");
    }

    @ParameterizedTest(name = "seed {0}, {1}")
    @MethodSource("scenarios")
    void twoRunsGiveByteIdenticalFeedback(long seed, VenueSettings s) {
        assertEquals(VenueFixture.digest(simulate(seed, s).feedback()), VenueFixture.digest(simulate(seed, s).feedback()));
    }

    // ------------------------------------------------------------------ behind the real loop

    static Stream<Arguments> loopSettings() {
        CoreConfiguration zero = SimulatedVenueEndToEndTest.config(0, 0);
        CoreConfiguration lat = SimulatedVenueEndToEndTest.config(SimulatedVenueEndToEndTest.MS,
                2 * SimulatedVenueEndToEndTest.MS);
        return Stream.of(
                Arguments.of("zero latency", zero, VenueSettings.DEFAULT, 0),
                Arguments.of("zero latency, exchange timeline", zero,
                        VenueSettings.DEFAULT.withTimeline(VenueSettings.Timeline.EXCHANGE, 0), 0),
                Arguments.of("latencies", lat, VenueSettings.of(lat), 0),
                Arguments.of("feed lead above response latency", lat,
                        VenueSettings.of(lat).withFeedLeadNs(3 * SimulatedVenueEndToEndTest.MS), 0),
                Arguments.of("exchange timeline", lat,
                        VenueSettings.of(lat).withTimeline(VenueSettings.Timeline.EXCHANGE, 0), 0),
                Arguments.of("every 3rd submit fails", lat, VenueSettings.of(lat), 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loopSettings")
    void behindTheRuntimeLoopTheCoreAcceptsEveryRecordAndAnswerOfAFedVenue(String name, CoreConfiguration cfg,
                                                                          VenueSettings s, int failEveryNth) {
        Run r = SimulatedVenueEndToEndTest.run(cfg, s, failEveryNth, true);
        assertEquals(r.fromVenue(), SimulatedVenueEndToEndTest.onlyVenueEvents(r.stream()), name);
        SimulatedVenueEndToEndTest.assertPositionIsThatOfTheFills(r);
        assertTrue(r.stream().stream().anyMatch(e -> e.type() == EventType.ORDER_FILLED), name + ": something filled");
        Run again = SimulatedVenueEndToEndTest.run(cfg, s, failEveryNth, true);
        assertEquals(VenueFixture.digest(r.stream()), VenueFixture.digest(again.stream()), name + ": same stream twice");
    }

    @Test
    void whereTheMergedVenueAlreadySawEveryVisibleRowTheFedVenueGivesTheSameRun() {
        // LOCAL timeline, response latency above the feed lead: the merged venue is exact, so both agree.
        CoreConfiguration cfg = SimulatedVenueEndToEndTest.config(SimulatedVenueEndToEndTest.MS,
                2 * SimulatedVenueEndToEndTest.MS);
        Run merged = SimulatedVenueEndToEndTest.run(cfg, VenueSettings.of(cfg), 0, false);
        Run fed = SimulatedVenueEndToEndTest.run(cfg, VenueSettings.of(cfg), 0, true);
        assertEquals(VenueFixture.digest(merged.stream()), VenueFixture.digest(fed.stream()));
        assertFalse(fed.execution().isEmpty());
    }
}

package io.tradingchassis.core.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.Bbo;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.BookSnapshot;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.ControlTime;
import io.tradingchassis.core.event.ControlTimeReason;
import io.tradingchassis.core.event.DispatchFailed;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventStreamEntry;
import io.tradingchassis.core.event.FeedGap;
import io.tradingchassis.core.event.KillSwitch;
import io.tradingchassis.core.event.OrderAccepted;
import io.tradingchassis.core.event.OrderCancelled;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.event.OrderRejected;
import io.tradingchassis.core.event.OrderReplaced;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.PriceLevel;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.Trade;
import io.tradingchassis.core.intent.Disposition;
import io.tradingchassis.core.intent.Reason;
import io.tradingchassis.core.queue.QueueTestKit;
import io.tradingchassis.core.queue.TokenBucket;
import io.tradingchassis.core.state.ExecutionState;
import io.tradingchassis.core.state.Order;
import io.tradingchassis.core.state.PendingCommand;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.strategy.MarketMakerStrategy;
import io.tradingchassis.core.strategy.MomentumTakerStrategy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Long generated streams through the real engine with the shipped strategies and a simulated venue
 * loop in the test (SPEC §6 records and answers naming request ids, §9 Control-Time injection),
 * checking after every step: EC4 (≤ 1 pending per key), EC5 (≤ 1 inflight per key: no dispatch on a key
 * already inflight, at most one unanswered request per key in the venue model), R1/R3 (every dispatch
 * carries an Intent that was allowed and never closed), SPEC §5 step 7 (each Intent of a step gets
 * exactly one disposition), §9 (obligation iff rate-blocked work; exact deadline), the kill switch,
 * E5/EC7 (re-running a step on a snapshot with a fresh engine gives the same State and result; a full
 * replay gives the same digests), and liveness: every inflight request is owed exactly one future event
 * by the venue model (its record if unrecorded, its answer if recorded), so no key stays blocked.
 *
 * <p>The venue model also produces the orderings the SPEC §6 contract allows besides the usual one:
 * records delayed after other events, and a REPLACE/CANCEL whose Order fills completely before its
 * record arrives (the record is accepted; the venue's reject naming the request releases the key).
 * Each run ends with a drain: kill switch on, market data stops, the venue delivers everything it owes
 * (the market maker cancels its quotes); then nothing is inflight or pending. The seed is printed on
 * failure.
 */
class ExecutionPipelineLongRunTest {
    static final int ENTRIES = 20_000;
    static final int CHECKPOINT = 500;
    static final long MS = 1_000_000L;
    /** Upper bound on drain steps: the drain must reach quiescence well before. */
    static final int DRAIN_LIMIT = 5_000;

    static CoreConfiguration marketMaker() {
        return QueueTestKit.config(QueueTestKit.strategy(MarketMakerStrategy.ID,
                "\"halfSpreadTicks\":2,\"quoteQtyLots\":3,\"skewTicksPerLot\":1,\"replaceThresholdTicks\":1")
                + "," + QueueTestKit.rateLimit(3, 20) + "," + QueueTestKit.risk(1_000, 30, 6, 40));
    }

    static CoreConfiguration momentumTaker() {
        return QueueTestKit.config(QueueTestKit.strategy(MomentumTakerStrategy.ID,
                "\"tradesInRow\":2,\"orderQtyLots\":1,\"maxPositionLots\":8")
                + "," + QueueTestKit.rateLimit(2, 2));
    }

    @ParameterizedTest(name = "market-maker seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 0xBADC0DEL})
    void EC4_EC5_R1_R3_EC7_afterEveryStep_marketMaker(long seed) {
        new Run(seed, marketMaker(), true).go();
    }

    @ParameterizedTest(name = "momentum-taker seed {0}")
    @ValueSource(longs = {7, 8})
    void EC4_EC5_R1_R3_EC7_afterEveryStep_momentumTaker(long seed) {
        new Run(seed, momentumTaker(), false).go();
    }

    /** A venue answer scheduled for a recorded request. */
    record Answer(long timeNs, long seq, long key, CommandType type, long requestId) {
    }

    /** A dispatch record the runtime delivers late: after entry {@code releaseAt} (SPEC §6 allows it). */
    record Delayed(long releaseAt, long seq, DispatchRequest request, boolean failed) {
    }

    static final class Run {
        final long seed;
        final CoreConfiguration cfg;
        final boolean marketMaker;
        final Random rnd;
        final CoreEngine engine = new CoreEngine();
        final State state = new State();
        final List<EventStreamEntry> entries = new ArrayList<>();
        final List<String> results = new ArrayList<>();
        final Map<Long, String> digests = new TreeMap<>();
        /** The Strategy's own projection of State ("my orders"), read for the kill-switch check. */
        final StrategyContext view = new StrategyContext();

        // market generator
        long mid = 10_000;
        long bidPx;
        long askPx;
        long tm = QueueTestKit.T0;
        int lastAggressor = 1;
        boolean killOn;
        int killToggleAt;
        boolean gap;
        final Deque<Event> pendingMarket = new ArrayDeque<>();

        // venue model: events it owes the core
        final Deque<Event> immediate = new ArrayDeque<>();
        final PriorityQueue<Delayed> delayed = new PriorityQueue<>((a, b) -> a.releaseAt() != b.releaseAt()
                ? Long.compare(a.releaseAt(), b.releaseAt()) : Long.compare(a.seq(), b.seq()));
        final PriorityQueue<Answer> answers = new PriorityQueue<>((a, b) -> a.timeNs() != b.timeNs()
                ? Long.compare(a.timeNs(), b.timeNs()) : Long.compare(a.seq(), b.seq()));
        long seq;
        /** The unanswered request per key, as the venue model knows it. */
        final Map<Long, DispatchRequest> outstanding = new HashMap<>();
        final TreeSet<Long> working = new TreeSet<>();

        // runtime obligation (SPEC §9: at most one, replaced by every step's result)
        Long obligation;
        int lastDispatchCount;

        // R1/R3 bookkeeping
        final Set<Long> denied = new HashSet<>();
        final Set<Long> closed = new HashSet<>();
        final Map<String, Integer> coverage = new TreeMap<>();

        Run(long seed, CoreConfiguration cfg, boolean marketMaker) {
            this.seed = seed;
            this.cfg = cfg;
            this.marketMaker = marketMaker;
            this.rnd = new Random(seed);
            this.killToggleAt = 2_000 + rnd.nextInt(2_000);
        }

        String where() {
            return "seed=" + seed + " strategy=" + cfg.strategy().id() + " position=" + state.lastPosition();
        }

        void count(String what) {
            coverage.merge(what, 1, Integer::sum);
        }

        void go() {
            try {
                loop(ENTRIES);
                // the drain starts from live trading: kill switch off, 300 more entries
                killToggleAt = Integer.MAX_VALUE;
                if (killOn) {
                    killOn = false;
                    step(new KillSwitch(now(), now(), false));
                }
                loop(entries.size() + 300);
                if (gap) {
                    gap = false;
                    step(new BookSnapshot(now(), now(), 0, List.of(new PriceLevel(bidPx, 5)),
                            List.of(new PriceLevel(askPx, 5))));
                }
                // ... and right after a step that dispatched: its records are still owed when the switch goes on
                int guard = 0;
                while (lastDispatchCount == 0 && guard++ < 5_000) {
                    loop(entries.size() + 1);
                }
                drain();
                replayAndCompare();
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("FAILED " + where() + ": " + e.getMessage(), e);
            }
            // the stream must have exercised the interesting paths
            String[] must = marketMaker
                    ? new String[] {"dispatch:NEW", "dispatch:REPLACE", "dispatch:CANCEL", "ControlTime",
                        "DispatchFailed", "fill", "obligation", "killStep", "PENDING(INFLIGHT)",
                        "PENDING(RATE_LIMITED)", "DENIED", "delayedRecord", "fillBeforeRecord",
                        "lateRecordOfRetiredOrder", "rejectOfRetiredOrder", "unsolicitedCancel",
                        "answer:OrderReplaced", "answer:OrderCancelled", "drain:owed", "drain:CANCEL"}
                    : new String[] {"dispatch:NEW", "ControlTime", "DispatchFailed", "fill", "obligation",
                        "PENDING(RATE_LIMITED)", "delayedRecord", "answer:OrderAccepted", "drain:owed"};
            for (String m : must) {
                assertTrue(coverage.getOrDefault(m, 0) > 0, "seed=" + seed + " never exercised " + m + ": "
                        + coverage);
            }
        }

        // ---------------------------------------------------------------- the stream

        void loop(int until) {
            while (entries.size() < until) {
                Event e = nextOwed(false);
                if (e == null) {
                    e = materializeMarket();
                    tm += nextDt();
                }
                step(e);
            }
        }

        /**
         * The next event the runtime appends, market data aside: this step's records and the rest of a
         * book move first, then late records whose time came, then venue answers and Control-Time by
         * time (SPEC §9: a ControlTime is injected before any input after the pending deadline). Returns
         * {@code null} when the next input is market data (never while draining).
         */
        Event nextOwed(boolean draining) {
            if (!immediate.isEmpty()) {
                return immediate.poll();
            }
            if (!delayed.isEmpty() && (draining || delayed.peek().releaseAt() <= entries.size())) {
                count("delayedRecord");
                Delayed d = delayed.poll();
                return recordOf(d.request(), d.failed(), now());
            }
            long tv = answers.isEmpty() ? Long.MAX_VALUE : answers.peek().timeNs();
            long next = draining ? tv : Math.min(tm, tv);
            if (obligation != null && next > obligation) {
                long d = obligation;
                count("ControlTime");
                return new ControlTime(d, d, d, ControlTimeReason.RATE_LIMIT_RECOVERY);
            }
            if (!answers.isEmpty() && tv <= next) {
                return materializeAnswer(answers.poll()); // EXECUTION before MARKET at equal times
            }
            return null;
        }

        long nextDt() {
            int k = rnd.nextInt(100);
            if (k < 10) {
                return 0;
            }
            if (k < 97) {
                return 1 + rnd.nextInt(20) * MS / 2;
            }
            return 500 * MS + rnd.nextInt(2_500) * MS; // quiet spells: the bucket refills
        }

        long now() {
            return state.control().controlTimeNs();
        }

        Event materializeMarket() {
            long t = tm;
            int pos = entries.size();
            if (pos >= killToggleAt) {
                killOn = !killOn;
                killToggleAt = pos + (killOn ? 100 + rnd.nextInt(200) : 1_000 + rnd.nextInt(1_500));
                return new KillSwitch(t, t, killOn);
            }
            int k = rnd.nextInt(1000);
            if (bidPx == 0) {
                return moveBook(t);
            }
            if (k < 8 && !gap) {
                gap = true;
                return new FeedGap(t, t, 0);
            }
            if (gap && k < 60) {
                gap = false;
                return new BookSnapshot(t - 3, t, 0, List.of(new PriceLevel(bidPx, 1 + rnd.nextInt(9))),
                        List.of(new PriceLevel(askPx, 1 + rnd.nextInt(9))));
            }
            if (k < 100 && !working.isEmpty()) {
                return unsolicited(t);
            }
            if (k < 110) {
                // a late event: an older localTsNs than control time (control time stays the max)
                long late = Math.max(QueueTestKit.T0, now() - rnd.nextInt(3) * MS);
                return new Trade(late - 5, late, 0, rnd.nextBoolean() ? Side.BUY : Side.SELL, mid, 1);
            }
            if (k < 450) {
                return moveBook(t);
            }
            if (k < 520) {
                return new Bbo(t - 2, t, 0, bidPx, 1 + rnd.nextInt(9), askPx, 1 + rnd.nextInt(9));
            }
            if (k < 560) {
                return new BookDelta(t - 2, t, 0, rnd.nextBoolean() ? BookSide.BID : BookSide.ASK,
                        rnd.nextBoolean() ? bidPx : askPx, 1 + rnd.nextInt(9)); // requantify the top
            }
            int aggressor = rnd.nextInt(10) < 7 ? lastAggressor : -lastAggressor;
            lastAggressor = aggressor;
            return new Trade(t - 2, t, 0, aggressor > 0 ? Side.BUY : Side.SELL, aggressor > 0 ? askPx : bidPx,
                    1 + rnd.nextInt(5));
        }

        /** Moves mid and re-quotes the top; old levels are removed by later entries (L2 semantics). */
        Event moveBook(long t) {
            if (bidPx == 0) {
                bidPx = mid - 1;
                askPx = mid + 1;
                pendingMarket.add(new BookDelta(t, t, 0, BookSide.ASK, askPx, 5));
                return new BookDelta(t, t, 0, BookSide.BID, bidPx, 5);
            }
            mid += rnd.nextInt(7) - 3;
            long nb = mid - 1 - rnd.nextInt(2);
            long na = mid + 1 + rnd.nextInt(2);
            long ob = bidPx;
            long oa = askPx;
            bidPx = nb;
            askPx = na;
            if (ob != nb) {
                pendingMarket.add(new BookDelta(t, t, 0, BookSide.BID, ob, 0));
            }
            pendingMarket.add(new BookDelta(t, t, 0, BookSide.ASK, na, 1 + rnd.nextInt(9)));
            if (oa != na) {
                pendingMarket.add(new BookDelta(t, t, 0, BookSide.ASK, oa, 0));
            }
            return new BookDelta(t, t, 0, BookSide.BID, nb, 1 + rnd.nextInt(9));
        }

        /** The venue moves a working order on its own: partial/full fill or cancel. */
        Event unsolicited(long t) {
            Long[] keys = working.toArray(new Long[0]);
            long key = keys[rnd.nextInt(keys.length)];
            Order o = state.execution().orders().get(key);
            int k = rnd.nextInt(10);
            if (k < 4 && o.leavesLots() >= 2) {
                long q = 1 + rnd.nextInt((int) o.leavesLots() - 1);
                count("fill");
                return new OrderFilled(t - 1, t, key, q, o.priceTicks(), o.leavesLots() - q);
            }
            if (k < 8) {
                count("fill");
                return fullFill(o, t);
            }
            count("unsolicitedCancel");
            return new OrderCancelled(t - 1, t, key, OrderCancelled.UNSOLICITED);
        }

        static OrderFilled fullFill(Order o, long t) {
            return new OrderFilled(t - 1, t, o.orderId(), o.leavesLots(), o.priceTicks(), 0);
        }

        /** The dispatch record of a request (SPEC §6: it names the request id), or its transmission failure. */
        static Event recordOf(DispatchRequest c, boolean failed, long t) {
            return failed ? new DispatchFailed(t, t, c.orderKey(), c.requestId(), "link down")
                    : new OrderSubmitted(t, t, c.orderKey(), c.requestId(), c.command());
        }

        /**
         * The venue's answer to a recorded request, from the current State (SPEC §6, §8.2). Nothing but
         * its answer releases a recorded request, so the request must still be inflight and recorded.
         * A REPLACE/CANCEL whose Order is gone (filled or cancelled meanwhile) is rejected.
         */
        Event materializeAnswer(Answer a) {
            ExecutionState x = state.execution();
            PendingCommand c = x.inflight().get(a.key());
            assertNotNull(c, "the venue answers request #" + a.requestId() + " of key " + a.key()
                    + ", but nothing released it and the key is free");
            assertEquals(a.requestId(), c.requestId(), "the key's inflight request");
            assertTrue(c.recorded(), "an answer is scheduled only after the record");
            long t = a.timeNs();
            Order o = x.orders().get(a.key());
            Event answer;
            switch (a.type()) {
                case NEW:
                    answer = rnd.nextInt(100) < 92 ? new OrderAccepted(t - 1, t, a.key())
                            : new OrderRejected(t - 1, t, a.key(), a.requestId(), "post-only would cross");
                    break;
                case REPLACE:
                    if (o != null && o.status().isWorking() && c.qtyLots() > o.filledLots()
                            && rnd.nextInt(100) < 85) {
                        answer = new OrderReplaced(t - 1, t, a.key(), a.requestId(), c.priceTicks(), c.qtyLots());
                    } else {
                        answer = new OrderRejected(t - 1, t, a.key(), a.requestId(), "replace refused");
                    }
                    break;
                default:
                    if (o != null && o.status().isWorking() && rnd.nextInt(100) < 95) {
                        answer = new OrderCancelled(t - 1, t, a.key(), a.requestId());
                    } else {
                        answer = new OrderRejected(t - 1, t, a.key(), a.requestId(), "too late to cancel");
                    }
            }
            if (o == null) {
                count("rejectOfRetiredOrder");
            }
            count("answer:" + answer.getClass().getSimpleName());
            return answer;
        }

        // ---------------------------------------------------------------- drain

        /**
         * Liveness at the end: kill switch on, no more market data; the venue delivers everything it
         * owes (late records, answers) and the runtime realizes every obligation. When a quiet State
         * still has live market-maker quotes, one BBO event lets the maker decide (under the kill switch
         * it cancels them). Sound because (a) after every step each inflight request is owed exactly one
         * record or answer by the model ({@link #checkOwed}), and each record/answer is delivered; (b) the
         * kill switch makes validity drop every pending NEW/REPLACE (R3), so only CANCELs can wait, and
         * those wait for a free key (an answer owed) or a token (an obligation, realized here). So when
         * the model owes nothing and there is no obligation, anything still inflight or pending would be
         * a key the core never releases.
         */
        void drain() {
            killOn = true;
            count("drain");
            step(new KillSwitch(now(), now(), true));
            int idlePokes = 0;
            for (int n = 0; ; n++) {
                assertTrue(n < DRAIN_LIMIT, "the drain does not reach quiescence: " + state);
                Event e = nextOwed(true);
                if (e == null) {
                    if (marketMaker && state.execution().orders().liveCount() > 0 && idlePokes++ < 3) {
                        long t = now() + MS;
                        e = new Bbo(t, t, 0, bidPx, 5, askPx, 5); // a decision for the maker
                    } else {
                        break;
                    }
                } else {
                    idlePokes = 0;
                    count("drain:owed");
                }
                count("drain");
                int dispatchesBefore = coverage.getOrDefault("dispatch:CANCEL", 0);
                step(e);
                coverage.merge("drain:CANCEL", coverage.getOrDefault("dispatch:CANCEL", 0) - dispatchesBefore,
                        Integer::sum);
            }
            ExecutionState x = state.execution();
            assertEquals(0, x.inflight().size(), "inflight keys after the drain: " + keys(x.inflight().keys()));
            assertEquals(0, x.queue().size(), "pending commands after the drain");
            assertTrue(outstanding.isEmpty(), "the venue model still waits for " + outstanding);
            if (marketMaker) {
                assertEquals(0, x.orders().liveCount(), "kill switch + cancels leave the maker no live quote");
            }
        }

        static List<Long> keys(long[] ks) {
            List<Long> l = new ArrayList<>();
            for (long k : ks) {
                l.add(k);
            }
            return l;
        }

        // ---------------------------------------------------------------- one step and its checks

        void step(Event e) {
            ExecutionState x = state.execution();
            long pos = state.lastPosition() + 1;
            EventStreamEntry entry = new EventStreamEntry(pos, e);
            long firstIntent = x.queue().nextIntentId();
            long firstRequest = x.inflight().nextRequestId();
            Set<Long> inflightBefore = new HashSet<>();
            for (long k : x.inflight().keys()) {
                inflightBefore.add(k);
            }
            long controlBefore = state.control().controlTimeNs();
            if (e instanceof OrderSubmitted s && s.command().type() != CommandType.NEW
                    && x.orders().get(s.orderId()) == null) {
                count("lateRecordOfRetiredOrder"); // its Order filled or was cancelled before the record
            }

            State snap = pos % CHECKPOINT == 0 ? state.snapshot() : null;
            StepResult r = engine.processEventEntry(state, entry, cfg);
            count("event:" + e.type());
            entries.add(entry);
            results.add(r.toString());
            lastDispatchCount = r.dispatchCount();
            if (snap != null) {
                // E5/EC7: the step is a function of (State, entry, configuration) only
                StepResult again = new CoreEngine().processEventEntry(snap, entry, cfg);
                assertEquals(r.toString(), again.toString(), "re-run on a snapshot differs at " + pos);
                String digest = state.digest();
                assertEquals(digest, snap.digest(), "re-run on a snapshot gives another State at " + pos);
                digests.put(pos, digest);
            }
            assertEquals(pos, r.position());
            assertEquals(e.type(), r.eventType());
            assertTrue(state.control().controlTimeNs() >= controlBefore, "control time is monotone");

            checkEC4(x);
            checkDispatches(x, e, r, inflightBefore, firstRequest);
            checkDispositions(x, r, firstIntent);
            checkObligation(x, r);
            checkKillSwitch(x, e, r, firstIntent);
            venueFollowUp(x, e, r);
            checkOwed(x);

            // feed pending market sub-events (the rest of a book move) before anything else of the market
            if (!pendingMarket.isEmpty() && immediate.isEmpty()) {
                immediate.add(pendingMarket.poll());
            }
        }

        void checkEC4(ExecutionState x) {
            Set<Long> keys = new HashSet<>();
            for (int i = 0; i < x.queue().size(); i++) {
                PendingCommand p = x.queue().at(i);
                assertTrue(keys.add(p.orderKey()), "EC4: two pending commands for key " + p.orderKey());
                if (i > 0) {
                    assertTrue(x.queue().at(i - 1).admissionSeq() < p.admissionSeq(), "queue in admission order");
                }
            }
        }

        void checkDispatches(ExecutionState x, Event e, StepResult r, Set<Long> inflightBefore, long firstRequest) {
            Set<Long> keysThisStep = new HashSet<>();
            for (int i = 0; i < r.dispatchCount(); i++) {
                DispatchRequest c = r.dispatch(i);
                count("dispatch:" + c.type());
                long key = c.orderKey();
                assertEquals(firstRequest + i, c.requestId(), "request ids: +1 per dispatch, in dispatch order");
                assertTrue(keysThisStep.add(key), "EC5: two dispatches for key " + key + " in one step");
                DispatchRequest unanswered = outstanding.get(key);
                assertTrue(!inflightBefore.contains(key) || unanswered != null && answers(e, unanswered),
                        "EC5: dispatch for key " + key + " that was inflight before the step and not released by it");
                assertTrue(unanswered == null || answers(e, unanswered),
                        "EC5: key " + key + " already has an unanswered request " + unanswered + "; event " + e);
                PendingCommand now = x.inflight().get(key);
                assertNotNull(now, "a dispatched command is inflight");
                assertEquals(c.requestId(), now.requestId(), "the dispatch names the inflight request");
                assertEquals(c.command(), now.toOrderCommand(), "the dispatch is the inflight command");
                // R1/R3: the command carries an Intent that Risk allowed and that is still open
                long intent = now.intentId();
                assertTrue(intent >= 0, "dispatch without an Intent");
                assertTrue(!denied.contains(intent), "R3: a DENIED intent reached the venue: " + c);
                assertTrue(!closed.contains(intent), "a closed intent arc was dispatched: " + c);
                assertTrue(c.type() == CommandType.CANCEL ? c.priceTicks() == 0 && c.qtyLots() == 0
                        : c.priceTicks() > 0 && c.qtyLots() > 0, "well-formed dispatch: " + c);
                assertEquals(Disposition.DISPATCHED, r.lastDispositionOf(intent));
            }
        }

        /** True when {@code e} is the answer (or transmission failure) that releases request {@code d}. */
        static boolean answers(Event e, DispatchRequest d) {
            long key = d.orderKey();
            long id = d.requestId();
            if (e instanceof OrderAccepted a) {
                return a.orderId() == key && d.type() == CommandType.NEW;
            } else if (e instanceof OrderRejected a) {
                return a.orderId() == key && a.requestId() == id;
            } else if (e instanceof OrderReplaced a) {
                return a.orderId() == key && a.requestId() == id;
            } else if (e instanceof OrderCancelled a) {
                return a.orderId() == key && a.requestId() == id;
            } else if (e instanceof DispatchFailed a) {
                return a.orderId() == key && a.requestId() == id;
            }
            return false;
        }

        void checkDispositions(ExecutionState x, StepResult r, long firstIntent) {
            long lastIntent = x.queue().nextIntentId();
            int[] perIntent = new int[(int) (lastIntent - firstIntent)];
            for (int i = 0; i < r.dispositionCount(); i++) {
                long id = r.dispositionIntentId(i);
                Disposition d = r.disposition(i);
                if (id >= firstIntent) {
                    perIntent[(int) (id - firstIntent)]++;
                } else {
                    // older Intents may only move from pending to a terminal class
                    assertTrue(d != Disposition.DENIED && d != Disposition.PENDING && d != Disposition.INVALID,
                            "old intent " + id + " reported " + d);
                }
                assertTrue(!closed.contains(id), "intent " + id + " reported after its arc closed: " + d);
                assertTrue(r.dispositionReason(i) != Reason.KEY_NOT_FRESH,
                        "the shipped strategies use fresh, increasing NEW keys: " + r);
                switch (d) {
                    case DENIED:
                        denied.add(id);
                        count("DENIED");
                        count("DENIED(" + r.dispositionReason(i) + ")/" + r.dispositionType(i));
                        break;
                    case PENDING: {
                        Reason why = r.dispositionReason(i);
                        count("PENDING(" + why + ")");
                        boolean inflight = x.inflight().type(r.dispositionOrderKey(i)) != null;
                        assertEquals(inflight ? Reason.INFLIGHT : Reason.RATE_LIMITED, why,
                                "pending reason for intent " + id);
                        PendingCommand p = x.queue().forKey(r.dispositionOrderKey(i));
                        assertNotNull(p, "reported PENDING but not in the queue");
                        assertEquals(id, p.intentId());
                        break;
                    }
                    case DISPATCHED:
                        closed.add(id); // closed after dispatch: the venue now moves the Order
                        break;
                    default:
                        closed.add(id);
                        count(d.name());
                }
            }
            for (int k = 0; k < perIntent.length; k++) {
                assertEquals(1, perIntent[k], "SPEC §5.7: intent " + (firstIntent + k)
                        + " must get exactly one disposition in its step: " + r);
            }
        }

        void checkObligation(ExecutionState x, StepResult r) {
            boolean freePending = false;
            for (int i = 0; i < x.queue().size(); i++) {
                if (x.inflight().type(x.queue().at(i).orderKey()) == null) {
                    freePending = true;
                    break;
                }
            }
            assertEquals(freePending, r.hasObligation(),
                    "SPEC §9: an obligation exactly when valid work on a free key waits for a token");
            if (r.hasObligation()) {
                count("obligation");
                assertTrue(!TokenBucket.hasToken(x), "rate-blocked with a token left");
                long missing = TokenBucket.ONE - x.bucket().scaled();
                long refill = cfg.rateLimit().refillPerSecond();
                assertEquals(now() + (missing + refill - 1) / refill, r.obligationDeadlineNs(), "exact deadline");
                assertTrue(r.obligationDeadlineNs() > now());
                assertTrue(r.obligationDeadlineNs() > state.control().lastControlTimeDeadlineNs());
                obligation = r.obligationDeadlineNs();
            } else {
                obligation = null;
            }
        }

        void checkKillSwitch(ExecutionState x, Event e, StepResult r, long firstIntent) {
            if (!state.control().killSwitch()) {
                return;
            }
            // The Strategy emits no NEW and no REPLACE under the kill switch.
            for (int i = 0; i < r.dispositionCount(); i++) {
                if (r.dispositionIntentId(i) >= firstIntent) {
                    assertEquals(CommandType.CANCEL, r.dispositionType(i), "kill switch on, yet " + r);
                }
            }
            for (int i = 0; i < x.queue().size(); i++) {
                assertEquals(CommandType.CANCEL, x.queue().at(i).type(), "R3: only CANCELs wait under the kill switch");
            }
            if (marketMaker && r.strategyRan() && r.strategyFailure() == null) {
                count("killStep");
                // every working quote, as the maker sees its orders, is now being cancelled
                view.begin(state, cfg, e, state.lastPosition(), 0);
                try {
                    for (int i = 0; i < view.workingCount(); i++) {
                        assertTrue(view.workingCancelling(i), "kill switch: key " + view.workingKey(i)
                                + " still quoting after a decision");
                    }
                } finally {
                    view.end();
                }
            }
        }

        void venueFollowUp(ExecutionState x, Event e, StepResult r) {
            // forget answered requests: a request stays outstanding while it is the key's inflight request
            outstanding.entrySet().removeIf(en -> {
                PendingCommand c = x.inflight().get(en.getKey());
                return c == null || c.requestId() != en.getValue().requestId();
            });
            long t = now();
            for (int i = 0; i < r.dispatchCount(); i++) {
                DispatchRequest c = r.dispatch(i);
                outstanding.put(c.orderKey(), c);
                boolean failed = rnd.nextInt(100) < 3;
                if (failed) {
                    count("DispatchFailed");
                }
                Order o = x.orders().get(c.orderKey());
                if (c.type() != CommandType.NEW && o != null && o.status().isWorking() && rnd.nextInt(100) < 8) {
                    // the Order fills completely before the REPLACE/CANCEL's record arrives
                    count("fillBeforeRecord");
                    count("fill");
                    immediate.add(fullFill(o, t));
                }
                if (rnd.nextInt(100) < 8) {
                    // the record arrives late, after other events (the core stays correct, SPEC §6)
                    delayed.add(new Delayed(entries.size() + 1 + rnd.nextInt(6), seq++, c, failed));
                } else {
                    immediate.add(recordOf(c, failed, t));
                }
            }
            if (e instanceof OrderSubmitted s) {
                PendingCommand c = x.inflight().get(s.orderId());
                assertNotNull(c, "OrderSubmitted left no inflight marker");
                assertTrue(c.recorded());
                answers.add(new Answer(t + 1 + rnd.nextInt(30) * MS, seq++, s.orderId(), c.type(), c.requestId()));
            }
            // working orders, from the step's Order transitions
            for (int i = 0; i < r.transitionCount(); i++) {
                long id = r.transitionOrderId(i);
                if (r.transitionTo(i).isWorking()) {
                    working.add(id);
                } else if (r.transitionTo(i).isTerminal()) {
                    working.remove(id);
                    assertEquals(null, x.orders().get(id), "a terminal Order retires at the end of its step");
                }
            }
        }

        /**
         * No key stays blocked forever: every inflight request is owed exactly one future event by the
         * venue model — its record while unrecorded, its answer once recorded — and the model owes
         * nothing for a request that is not inflight.
         */
        void checkOwed(ExecutionState x) {
            Map<Long, Long> records = new HashMap<>();
            for (Event e : immediate) {
                if (e instanceof OrderSubmitted s) {
                    assertEquals(null, records.put(s.requestId(), s.orderId()), "two records for one request");
                } else if (e instanceof DispatchFailed f) {
                    assertEquals(null, records.put(f.requestId(), f.orderId()), "two records for one request");
                }
            }
            for (Delayed d : delayed) {
                assertEquals(null, records.put(d.request().requestId(), d.request().orderKey()),
                        "two records for one request");
            }
            Map<Long, Long> owedAnswers = new HashMap<>();
            for (Answer a : answers) {
                assertEquals(null, owedAnswers.put(a.requestId(), a.key()), "two answers for one request");
            }
            for (long k : x.inflight().keys()) {
                PendingCommand c = x.inflight().get(k);
                Map<Long, Long> owed = c.recorded() ? owedAnswers : records;
                assertEquals(Long.valueOf(k), owed.remove(c.requestId()), "key " + k + ": " + c
                        + " is owed no " + (c.recorded() ? "answer" : "record") + ": it would stay blocked");
            }
            assertTrue(records.isEmpty(), "records owed for requests that are not inflight: " + records);
            assertTrue(owedAnswers.isEmpty(), "answers owed for requests that are not inflight: " + owedAnswers);
        }

        // ---------------------------------------------------------------- E5: replay

        void replayAndCompare() {
            CoreEngine e2 = new CoreEngine();
            State s2 = new State();
            for (int i = 0; i < entries.size(); i++) {
                StepResult r = e2.processEventEntry(s2, entries.get(i), cfg);
                assertEquals(results.get(i), r.toString(), "replay diverges at position " + i);
                String d = digests.get((long) i);
                if (d != null) {
                    assertEquals(d, s2.digest(), "replay State digest differs at position " + i);
                }
            }
            assertEquals(state.digest(), s2.digest(), "final digest");
        }
    }
}

package io.tradingchassis.core.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.config.StrategyCatalog;
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
 * loop in the test (SPEC §6 answers, §9 Control-Time injection), checking after every step:
 * EC4 (≤ 1 pending per key), EC5 (≤ 1 inflight per key: no dispatch on a key already inflight, at most
 * one unanswered dispatch per key in the venue model), R1/R3 (every dispatch carries an Intent that was
 * allowed and never closed), SPEC §5 step 7 (each Intent of a step gets exactly one disposition), §9
 * (obligation iff rate-blocked work; exact deadline), the kill switch, and E5/EC7 (re-running a step on
 * a snapshot with a fresh engine gives the same State and result; a full replay gives the same digests).
 * The seed is printed on failure.
 */
class ExecutionPipelineLongRunTest {
    static final int ENTRIES = 20_000;
    static final int CHECKPOINT = 500;
    static final long MS = 1_000_000L;

    static CoreConfiguration marketMaker() {
        return QueueTestKit.config(QueueTestKit.strategy(StrategyCatalog.MARKET_MAKER,
                "\"halfSpreadTicks\":2,\"quoteQtyLots\":3,\"skewTicksPerLot\":1,\"replaceThresholdTicks\":1")
                + "," + QueueTestKit.rateLimit(3, 20) + "," + QueueTestKit.risk(1_000, 30, 6, 40));
    }

    static CoreConfiguration momentumTaker() {
        return QueueTestKit.config(QueueTestKit.strategy(StrategyCatalog.MOMENTUM_TAKER,
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

    /** A venue answer scheduled for a recorded dispatch. */
    record Answer(long timeNs, long seq, long key, CommandType type, long intentId, long admissionSeq) {
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

        // market generator
        long mid = 10_000;
        long bidPx;
        long askPx;
        long tm = QueueTestKit.T0;
        int lastAggressor = 1;
        boolean killOn;
        int killToggleAt;
        boolean gap;

        // venue model
        final Deque<Event> immediate = new ArrayDeque<>();
        final PriorityQueue<Answer> answers = new PriorityQueue<>((a, b) -> a.timeNs() != b.timeNs()
                ? Long.compare(a.timeNs(), b.timeNs()) : Long.compare(a.seq(), b.seq()));
        long answerSeq;
        final Map<Long, PendingCommand> outstanding = new HashMap<>();
        final TreeSet<Long> working = new TreeSet<>();

        // runtime obligation (SPEC §9: at most one, replaced by every step's result)
        Long obligation;

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
                loop();
                replayAndCompare();
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("FAILED " + where() + ": " + e.getMessage(), e);
            }
            // the stream must have exercised the interesting paths
            String[] must = marketMaker
                    ? new String[] {"dispatch:NEW", "dispatch:REPLACE", "dispatch:CANCEL", "ControlTime",
                        "DispatchFailed", "fill", "obligation", "killStep", "PENDING(INFLIGHT)",
                        "PENDING(RATE_LIMITED)", "DENIED"}
                    : new String[] {"dispatch:NEW", "ControlTime", "DispatchFailed", "fill", "obligation",
                        "PENDING(RATE_LIMITED)"};
            for (String m : must) {
                assertTrue(coverage.getOrDefault(m, 0) > 0, "seed=" + seed + " never exercised " + m + ": "
                        + coverage);
            }
        }

        // ---------------------------------------------------------------- the stream

        void loop() {
            while (entries.size() < ENTRIES) {
                Event e;
                if (!immediate.isEmpty()) {
                    e = immediate.poll();
                } else {
                    long tv = answers.isEmpty() ? Long.MAX_VALUE : answers.peek().timeNs();
                    long next = Math.min(tm, tv);
                    if (obligation != null && next > obligation) {
                        long d = obligation;
                        e = new ControlTime(d, d, d, ControlTimeReason.RATE_LIMIT_RECOVERY);
                        count("ControlTime");
                    } else if (tv <= tm) {
                        e = materializeAnswer(answers.poll()); // EXECUTION before MARKET at equal times
                        if (e == null) {
                            continue;
                        }
                    } else {
                        e = materializeMarket();
                        tm += nextDt();
                        if (e == null) {
                            continue;
                        }
                    }
                }
                step(e);
            }
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

        final Deque<Event> pendingMarket = new ArrayDeque<>();

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
                return new OrderFilled(t - 1, t, key, o.leavesLots(), o.priceTicks(), 0);
            }
            return new OrderCancelled(t - 1, t, key);
        }

        /** Builds the venue's answer to a recorded dispatch, from the current State (SPEC §6, §8.2). */
        Event materializeAnswer(Answer a) {
            ExecutionState x = state.execution();
            PendingCommand c = x.inflight(a.key());
            if (c == null || c.type() != a.type() || c.intentId() != a.intentId()
                    || c.admissionSeq() != a.admissionSeq() || !c.recorded()) {
                return null; // already answered (e.g. a venue-side cancel answered our CANCEL)
            }
            long t = a.timeNs();
            Order o = x.order(a.key());
            switch (a.type()) {
                case NEW:
                    return rnd.nextInt(100) < 92 ? new OrderAccepted(t - 1, t, a.key())
                            : new OrderRejected(t - 1, t, a.key(), "post-only would cross");
                case REPLACE:
                    if (o.status().isWorking() && c.qtyLots() > o.filledLots() && rnd.nextInt(100) < 85) {
                        return new OrderReplaced(t - 1, t, a.key(), c.priceTicks(), c.qtyLots());
                    }
                    return new OrderRejected(t - 1, t, a.key(), "replace refused");
                default:
                    if (o.status().isWorking() && rnd.nextInt(100) < 95) {
                        return new OrderCancelled(t - 1, t, a.key());
                    }
                    return new OrderRejected(t - 1, t, a.key(), "too late to cancel");
            }
        }

        // ---------------------------------------------------------------- one step and its checks

        void step(Event e) {
            ExecutionState x = state.execution();
            long pos = state.lastPosition() + 1;
            EventStreamEntry entry = new EventStreamEntry(pos, e);
            long firstIntent = x.queue().nextIntentId();
            Set<Long> inflightBefore = new HashSet<>();
            for (long k : x.inflight().keys()) {
                inflightBefore.add(k);
            }
            long controlBefore = state.control().controlTimeNs();

            State snap = pos % CHECKPOINT == 0 ? state.snapshot() : null;
            StepResult r = engine.processEventEntry(state, entry, cfg);
            count("event:" + e.type());
            entries.add(entry);
            results.add(r.toString());
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
            checkDispatches(x, e, r, inflightBefore);
            checkDispositions(x, r, firstIntent);
            checkObligation(x, r);
            checkKillSwitch(x, r, firstIntent);
            venueFollowUp(x, e, r);

            // feed pending market sub-events (the rest of a book move) before anything else of the market
            if (!pendingMarket.isEmpty() && immediate.isEmpty()) {
                Event next = pendingMarket.poll();
                immediate.add(next);
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

        void checkDispatches(ExecutionState x, Event e, StepResult r, Set<Long> inflightBefore) {
            long eventOrderId = orderIdOf(e);
            Set<Long> keysThisStep = new HashSet<>();
            for (int i = 0; i < r.dispatchCount(); i++) {
                PendingCommand c = r.dispatch(i);
                count("dispatch:" + c.type());
                long key = c.orderKey();
                assertTrue(keysThisStep.add(key), "EC5: two dispatches for key " + key + " in one step");
                assertTrue(!inflightBefore.contains(key) || key == eventOrderId,
                        "EC5: dispatch for key " + key + " that was inflight before the step and not released by it");
                PendingCommand unanswered = outstanding.get(key);
                assertTrue(unanswered == null || key == eventOrderId && !sameCommand(unanswered, x.inflight(key)),
                        "EC5: key " + key + " already has an unanswered dispatch " + unanswered);
                PendingCommand now = x.inflight(key);
                assertNotNull(now, "a dispatched command is inflight");
                assertEquals(c.intentId(), now.intentId());
                // R1/R3: the command carries an Intent that Risk allowed and that is still open
                assertTrue(c.intentId() >= 0, "dispatch without an Intent");
                assertTrue(!denied.contains(c.intentId()), "R3: a DENIED intent reached the venue: " + c);
                assertTrue(!closed.contains(c.intentId()), "a closed intent arc was dispatched: " + c);
                assertTrue(c.type() == CommandType.NEW ? c.priceTicks() > 0 && c.qtyLots() > 0
                        : c.type() != CommandType.REPLACE || c.priceTicks() > 0 && c.qtyLots() > 0,
                        "well-formed dispatch: " + c);
                assertEquals(Disposition.DISPATCHED, r.lastDispositionOf(c.intentId()));
            }
        }

        static boolean sameCommand(PendingCommand a, PendingCommand b) {
            return a != null && b != null && a.type() == b.type() && a.intentId() == b.intentId()
                    && a.admissionSeq() == b.admissionSeq();
        }

        static long orderIdOf(Event e) {
            if (e instanceof OrderAccepted a) {
                return a.orderId();
            } else if (e instanceof OrderRejected a) {
                return a.orderId();
            } else if (e instanceof OrderReplaced a) {
                return a.orderId();
            } else if (e instanceof OrderCancelled a) {
                return a.orderId();
            } else if (e instanceof DispatchFailed a) {
                return a.orderId();
            }
            return Long.MIN_VALUE;
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

        void checkKillSwitch(ExecutionState x, StepResult r, long firstIntent) {
            if (!state.control().killSwitch()) {
                return;
            }
            // The Strategy emits no NEW and no REPLACE under the kill switch.
            for (int i = 0; i < r.dispositionCount(); i++) {
                if (r.dispositionIntentId(i) >= firstIntent) {
                    assertEquals(CommandType.CANCEL, r.dispositionType(i), "kill switch on, yet " + r);
                }
            }
            if (marketMaker && r.strategyRan() && r.strategyFailure() == null) {
                count("killStep");
                // every working quote is now being cancelled
                x.rebuildWorkingIndex();
                for (int i = 0; i < state.workingCount(); i++) {
                    assertTrue(state.workingCancelling(i), "kill switch: key " + state.workingKey(i)
                            + " still quoting after a decision");
                }
            }
        }

        void venueFollowUp(ExecutionState x, Event e, StepResult r) {
            // release the venue model's record of answered dispatches
            outstanding.entrySet().removeIf(en -> !sameCommand(en.getValue(), x.inflight(en.getKey())));
            // every dispatch is recorded at once by the runtime: OrderSubmitted, sometimes DispatchFailed
            long t = now();
            for (int i = 0; i < r.dispatchCount(); i++) {
                PendingCommand c = r.dispatch(i).copy();
                outstanding.put(c.orderKey(), c);
                if (rnd.nextInt(100) < 3) {
                    count("DispatchFailed");
                    immediate.add(new DispatchFailed(t, t, c.orderKey(), "link down"));
                } else {
                    immediate.add(new OrderSubmitted(t, t, c.orderKey(), c.toOrderCommand()));
                }
            }
            if (e instanceof OrderSubmitted s) {
                PendingCommand c = x.inflight(s.orderId());
                assertNotNull(c, "OrderSubmitted left no inflight marker");
                answers.add(new Answer(t + 1 + rnd.nextInt(30) * MS, answerSeq++, s.orderId(), c.type(),
                        c.intentId(), c.admissionSeq()));
            }
            // working orders, from the step's Order transitions
            for (int i = 0; i < r.transitionCount(); i++) {
                long id = r.transitionOrderId(i);
                if (r.transitionTo(i).isWorking()) {
                    working.add(id);
                } else if (r.transitionTo(i).isTerminal()) {
                    working.remove(id);
                }
            }
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

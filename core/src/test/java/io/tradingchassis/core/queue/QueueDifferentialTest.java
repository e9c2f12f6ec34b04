package io.tradingchassis.core.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.ControlTime;
import io.tradingchassis.core.event.ControlTimeReason;
import io.tradingchassis.core.event.DispatchFailed;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.OrderAccepted;
import io.tradingchassis.core.event.OrderCancelled;
import io.tradingchassis.core.event.OrderCommand;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.event.OrderRejected;
import io.tradingchassis.core.event.OrderReplaced;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.Trade;
import io.tradingchassis.core.intent.Disposition;
import io.tradingchassis.core.intent.Reason;
import io.tradingchassis.core.queue.QueueTestKit.Driver;
import io.tradingchassis.core.queue.QueueTestKit.Recorder;
import io.tradingchassis.core.state.ExecutionState;
import io.tradingchassis.core.state.InflightTable;
import io.tradingchassis.core.state.Order;
import io.tradingchassis.core.state.Orders;
import io.tradingchassis.core.state.PendingCommand;
import io.tradingchassis.core.step.DispatchRequest;
import io.tradingchassis.core.step.StepResult;
import io.tradingchassis.core.view.OrderStatus;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Differential test: {@link DominanceQueue} + {@link QueueProcessor} (inside and outside the engine)
 * against a naive list-based reference written from SPEC §7 (dominance, EC4, NEW keys strictly
 * increasing: KEY_NOT_FRESH), §8 (validity, inflight gating EC5, token bucket in BigInteger, ordering by
 * configured priority then FIFO, longest-prefix selection), §9 (obligation deadline and scope) and the
 * §6 ordering contract (request ids assigned per dispatch, named by records and answers; terminal
 * Orders retire at the end of their step). Seeded random intent streams with random venue answers;
 * every step must produce identical dispositions, dispatch requests, obligations, pending queue,
 * inflight requests, live Orders and key high-water mark. The seed is printed on failure.
 */
class QueueDifferentialTest {
    static final long ONE = 1_000_000_000L;
    static final int STEPS = 2_500;

    @ParameterizedTest(name = "default priority, seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 0xC0FFEEL, 20240607L})
    void sec7_sec8_sec9_matchesReference_defaultPriority(long seed) {
        run(seed, List.of(CommandType.CANCEL, CommandType.REPLACE, CommandType.NEW));
    }

    @ParameterizedTest(name = "NEW, REPLACE, CANCEL, seed {0}")
    @ValueSource(longs = {11, 12, 13, 14})
    void sec8_4_matchesReference_priorityNewReplaceCancel(long seed) {
        run(seed, List.of(CommandType.NEW, CommandType.REPLACE, CommandType.CANCEL));
    }

    @ParameterizedTest(name = "REPLACE, NEW, CANCEL, seed {0}")
    @ValueSource(longs = {21, 22})
    void sec8_4_matchesReference_priorityReplaceNewCancel(long seed) {
        run(seed, List.of(CommandType.REPLACE, CommandType.NEW, CommandType.CANCEL));
    }

    // ================================================================== the reference (SPEC, naively)

    /** A pending command in the reference queue. */
    static final class Cmd {
        final long key;
        final CommandType type;
        final Side side;
        final long px;
        final long qty;
        final long intentId;

        Cmd(long key, CommandType type, Side side, long px, long qty, long intentId) {
            this.key = key;
            this.type = type;
            this.side = side;
            // SPEC §6: a CANCEL carries price 0 and quantity 0, whatever the Intent said.
            this.px = type == CommandType.CANCEL ? 0 : px;
            this.qty = type == CommandType.CANCEL ? 0 : qty;
            this.intentId = intentId;
        }

        @Override
        public String toString() {
            return type + ":" + key + ":" + side + ":" + px + "x" + qty + "#" + intentId;
        }
    }

    /** An inflight request in the reference: its type, request id and whether its record was processed. */
    static final class Req {
        final Cmd cmd;
        final long requestId;
        boolean recorded;

        Req(Cmd cmd, long requestId) {
            this.cmd = cmd;
            this.requestId = requestId;
        }

        @Override
        public String toString() {
            return cmd.type + "@" + requestId + (recorded ? "/recorded" : "/unrecorded");
        }
    }

    enum St { SUBMITTED, WORKING, TERMINAL }

    static final class Reference {
        final List<CommandType> priority;
        final BigInteger capScaled;
        final BigInteger refill;
        final BigInteger one = BigInteger.valueOf(ONE);
        /** Pending commands in admission order (a new admission, winner included, goes to the end). */
        final List<Cmd> pending = new ArrayList<>();
        /** Orders in State: live ones, plus those that became terminal in the current step. */
        final Map<Long, St> orders = new HashMap<>();
        final Map<Long, Req> inflight = new HashMap<>();
        /** Highest NEW key admitted or recorded; a NEW at or below it is not fresh. */
        long highWater = Orders.NO_KEY;
        long nextRequestId = InflightTable.FIRST_REQUEST_ID;
        long retired;
        boolean started;
        BigInteger scaled;
        long last;
        final List<String> dispositions = new ArrayList<>();
        final List<String> dispatches = new ArrayList<>();
        String obligation;

        Reference(List<CommandType> priority, long capacity, long refillPerSecond) {
            this.priority = priority;
            this.capScaled = BigInteger.valueOf(capacity).multiply(one);
            this.refill = BigInteger.valueOf(refillPerSecond);
        }

        void beginStep() {
            dispositions.clear();
            dispatches.clear();
            obligation = "none";
        }

        /** End of step: terminal Orders leave State. */
        void endStep() {
            int before = orders.size();
            orders.values().removeIf(s -> s == St.TERMINAL);
            retired += before - orders.size();
        }

        private Cmd pendingFor(long key) {
            for (Cmd c : pending) {
                if (c.key == key) {
                    return c;
                }
            }
            return null;
        }

        private void report(long intentId, long key, CommandType type, Disposition d, Reason r) {
            dispositions.add(intentId + "/" + key + "/" + type + "/" + d + "/" + r);
        }

        private static int precedence(CommandType t) {
            return t == CommandType.CANCEL ? 2 : t == CommandType.REPLACE ? 1 : 0;
        }

        /** SPEC §7, with NEW keys strictly increasing within the stream. */
        void admit(long intentId, CommandType type, long key, Side side, long px, long qty) {
            if (type == CommandType.NEW) {
                if (key <= highWater) {
                    report(intentId, key, type, Disposition.INVALID, Reason.KEY_NOT_FRESH);
                    return;
                }
                highWater = key;
            }
            Cmd p = pendingFor(key);
            if (p == null) {
                if (type != CommandType.NEW) {
                    St s = orders.get(key);
                    Req r = inflight.get(key);
                    boolean live = s != null ? s != St.TERMINAL : r != null && r.cmd.type == CommandType.NEW;
                    if (!live) {
                        report(intentId, key, type, Disposition.INVALID, Reason.NO_LIVE_ORDER);
                        return;
                    }
                }
                pending.add(new Cmd(key, type, side, px, qty, intentId));
                return;
            }
            if (precedence(type) < precedence(p.type)) {
                report(intentId, key, type, Disposition.SUPERSEDED, Reason.DOMINATED_BY_PENDING);
                return;
            }
            report(p.intentId, key, p.type, Disposition.SUPERSEDED, Reason.REPLACED_BY_INCOMING);
            pending.remove(p);
            if (p.type == CommandType.NEW && type == CommandType.CANCEL) {
                report(intentId, key, type, Disposition.CANCELLED_BEFORE_SUBMISSION, Reason.NONE);
                return;
            }
            pending.add(new Cmd(key, p.type == CommandType.NEW ? CommandType.NEW : type, side, px, qty, intentId));
        }

        /** SPEC §8 and §9 at control time {@code now}. */
        void process(long now) {
            // §8.1 validity
            for (Cmd c : new ArrayList<>(pending)) {
                if (c.type == CommandType.NEW) {
                    continue;
                }
                St s = orders.get(c.key);
                Req r = inflight.get(c.key);
                Reason why = null;
                if (s == St.TERMINAL) {
                    why = Reason.TARGET_TERMINAL;
                } else if (s == null && (r == null || r.cmd.type != CommandType.NEW)) {
                    why = Reason.NO_LIVE_ORDER;
                }
                if (why != null) {
                    pending.remove(c);
                    report(c.intentId, c.key, c.type, Disposition.DROPPED, why);
                }
            }
            // §8.3 bucket
            if (!started) {
                started = true;
                scaled = capScaled;
                last = now;
            } else if (now > last) {
                scaled = scaled.add(BigInteger.valueOf(now).subtract(BigInteger.valueOf(last)).multiply(refill))
                        .min(capScaled);
                last = now;
            }
            // §8.2 gating + §8.4 ordering (stable sort keeps FIFO within a type)
            List<Cmd> candidates = pending.stream().filter(c -> !inflight.containsKey(c.key))
                    .sorted(Comparator.comparingInt(c -> priority.indexOf(c.type)))
                    .collect(Collectors.toList());
            // §8.5 longest prefix; each dispatch request gets the next request id (§6)
            int i = 0;
            while (i < candidates.size() && scaled.compareTo(one) >= 0) {
                Cmd c = candidates.get(i++);
                scaled = scaled.subtract(one);
                pending.remove(c);
                Req r = new Req(c, nextRequestId++);
                inflight.put(c.key, r);
                dispatches.add(fmt(r.requestId, c.key, c.type, c.side, c.px, c.qty));
                report(c.intentId, c.key, c.type, Disposition.DISPATCHED, Reason.NONE);
            }
            // §9 obligation: some valid command on a free key waits for a token
            if (i < candidates.size()) {
                BigInteger[] qr = one.subtract(scaled).divideAndRemainder(refill);
                BigInteger wait = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
                obligation = BigInteger.valueOf(now).add(wait) + "/" + candidates.get(i).key;
            }
        }

        // ---- dispatch records and venue answers (SPEC §6 / §8.2 key release)

        /** OrderSubmitted for the key's inflight request: a NEW creates the Order (and raises the mark). */
        void submitted(long key) {
            Req r = inflight.get(key);
            r.recorded = true;
            if (r.cmd.type == CommandType.NEW) {
                orders.put(key, St.SUBMITTED);
                highWater = Math.max(highWater, key);
            }
        }

        void dispatchFailed(long key) {
            inflight.remove(key);
        }

        void accepted(long key) {
            orders.put(key, St.WORKING);
            inflight.remove(key);
        }

        /** OrderRejected for the key's request: a NEW's Order becomes terminal; a REPLACE/CANCEL only frees the key. */
        void rejected(long key) {
            if (inflight.remove(key).cmd.type == CommandType.NEW) {
                orders.put(key, St.TERMINAL);
            }
        }

        void replaced(long key) {
            inflight.remove(key);
        }

        /** Solicited: answers the inflight CANCEL and frees the key. Unsolicited: an inflight request stays. */
        void cancelled(long key, boolean solicited) {
            orders.put(key, St.TERMINAL);
            if (solicited) {
                inflight.remove(key);
            }
        }

        void filled(long key, boolean full) {
            if (full) {
                orders.put(key, St.TERMINAL);
            }
        }

        List<String> pendingView() {
            List<String> l = new ArrayList<>();
            for (Cmd c : pending) {
                l.add(c.toString());
            }
            return l;
        }

        Map<Long, String> inflightView() {
            Map<Long, String> m = new TreeMap<>();
            inflight.forEach((k, r) -> m.put(k, r.toString()));
            return m;
        }

        Map<Long, St> ordersView() {
            return new TreeMap<>(orders);
        }

        long[] recordedInflight() {
            return inflight.entrySet().stream().filter(e -> e.getValue().recorded).mapToLong(Map.Entry::getKey)
                    .sorted().toArray();
        }

        long[] workingWithInflight() {
            return orders.entrySet().stream().filter(e -> e.getValue() == St.WORKING
                    && inflight.containsKey(e.getKey())).mapToLong(Map.Entry::getKey).sorted().toArray();
        }

        long[] working() {
            return orders.entrySet().stream().filter(e -> e.getValue() == St.WORKING).mapToLong(Map.Entry::getKey)
                    .sorted().toArray();
        }
    }

    // ================================================================== the run

    static String fmt(PendingCommand c) {
        return c.type() + ":" + c.orderKey() + ":" + c.side() + ":" + c.priceTicks() + "x" + c.qtyLots() + "#"
                + c.intentId();
    }

    static String fmt(long requestId, long key, CommandType type, Side side, long px, long qty) {
        return "@" + requestId + " " + type + ":" + key + ":" + side + ":" + px + "x" + qty;
    }

    static String fmt(DispatchRequest r) {
        return fmt(r.requestId(), r.orderKey(), r.type(), r.side(), r.priceTicks(), r.qtyLots());
    }

    static St st(OrderStatus s) {
        return s.isTerminal() ? St.TERMINAL : s == OrderStatus.SUBMITTED ? St.SUBMITTED : St.WORKING;
    }

    private void run(long seed, List<CommandType> priority) {
        Random rnd = new Random(seed);
        long capacity = 1 + rnd.nextInt(4);
        long[] refills = {2, 3, 7, 10, 25};
        long refill = refills[rnd.nextInt(refills.length)];
        CoreConfiguration cfg = QueueTestKit.config(QueueTestKit.rateLimit(capacity, refill) + ","
                + QueueTestKit.priority(priority.toArray(new CommandType[0])));
        Driver d = new Driver(cfg);
        ExecutionState x = d.x();
        Reference ref = new Reference(priority, capacity, refill);
        QueueProcessor qp = new QueueProcessor();
        Recorder rec = new Recorder();

        Deque<Long> toRecord = new ArrayDeque<>();
        List<Long> keys = new ArrayList<>();
        long nextFresh = 1_000;
        long t = QueueTestKit.T0;
        Long obligation = null;
        Deque<String> trail = new ArrayDeque<>();
        Map<Long, Side> keySide = new HashMap<>();
        Set<String> seen = new TreeSet<>();

        for (int step = 0; step < STEPS; step++) {
            String ctx = "seed=" + seed + " capacity=" + capacity + " refill=" + refill + " priority=" + priority
                    + " step=" + step;
            ref.beginStep();
            List<String> gotDisp = new ArrayList<>();
            List<String> gotDispatch = new ArrayList<>();
            String gotObligation;
            List<Long> newDispatches = new ArrayList<>();
            String action;
            try {
                if (!toRecord.isEmpty()) {
                    // The runtime records each dispatch at once: OrderSubmitted, or DispatchFailed (F4), naming
                    // the request id the (reference) core assigned.
                    long key = toRecord.poll();
                    Req r = ref.inflight.get(key);
                    Event e;
                    if (rnd.nextInt(20) == 0) {
                        e = new DispatchFailed(t, t, key, r.requestId, "link down");
                        ref.dispatchFailed(key);
                        action = "DispatchFailed " + key + " @" + r.requestId;
                    } else {
                        Cmd c = r.cmd;
                        e = new OrderSubmitted(t, t, key, r.requestId,
                                new OrderCommand(c.type, 0, c.side, c.px, c.qty));
                        ref.submitted(key);
                        action = "OrderSubmitted " + r.requestId + " " + c;
                    }
                    d.at(t);
                    StepResult res = d.apply(e);
                    ref.process(t);
                    gotObligation = collect(res, gotDisp, gotDispatch, newDispatches);
                } else {
                    long dt = nextDt(rnd);
                    if (obligation != null && t + dt > obligation) {
                        // SPEC §9: inject ControlTime at the deadline before a later input.
                        t = obligation;
                        d.at(t);
                        action = "ControlTime " + t;
                        StepResult res = d.apply(new ControlTime(t, t, t, ControlTimeReason.RATE_LIMIT_RECOVERY));
                        ref.process(t);
                        gotObligation = collect(res, gotDisp, gotDispatch, newDispatches);
                    } else {
                        t += dt;
                        int kind = rnd.nextInt(100);
                        long[] answerable = ref.recordedInflight();
                        long[] working = ref.working();
                        if (kind < 50 || (kind < 80 && answerable.length == 0)
                                || (kind >= 80 && kind < 92 && working.length == 0)) {
                            // direct admission step: 1-4 intents, then Queue Processing at t
                            rec.clear();
                            int m = 1 + rnd.nextInt(4);
                            StringBuilder sb = new StringBuilder("admit");
                            for (int k = 0; k < m; k++) {
                                int ty = rnd.nextInt(100);
                                CommandType type = ty < 40 ? CommandType.NEW
                                        : ty < 75 ? CommandType.REPLACE : CommandType.CANCEL;
                                long key;
                                if (type == CommandType.NEW ? rnd.nextInt(4) != 0 : rnd.nextInt(10) == 0
                                        || keys.isEmpty()) {
                                    key = nextFresh++;
                                    if (type == CommandType.NEW) {
                                        keys.add(key);
                                    }
                                } else {
                                    // a NEW on a used key is not fresh (KEY_NOT_FRESH)
                                    key = keys.isEmpty() ? nextFresh++
                                            : keys.get(Math.max(0, keys.size() - 1 - rnd.nextInt(12)));
                                }
                                // A CANCEL Intent sometimes carries a price and quantity: it goes out with 0 and 0.
                                boolean junk = type == CommandType.CANCEL && rnd.nextInt(4) == 0;
                                long px = type == CommandType.CANCEL && !junk ? 0 : 900 + rnd.nextInt(200);
                                long qty = type == CommandType.CANCEL && !junk ? 0 : 1 + rnd.nextInt(5);
                                // a key keeps one side: a REPLACE/CANCEL names its target's side (EV1)
                                Side side = keySide.computeIfAbsent(key,
                                        unused -> rnd.nextBoolean() ? Side.BUY : Side.SELL);
                                long id = x.queue().takeIntentId();
                                DominanceQueue.admit(x, id, type, key, 0, side, px, qty, rec);
                                ref.admit(id, type, key, side, px, qty);
                                sb.append(' ').append(type).append(':').append(key).append('#').append(id);
                            }
                            action = sb.toString() + " @" + t;
                            qp.process(x, cfg, t, false, rec);
                            ref.process(t);
                            for (var z : rec.dispositions) {
                                gotDisp.add(z.intentId() + "/" + z.orderKey() + "/" + z.type() + "/"
                                        + z.disposition() + "/" + z.reason());
                            }
                            for (DispatchRequest c : rec.dispatches) {
                                gotDispatch.add(fmt(c));
                                newDispatches.add(c.orderKey());
                            }
                            gotObligation = rec.hasObligation
                                    ? rec.obligationDeadlineNs + "/" + rec.obligationScopeKey : "none";
                        } else if (kind < 80) {
                            long key = answerable[rnd.nextInt(answerable.length)];
                            action = "answer " + key + " " + ref.inflight.get(key) + " @" + t;
                            gotObligation = answer(d, ref, x, rnd, key, t, gotDisp, gotDispatch, newDispatches,
                                    seen);
                        } else if (kind < 92) {
                            // Now and then the venue moves an Order whose REPLACE/CANCEL is inflight: the
                            // request outlives the Order and awaits its reject (SPEC §6 ordering contract).
                            long[] busy = ref.workingWithInflight();
                            long key = busy.length > 0 && rnd.nextInt(3) == 0 ? busy[rnd.nextInt(busy.length)]
                                    : working[rnd.nextInt(working.length)];
                            action = "unsolicited " + key + " @" + t;
                            gotObligation = unsolicited(d, ref, x, rnd, key, t, gotDisp, gotDispatch,
                                    newDispatches);
                        } else {
                            action = "trade @" + t;
                            d.at(t);
                            StepResult res = d.apply(new Trade(t, t, 0, Side.BUY, 1000, 1));
                            ref.process(t);
                            gotObligation = collect(res, gotDisp, gotDispatch, newDispatches);
                        }
                    }
                }
                // Terminal Orders retire at the end of every step (direct admission steps make none).
                ref.endStep();
            } catch (RuntimeException e) {
                throw new AssertionError(ctx + ": step threw " + e + "\ntrail:\n" + String.join("\n", trail), e);
            }
            trail.addLast(step + ": " + action);
            if (trail.size() > 12) {
                trail.removeFirst();
            }
            String where = ctx + "\ntrail:\n" + String.join("\n", trail);
            assertEquals(ref.dispositions, gotDisp, () -> "dispositions differ; " + where);
            assertEquals(ref.dispatches, gotDispatch, () -> "dispatch requests differ; " + where);
            assertEquals(ref.obligation, gotObligation, () -> "obligation differs; " + where);
            List<String> pend = new ArrayList<>();
            for (int i = 0; i < x.queue().size(); i++) {
                pend.add(fmt(x.queue().at(i)));
            }
            assertEquals(ref.pendingView(), pend, () -> "pending queue differs; " + where);
            Map<Long, String> infl = new TreeMap<>();
            for (long k : x.inflight().keys()) {
                PendingCommand c = x.inflight().get(k);
                infl.put(k, c.type() + "@" + c.requestId() + (c.recorded() ? "/recorded" : "/unrecorded"));
            }
            assertEquals(ref.inflightView(), infl, () -> "inflight requests differ; " + where);
            assertEquals(ref.nextRequestId, x.inflight().nextRequestId(), () -> "next request id differs; " + where);
            Map<Long, St> live = new TreeMap<>();
            for (long k : x.orders().ids()) {
                live.put(k, st(x.orders().get(k).status()));
            }
            assertEquals(ref.ordersView(), live, () -> "Orders in State differ (terminal ones retire); " + where);
            assertEquals(ref.retired, x.orders().retiredCount(), () -> "retired count differs; " + where);
            assertEquals(ref.highWater, x.orders().keyHighWater(), () -> "key high-water mark differs; " + where);
            for (String z : gotDisp) {
                seen.add(z.split("/")[3] + "/" + z.split("/")[4]);
            }
            if (action.startsWith("ControlTime")) {
                seen.add("ControlTime");
            }
            toRecord.addAll(newDispatches);
            obligation = gotObligation.equals("none") ? null
                    : Long.parseLong(gotObligation.substring(0, gotObligation.indexOf('/')));
        }
        if (x.orders().submittedCount() < 50) {
            fail("seed=" + seed + ": the stream exercised too little (" + x.orders().submittedCount() + " orders)");
        }
        if (x.orders().retiredCount() < 20) {
            fail("seed=" + seed + ": too few Orders retired (" + x.orders().retiredCount() + ")");
        }
        // coverage: every outcome of §7/§8/§9 occurred in this run, and the late-reject path of §6
        for (String must : List.of("ControlTime", "DISPATCHED/NONE", "SUPERSEDED/REPLACED_BY_INCOMING",
                "SUPERSEDED/DOMINATED_BY_PENDING", "INVALID/KEY_NOT_FRESH", "INVALID/NO_LIVE_ORDER",
                "CANCELLED_BEFORE_SUBMISSION/NONE", "DROPPED/TARGET_TERMINAL", "rejected after retirement")) {
            if (!seen.contains(must)) {
                fail("seed=" + seed + ": the stream never produced " + must + "; seen " + seen);
            }
        }
    }

    private static long nextDt(Random rnd) {
        int k = rnd.nextInt(100);
        if (k < 25) {
            return 0;
        }
        if (k < 50) {
            return 1 + rnd.nextInt(2_000);
        }
        if (k < 80) {
            return rnd.nextInt(300_000_000);
        }
        return rnd.nextInt(2_500_000) * 1_000L; // up to 2.5 s
    }

    /** Copies a step result's dispositions/dispatches; returns the obligation as "deadline/scope" or "none". */
    private static String collect(StepResult r, List<String> disp, List<String> dispatch, List<Long> out) {
        for (int i = 0; i < r.dispositionCount(); i++) {
            disp.add(r.dispositionIntentId(i) + "/" + r.dispositionOrderKey(i) + "/" + r.dispositionType(i) + "/"
                    + r.disposition(i) + "/" + r.dispositionReason(i));
        }
        for (int i = 0; i < r.dispatchCount(); i++) {
            // the value record and the allocation-free accessors agree
            DispatchRequest q = r.dispatch(i);
            assertEquals(q, new DispatchRequest(r.dispatchRequestId(i), r.dispatchOrderKey(i), r.dispatchType(i),
                    r.dispatchInstrument(i), r.dispatchSide(i), r.dispatchPriceTicks(i), r.dispatchQtyLots(i)));
            dispatch.add(fmt(q));
            out.add(q.orderKey());
        }
        return r.hasObligation() ? r.obligationDeadlineNs() + "/" + r.obligationScopeKey() : "none";
    }

    /** The venue answers the recorded inflight request of {@code key}, naming its request id (SPEC §6, §8.2). */
    private static String answer(Driver d, Reference ref, ExecutionState x, Random rnd, long key, long t,
                                 List<String> disp, List<String> dispatch, List<Long> out, Set<String> seen) {
        Req req = ref.inflight.get(key);
        Cmd c = req.cmd;
        St s = ref.orders.get(key);
        Order o = x.orders().get(key);
        Event e;
        switch (c.type) {
            case NEW:
                if (rnd.nextInt(4) != 0) {
                    e = new OrderAccepted(t, t, key);
                    ref.accepted(key);
                } else {
                    e = new OrderRejected(t, t, key, req.requestId, "venue says no");
                    ref.rejected(key);
                }
                break;
            case REPLACE:
                if (s == St.WORKING && c.qty > o.filledLots() && rnd.nextInt(10) < 7) {
                    e = new OrderReplaced(t, t, key, req.requestId, c.px, c.qty);
                    ref.replaced(key);
                } else {
                    e = new OrderRejected(t, t, key, req.requestId, "replace refused");
                    ref.rejected(key);
                }
                break;
            default:
                if (s == St.WORKING && rnd.nextInt(5) != 0) {
                    e = new OrderCancelled(t, t, key, req.requestId);
                    ref.cancelled(key, true);
                } else {
                    e = new OrderRejected(t, t, key, req.requestId, "too late to cancel");
                    ref.rejected(key);
                }
        }
        if (s == null) {
            // The Order became terminal (and retired) while this REPLACE/CANCEL was inflight: it awaited
            // the venue's reject, which names its request id and releases the key.
            seen.add("rejected after retirement");
        }
        d.at(t);
        StepResult r = d.apply(e);
        ref.process(t);
        return collect(r, disp, dispatch, out);
    }

    /** The venue moves a working order on its own: a fill (partial or full) or an unsolicited cancel. */
    private static String unsolicited(Driver d, Reference ref, ExecutionState x, Random rnd, long key, long t,
                                      List<String> disp, List<String> dispatch, List<Long> out) {
        Order o = x.orders().get(key);
        Event e;
        int k = rnd.nextInt(10);
        if (k < 4) {
            e = new OrderFilled(t, t, key, o.leavesLots(), o.priceTicks(), 0);
            ref.filled(key, true);
        } else if (k < 7 && o.leavesLots() >= 2) {
            long q = 1 + rnd.nextInt((int) o.leavesLots() - 1);
            e = new OrderFilled(t, t, key, q, o.priceTicks(), o.leavesLots() - q);
            ref.filled(key, false);
        } else {
            e = new OrderCancelled(t, t, key, OrderCancelled.UNSOLICITED);
            ref.cancelled(key, false);
        }
        d.at(t);
        StepResult r = d.apply(e);
        ref.process(t);
        return collect(r, disp, dispatch, out);
    }
}

package io.tradingchassis.replay.verify;

import io.tradingchassis.core.state.ControlState;
import io.tradingchassis.core.state.ExecutionState;
import io.tradingchassis.core.state.L2Book;
import io.tradingchassis.core.state.Order;
import io.tradingchassis.core.state.PendingCommand;
import io.tradingchassis.core.state.PendingQueue;
import io.tradingchassis.core.state.State;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * State as a sorted map of paths to values ({@code execution.orders[42].status → ACCEPTED}), read through
 * State's public accessors, for diffs that name what differs (SPEC §13). Keys are in a stable order, so
 * two trees compare path by path.
 */
public final class StateTree {
    /** Strategy memory slots shown (a non-zero slot beyond this is not shown). */
    static final int MEMORY_SLOTS = 256;

    private StateTree() {
    }

    /** The paths and values of {@code s}, for a State of {@code instruments} instruments. */
    public static Map<String, String> of(State s, int instruments) {
        Map<String, String> t = new TreeMap<>();
        t.put("position", Long.toString(s.lastPosition()));
        int books = Math.max(instruments, s.market().instrumentSlots());
        for (int i = 0; i < books; i++) {
            L2Book b = s.market().bookOrNull(i);
            if (b == null) {
                continue;
            }
            String p = "market.books[" + i + "]";
            for (int l = 0; l < b.bidLevels(); l++) {
                t.put(p + ".bids[" + b.bidPriceTicks(l) + "]", Long.toString(b.bidQtyLots(l)));
            }
            for (int l = 0; l < b.askLevels(); l++) {
                t.put(p + ".asks[" + b.askPriceTicks(l) + "]", Long.toString(b.askQtyLots(l)));
            }
            t.put(p + ".lastTrade", b.lastTradePriceTicks() + "x" + b.lastTradeQtyLots() + " aggressor "
                    + b.lastTradeAggressorSign());
            t.put(p + ".tradeCount", Long.toString(b.tradeCount()));
        }
        ExecutionState x = s.execution();
        for (long id : x.orders().ids()) {
            Order o = x.orders().get(id);
            String p = "execution.orders[" + id + "]";
            t.put(p + ".status", String.valueOf(o.status()));
            t.put(p + ".side", String.valueOf(o.side()));
            t.put(p + ".instrument", Integer.toString(o.instrument()));
            t.put(p + ".priceTicks", Long.toString(o.priceTicks()));
            t.put(p + ".qtyLots", Long.toString(o.qtyLots()));
            t.put(p + ".filledLots", Long.toString(o.filledLots()));
            t.put(p + ".leavesLots", Long.toString(o.leavesLots()));
            t.put(p + ".timeInForce", String.valueOf(o.timeInForce()));
        }
        t.put("execution.orders.submitted", Long.toString(x.orders().submittedCount()));
        t.put("execution.orders.retired", Long.toString(x.orders().retiredCount()));
        for (int i = 0; i < instruments; i++) {
            t.put("execution.positions[" + i + "].lots", Long.toString(x.positions().positionLots(i)));
            t.put("execution.positions[" + i + "].cashTickLots", Long.toString(x.positions().cashTickLots(i)));
        }
        t.put("execution.positions.fills", Long.toString(x.positions().fillCount()));
        PendingQueue q = x.queue();
        for (int i = 0; i < q.size(); i++) {
            command(t, "execution.queue[" + q.at(i).orderKey() + "]", q.at(i));
        }
        for (long key : sorted(x.inflight().keys())) {
            command(t, "execution.inflight[" + key + "]", x.inflight().get(key));
        }
        t.put("execution.bucket", x.bucket().started() ? x.bucket().scaled() + " at " + x.bucket().refilledAtNs()
                : "not started");
        ControlState c = s.control();
        t.put("control.timeNs", Long.toString(c.controlTimeNs()));
        t.put("control.sessionStarted", Boolean.toString(c.sessionStarted()));
        t.put("control.killSwitch", Boolean.toString(c.killSwitch()));
        t.put("control.fingerprint", String.valueOf(c.activeFingerprint()));
        for (int i = 0; i < instruments; i++) {
            t.put("control.feedGap[" + i + "]", Boolean.toString(c.feedGap(i)));
        }
        t.put("control.decisionCounter", Long.toString(c.decisionCounter()));
        t.put("control.strategyTimerNs", Long.toString(c.strategyTimerNs()));
        t.put("control.lastControlTimeDeadlineNs", Long.toString(c.lastControlTimeDeadlineNs()));
        for (int i = 0; i < MEMORY_SLOTS; i++) {
            if (c.memory(i) != 0) {
                t.put("control.memory[" + i + "]", Long.toString(c.memory(i)));
            }
        }
        return t;
    }

    private static long[] sorted(long[] keys) {
        long[] k = keys.clone();
        Arrays.sort(k);
        return k;
    }

    private static void command(Map<String, String> t, String p, PendingCommand c) {
        t.put(p, c.type() + " " + c.side() + " " + c.qtyLots() + "@" + c.priceTicks() + " " + c.timeInForce()
                + " intent " + c.intentId() + " request " + c.requestId() + (c.recorded() ? " recorded" : ""));
    }

    /** One differing path. */
    public record Difference(String path, String left, String right) {
        @Override
        public String toString() {
            return path + ": " + (left == null ? "(absent)" : left) + " ≠ " + (right == null ? "(absent)" : right);
        }
    }

    /** The paths whose values differ between {@code a} and {@code b}, in path order. */
    public static List<Difference> diff(Map<String, String> a, Map<String, String> b) {
        TreeMap<String, Boolean> keys = new TreeMap<>();
        a.keySet().forEach(k -> keys.put(k, true));
        b.keySet().forEach(k -> keys.put(k, true));
        List<Difference> out = new ArrayList<>();
        for (String k : keys.keySet()) {
            if (!Objects.equals(a.get(k), b.get(k))) {
                out.add(new Difference(k, a.get(k), b.get(k)));
            }
        }
        return out;
    }
}

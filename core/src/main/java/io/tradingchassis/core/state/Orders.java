package io.tradingchassis.core.state;

import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.TimeInForce;
import io.tradingchassis.core.view.OrderStatus;
import java.util.Arrays;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The Orders of Execution State (SPEC §4, §6): live Orders by id, the counters a digest needs, and the
 * high-water mark of NEW order keys. An Order that becomes terminal stays visible until the end of
 * its step (validity and the step's result see it), then retires: State is bounded by live work and
 * the recorded stream is the history. Keys of NEWs strictly increase within a stream, so retiring
 * needs no set of used keys: a NEW at or below {@link #keyHighWater()} is refused.
 */
public final class Orders {
    /** {@link #keyHighWater()} before any NEW. */
    public static final long NO_KEY = Long.MIN_VALUE;

    private final Long2ObjectHashMap<Order> live = new Long2ObjectHashMap<>();
    private long submittedCount;
    private long retiredCount;
    private long keyHighWater = NO_KEY;
    private long[] terminal = new long[4];
    private int terminalCount;
    private Order[] pool = new Order[8];
    private int poolSize;
    private final ChangeCounter changes;

    Orders(ChangeCounter changes) {
        this.changes = changes;
    }

    Orders copy(ChangeCounter changesOfCopy) {
        Orders c = new Orders(changesOfCopy);
        for (long id : sortedKeys(live)) {
            c.live.put(id, live.get(id).copy());
        }
        c.submittedCount = submittedCount;
        c.retiredCount = retiredCount;
        c.keyHighWater = keyHighWater;
        c.terminal = terminal.clone();
        c.terminalCount = terminalCount;
        return c;
    }

    /** The Order with this id while it is live (or became terminal in the current step), else {@code null}. */
    public Order get(long orderId) {
        return live.get(orderId);
    }

    /** Non-terminal Orders. */
    public int liveCount() {
        return live.size() - terminalCount;
    }

    /** Orders ever created by an OrderSubmitted. */
    public long submittedCount() {
        return submittedCount;
    }

    /** Terminal Orders retired from State. */
    public long retiredCount() {
        return retiredCount;
    }

    /** Highest NEW order key admitted or recorded, or {@link #NO_KEY}. */
    public long keyHighWater() {
        return keyHighWater;
    }


    /** Ids of the Orders held (non-terminal, plus those that became terminal this step), ascending; allocates. */
    public long[] ids() {
        return sortedKeys(live);
    }

    /**
     * Writes the ids of non-terminal Orders into {@code out} (unordered) and returns how many;
     * {@code out} must hold at least {@link #liveCount()} + the terminal-this-step count. Allocation-free.
     */
    public int liveIds(long[] out) {
        int n = 0;
        Long2ObjectHashMap<Order>.ValueIterator it = live.values().iterator();
        while (it.hasNext()) {
            Order o = it.next();
            if (!o.status().isTerminal()) {
                out[n++] = o.orderId();
            }
        }
        return n;
    }

    /** Sum of the leaves of non-terminal Orders on an instrument and side sign (+1 buy, −1 sell). */
    public long openLeavesLots(int instrument, long sideSign) {
        long sum = 0;
        Long2ObjectHashMap<Order>.ValueIterator it = live.values().iterator();
        while (it.hasNext()) {
            Order o = it.next();
            if (!o.status().isTerminal() && o.instrument() == instrument && o.side().sign() == sideSign) {
                sum += o.leavesLots();
            }
        }
        return sum;
    }

    /** Creates an Order in Submitted from its dispatch record (L3) and raises the key high-water mark. */
    @Mutator
    public Order submit(long orderId, int instrument, Side side, long priceTicks, long qtyLots, long position) {
        return submit(orderId, instrument, side, priceTicks, qtyLots, position,
                TimeInForce.GTC);
    }

    /** As {@link #submit(long, int, Side, long, long, long)}, with the NEW's time in force. */
    @Mutator
    public Order submit(long orderId, int instrument, Side side, long priceTicks, long qtyLots, long position,
                        TimeInForce tif) {
        Order o = poolSize > 0 ? pool[--poolSize] : new Order();
        pool[poolSize] = null;
        o.init(orderId, instrument, side, priceTicks, qtyLots, position);
        o.timeInForce(tif);
        live.put(orderId, o);
        submittedCount++;
        raiseKeyHighWater(orderId);
        changes.bump();
        return o;
    }

    /** Raises the NEW key high-water mark to {@code key} (never lowers it). */
    @Mutator
    public void raiseKeyHighWater(long key) {
        if (key > keyHighWater) {
            keyHighWater = key;
        }
    }

    /** Moves an Order to {@code next}; the caller checked {@link OrderStatus#canBecome}. */
    @Mutator
    public void transition(Order o, OrderStatus next) {
        o.status(next);
        if (next.isTerminal()) {
            if (terminalCount == terminal.length) {
                terminal = Arrays.copyOf(terminal, terminalCount * 2);
            }
            terminal[terminalCount++] = o.orderId();
        }
        changes.bump();
    }

    /** Applies a fill to an Order's quantities; the caller checked them. */
    @Mutator
    public void fill(Order o, long fillQty, long leaves) {
        o.fill(fillQty, leaves);
        changes.bump();
    }

    /** Applies a replace: new price and total quantity (leaves = total − filled). */
    @Mutator
    public void replace(Order o, long priceTicks, long qtyLots) {
        o.replace(priceTicks, qtyLots);
        changes.bump();
    }

    /** End of step: Orders that became terminal leave State and their objects return to the pool. */
    @Mutator
    public void retireTerminal() {
        for (int i = 0; i < terminalCount; i++) {
            Order o = live.remove(terminal[i]);
            if (o != null) {
                retiredCount++;
                if (poolSize == pool.length) {
                    pool = Arrays.copyOf(pool, poolSize * 2);
                }
                pool[poolSize++] = o;
            }
        }
        if (terminalCount > 0) {
            terminalCount = 0;
            changes.bump();
        }
    }

    void encode(CanonicalEncoder enc) {
        long[] ids = sortedKeys(live);
        enc.tag('X').writeLong(ids.length);
        for (long id : ids) {
            live.get(id).encode(enc);
        }
        enc.writeLong(submittedCount).writeLong(retiredCount).writeLong(keyHighWater);
    }

    static long[] sortedKeys(Long2ObjectHashMap<?> map) {
        long[] keys = new long[map.size()];
        int i = 0;
        Long2ObjectHashMap<?>.KeyIterator it = map.keySet().iterator();
        while (it.hasNext()) {
            keys[i++] = it.nextLong();
        }
        Arrays.sort(keys);
        return keys;
    }
}

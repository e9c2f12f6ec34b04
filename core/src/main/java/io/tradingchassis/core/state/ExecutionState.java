package io.tradingchassis.core.state;

import io.tradingchassis.core.view.OrderStatus;
import io.tradingchassis.core.event.CommandType;
import java.util.Arrays;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * Execution State (SPEC §4): Orders by id, position and cash per instrument, fills, and the Execution
 * Control substate — the Queue (≤ 1 pending command per order key, EC4), inflight markers per order key
 * (EC5) and the token bucket. Primitive-keyed maps only; nothing that reaches the digest depends on
 * hash iteration order (keys are sorted first).
 */
public final class ExecutionState {

    private final Long2ObjectHashMap<Order> orders;
    private final Long2ObjectHashMap<Order> liveOrders;
    private long[] positionLots;
    private long[] cashTickLots;
    private long fillCount;

    private final Long2ObjectHashMap<PendingCommand> inflight;
    private PendingCommand[] pending;
    private int pendingCount;
    private long nextAdmissionSeq;
    private long nextIntentId;

    // Working index for the Strategy's view: rebuilt on demand, never encoded (derived).
    private long[] wKey = new long[8];
    private int[] wInstrument = new int[8];
    private io.tradingchassis.core.event.Side[] wSide = new io.tradingchassis.core.event.Side[8];
    private long[] wPrice = new long[8];
    private long[] wQty = new long[8];
    private boolean[] wCancelling = new boolean[8];
    private int wCount;
    private long[] scratchKeys = new long[8];

    private boolean bucketStarted;
    private long bucketScaled;
    private long bucketRefilledAtNs;

    /** Empty execution state. */
    public ExecutionState() {
        orders = new Long2ObjectHashMap<>();
        liveOrders = new Long2ObjectHashMap<>();
        positionLots = new long[0];
        cashTickLots = new long[0];
        inflight = new Long2ObjectHashMap<>();
        pending = new PendingCommand[16];
    }

    private ExecutionState(ExecutionState o) {
        this();
        long[] ids = sortedKeys(o.orders);
        for (long id : ids) {
            Order copy = o.orders.get(id).copy();
            orders.put(id, copy);
            if (!copy.status().isTerminal()) {
                liveOrders.put(id, copy);
            }
        }
        positionLots = o.positionLots.clone();
        cashTickLots = o.cashTickLots.clone();
        fillCount = o.fillCount;
        for (long k : sortedKeys(o.inflight)) {
            inflight.put(k, o.inflight.get(k).copy());
        }
        pending = new PendingCommand[o.pending.length];
        for (int i = 0; i < o.pendingCount; i++) {
            pending[i] = o.pending[i].copy();
        }
        pendingCount = o.pendingCount;
        nextAdmissionSeq = o.nextAdmissionSeq;
        nextIntentId = o.nextIntentId;
        bucketStarted = o.bucketStarted;
        bucketScaled = o.bucketScaled;
        bucketRefilledAtNs = o.bucketRefilledAtNs;
    }

    /** An exact, independent copy. */
    public ExecutionState copy() {
        return new ExecutionState(this);
    }

    // ---------------------------------------------------------------- orders

    /** The order with this id, or {@code null}. */
    public Order order(long orderId) {
        return orders.get(orderId);
    }

    /** Adds a newly submitted order (L3). */
    public void addOrder(Order order) {
        orders.put(order.orderId(), order);
        liveOrders.put(order.orderId(), order);
    }

    /** Moves an order to a new status, keeping the live index in step. */
    public void transition(Order order, OrderStatus next) {
        order.status(next);
        if (next.isTerminal()) {
            liveOrders.remove(order.orderId());
        }
    }

    /** Number of orders ever submitted. */
    public int orderCount() {
        return orders.size();
    }

    /** Number of non-terminal orders. */
    public int liveOrderCount() {
        return liveOrders.size();
    }

    /** Ids of all orders, ascending (allocates; for reports and tests). */
    public long[] orderIds() {
        return sortedKeys(orders);
    }

    /** Sum over live orders of the instrument and side sign (+1 buy, −1 sell) of their leaves. */
    public long openLeavesLots(int instrument, long sideSign) {
        long sum = 0;
        Long2ObjectHashMap<Order>.ValueIterator it = liveOrders.values().iterator();
        while (it.hasNext()) {
            Order o = it.next();
            if (o.instrument() == instrument && o.side().sign() == sideSign) {
                sum += o.leavesLots();
            }
        }
        return sum;
    }

    // ---------------------------------------------------------------- positions

    /** Signed position in lots. */
    public long positionLots(int instrument) {
        return instrument < positionLots.length ? positionLots[instrument] : 0;
    }

    /** Cash in tick×lot units (price ticks times quantity lots), signed. */
    public long cashTickLots(int instrument) {
        return instrument < cashTickLots.length ? cashTickLots[instrument] : 0;
    }

    /** Total fills applied. */
    public long fillCount() {
        return fillCount;
    }

    /** Applies a fill's position and cash effect; the caller checked for overflow. */
    public void applyFill(int instrument, long sideSign, long fillQty, long fillPrice) {
        ensureInstrument(instrument);
        positionLots[instrument] += sideSign * fillQty;
        cashTickLots[instrument] -= sideSign * fillQty * fillPrice;
        fillCount++;
    }

    private void ensureInstrument(int instrument) {
        if (instrument >= positionLots.length) {
            int n = Math.max(instrument + 1, positionLots.length * 2);
            positionLots = Arrays.copyOf(positionLots, n);
            cashTickLots = Arrays.copyOf(cashTickLots, n);
        }
    }

    // ---------------------------------------------------------------- inflight (EC5)

    /** The inflight command type for a key, or {@code null} when the key is free. */
    public CommandType inflightType(long orderKey) {
        PendingCommand c = inflight.get(orderKey);
        return c == null ? null : c.type();
    }

    /** The inflight command for a key, or {@code null} when the key is free. */
    public PendingCommand inflight(long orderKey) {
        return inflight.get(orderKey);
    }

    /** True when the key's inflight dispatch already has its OrderSubmitted record. */
    public boolean inflightRecorded(long orderKey) {
        PendingCommand c = inflight.get(orderKey);
        return c != null && c.recorded();
    }

    /** Marks a key inflight with the dispatched command (EC5: the caller checked the key was free). */
    public void markInflight(PendingCommand dispatched) {
        inflight.put(dispatched.orderKey(), dispatched);
    }

    /** Releases the key's inflight marker. */
    public void clearInflight(long orderKey) {
        inflight.remove(orderKey);
    }

    /**
     * Over dispatched NEWs that have no Order yet (their OrderSubmitted not processed): when
     * {@code sumQty}, the sum of quantities on {@code instrument} and side {@code sign}, excluding
     * {@code excludeKey}; otherwise their count (filters ignored). Allocation-free and
     * order-insensitive.
     */
    public long unrecordedNewCount(int instrument, long sign, long excludeKey, boolean sumQty) {
        long n = 0;
        Long2ObjectHashMap<PendingCommand>.ValueIterator it = inflight.values().iterator();
        while (it.hasNext()) {
            PendingCommand c = it.next();
            if (c.type() != CommandType.NEW || orders.containsKey(c.orderKey())) {
                continue;
            }
            if (!sumQty) {
                n++;
            } else if (c.orderKey() != excludeKey && c.instrument() == instrument && c.side().sign() == sign) {
                n += c.qtyLots();
            }
        }
        return n;
    }

    /** Number of keys with an inflight request. */
    public int inflightCount() {
        return inflight.size();
    }

    /** Inflight keys, ascending (allocates; for reports and tests). */
    public long[] inflightKeys() {
        return sortedKeys(inflight);
    }

    // ---------------------------------------------------------------- queue (EC4)

    /** Number of pending commands. */
    public int pendingCount() {
        return pendingCount;
    }

    /** The i-th pending command in admission order. */
    public PendingCommand pendingAt(int i) {
        if (i < 0 || i >= pendingCount) {
            throw new IndexOutOfBoundsException("pending " + i + " of " + pendingCount);
        }
        return pending[i];
    }

    /** The pending command for a key, or {@code null}. */
    public PendingCommand pendingFor(long orderKey) {
        for (int i = 0; i < pendingCount; i++) {
            if (pending[i].orderKey() == orderKey) {
                return pending[i];
            }
        }
        return null;
    }

    /** Appends a pending command (the caller has checked EC4). */
    public void addPending(PendingCommand c) {
        if (pendingCount == pending.length) {
            pending = Arrays.copyOf(pending, pendingCount * 2);
        }
        pending[pendingCount++] = c;
    }

    /** Re-sorts pending commands by admission sequence after a payload overwrite changed one. */
    public void resortPending() {
        // Insertion sort: the array is sorted except for overwritten entries; n is small.
        for (int i = 1; i < pendingCount; i++) {
            PendingCommand c = pending[i];
            int j = i - 1;
            while (j >= 0 && pending[j].admissionSeq() > c.admissionSeq()) {
                pending[j + 1] = pending[j];
                j--;
            }
            pending[j + 1] = c;
        }
    }

    /** Removes the pending command for a key; returns it, or {@code null}. */
    public PendingCommand removePending(long orderKey) {
        for (int i = 0; i < pendingCount; i++) {
            if (pending[i].orderKey() == orderKey) {
                PendingCommand c = pending[i];
                System.arraycopy(pending, i + 1, pending, i, pendingCount - i - 1);
                pending[--pendingCount] = null;
                return c;
            }
        }
        return null;
    }

    /** Takes the next admission sequence number. */
    public long takeAdmissionSeq() {
        return nextAdmissionSeq++;
    }

    /** Takes the next Intent id (Intent ids are derived from the stream, so State). */
    public long takeIntentId() {
        return nextIntentId++;
    }

    /** The id the next Intent will get. */
    public long nextIntentId() {
        return nextIntentId;
    }

    // ---------------------------------------------------------------- working index (view)

    /**
     * Rebuilds the working index: keys with a non-terminal Order or a pending NEW, ascending. Allocation
     * free once the scratch arrays have grown.
     */
    public void rebuildWorkingIndex() {
        int n = 0;
        int need = liveOrders.size() + pendingCount;
        if (scratchKeys.length < need) {
            scratchKeys = new long[Math.max(need, scratchKeys.length * 2)];
        }
        Long2ObjectHashMap<Order>.KeyIterator it = liveOrders.keySet().iterator();
        while (it.hasNext()) {
            scratchKeys[n++] = it.nextLong();
        }
        for (int i = 0; i < pendingCount; i++) {
            if (pending[i].type() == CommandType.NEW) {
                scratchKeys[n++] = pending[i].orderKey();
            }
        }
        // Inflight NEWs not yet recorded have neither an Order nor a pending entry: include them too.
        Long2ObjectHashMap<PendingCommand>.ValueIterator vit = inflight.values().iterator();
        while (vit.hasNext()) {
            PendingCommand c = vit.next();
            if (c.type() == CommandType.NEW && !orders.containsKey(c.orderKey())) {
                if (n == scratchKeys.length) {
                    scratchKeys = Arrays.copyOf(scratchKeys, n * 2);
                }
                scratchKeys[n++] = c.orderKey();
            }
        }
        Arrays.sort(scratchKeys, 0, n);
        if (wKey.length < n) {
            int cap = Math.max(n, wKey.length * 2);
            wKey = new long[cap];
            wInstrument = new int[cap];
            wSide = new io.tradingchassis.core.event.Side[cap];
            wPrice = new long[cap];
            wQty = new long[cap];
            wCancelling = new boolean[cap];
        }
        wCount = 0;
        for (int i = 0; i < n; i++) {
            long key = scratchKeys[i];
            if (wCount > 0 && wKey[wCount - 1] == key) {
                continue;
            }
            Order o = orders.get(key);
            PendingCommand p = pendingFor(key);
            PendingCommand f = inflight.get(key);
            // Where the key is heading: a pending NEW/REPLACE, else an inflight one, else the Order.
            PendingCommand heading = p != null && p.type() != CommandType.CANCEL ? p
                    : f != null && f.type() != CommandType.CANCEL ? f : null;
            PendingCommand any = p != null ? p : f;
            wKey[wCount] = key;
            wInstrument[wCount] = o != null ? o.instrument() : any.instrument();
            wSide[wCount] = o != null ? o.side() : any.side();
            wPrice[wCount] = heading != null ? heading.priceTicks() : o.priceTicks();
            wQty[wCount] = heading != null ? heading.qtyLots() : o.qtyLots();
            wCancelling[wCount] = (p != null && p.type() == CommandType.CANCEL)
                    || (f != null && f.type() == CommandType.CANCEL);
            wCount++;
        }
    }

    /** Entries in the working index (SPEC §5 step 3 projection; see {@link #rebuildWorkingIndex}). */
    public int workingCount() {
        return wCount;
    }

    /** Key of working entry i. */
    public long workingKey(int i) {
        return wKey[i];
    }

    /** Instrument of working entry i. */
    public int workingInstrument(int i) {
        return wInstrument[i];
    }

    /** Side of working entry i. */
    public io.tradingchassis.core.event.Side workingSide(int i) {
        return wSide[i];
    }

    /** Price working entry i is heading to: a pending or inflight NEW/REPLACE's, else the Order's. */
    public long workingPriceTicks(int i) {
        return wPrice[i];
    }

    /** Quantity working entry i is heading to (same precedence as the price). */
    public long workingQtyLots(int i) {
        return wQty[i];
    }

    /** True when a CANCEL for working entry i is pending or inflight. */
    public boolean workingCancelling(int i) {
        return wCancelling[i];
    }

    // ---------------------------------------------------------------- token bucket (SPEC §8.3)

    /** Whether the bucket has been started (at the control time of position 0). */
    public boolean bucketStarted() {
        return bucketStarted;
    }

    /** Tokens × 10⁹. */
    public long bucketScaled() {
        return bucketScaled;
    }

    /** Control time of the last refill. */
    public long bucketRefilledAtNs() {
        return bucketRefilledAtNs;
    }

    /** Sets the bucket level and refill time. */
    public void bucket(long scaled, long refilledAtNs) {
        bucketStarted = true;
        bucketScaled = scaled;
        bucketRefilledAtNs = refilledAtNs;
    }

    // ---------------------------------------------------------------- digest

    void encode(CanonicalEncoder enc) {
        long[] ids = sortedKeys(orders);
        enc.tag('X').writeLong(ids.length);
        for (long id : ids) {
            orders.get(id).encode(enc);
        }
        int n = positionLots.length;
        while (n > 0 && positionLots[n - 1] == 0 && cashTickLots[n - 1] == 0) {
            n--; // zero slots past the last traded instrument are capacity, not state
        }
        enc.tag('P').writeLong(n);
        for (int i = 0; i < n; i++) {
            enc.writeLong(positionLots[i]).writeLong(cashTickLots[i]);
        }
        enc.writeLong(fillCount);
        long[] keys = sortedKeys(inflight);
        enc.tag('I').writeLong(keys.length);
        for (long k : keys) {
            inflight.get(k).encode(enc);
        }
        enc.tag('Q').writeLong(pendingCount);
        for (int i = 0; i < pendingCount; i++) {
            pending[i].encode(enc);
        }
        enc.writeLong(nextAdmissionSeq).writeLong(nextIntentId);
        enc.tag('K').writeBoolean(bucketStarted).writeLong(bucketScaled).writeLong(bucketRefilledAtNs);
    }

    private static long[] sortedKeys(Long2ObjectHashMap<?> map) {
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

package io.tradingchassis.core.state;

import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.TimeInForce;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * Inflight requests by order key (SPEC §4, §8.2, EC5: at most one per key) and the request-id counter:
 * every dispatch request gets the next id, and its dispatch record and the venue's answer name it
 * (SPEC §6 ordering contract).
 */
public final class InflightTable {
    /** The first request id a stream assigns. */
    public static final long FIRST_REQUEST_ID = 1;

    private final Long2ObjectHashMap<PendingCommand> byKey = new Long2ObjectHashMap<>();
    private long nextRequestId = FIRST_REQUEST_ID;
    private final ChangeCounter changes;

    InflightTable(ChangeCounter changes) {
        this.changes = changes;
    }

    InflightTable copy(ChangeCounter changesOfCopy) {
        InflightTable c = new InflightTable(changesOfCopy);
        for (long k : Orders.sortedKeys(byKey)) {
            c.byKey.put(k, byKey.get(k).copy());
        }
        c.nextRequestId = nextRequestId;
        return c;
    }

    /** The key's inflight request, or {@code null} when the key is free. */
    public PendingCommand get(long orderKey) {
        return byKey.get(orderKey);
    }

    /** The key's inflight command type, or {@code null} when the key is free. */
    public CommandType type(long orderKey) {
        PendingCommand c = byKey.get(orderKey);
        return c == null ? null : c.type();
    }

    /** True when the key's inflight request already has its dispatch record. */
    public boolean recorded(long orderKey) {
        PendingCommand c = byKey.get(orderKey);
        return c != null && c.recorded();
    }

    /** Number of keys with an inflight request. */
    public int size() {
        return byKey.size();
    }

    /** Inflight keys, ascending (allocates; for reports and tests). */
    public long[] keys() {
        return Orders.sortedKeys(byKey);
    }

    /** The id the next dispatch request will get. */
    public long nextRequestId() {
        return nextRequestId;
    }

    /** Iterates the inflight requests (unordered: callers must not let the order reach State or output). */
    public Long2ObjectHashMap<PendingCommand>.ValueIterator iterator() {
        return byKey.values().iterator();
    }


    /** Marks a dispatched command inflight with the next request id (the caller checked EC5); returns the id. */
    @Mutator
    public long dispatch(PendingCommand c) {
        long id = nextRequestId++;
        c.requestId(id);
        byKey.put(c.orderKey(), c);
        changes.bump();
        return id;
    }

    /**
     * A dispatch record for a request this State did not dispatch (a stream recorded without a
     * Strategy): the record itself establishes the inflight request, already recorded.
     */
    @Mutator
    public PendingCommand recordExternal(ExecutionState x, long orderKey, long requestId, CommandType type,
                                         int instrument, Side side, long priceTicks,
                                         long qtyLots, TimeInForce tif) {
        PendingCommand c = x.newCommand().init(orderKey, type, instrument, side, priceTicks, qtyLots, -1, -1);
        c.timeInForce(tif);
        c.requestId(requestId);
        c.markRecorded();
        byKey.put(orderKey, c);
        if (requestId >= nextRequestId) {
            nextRequestId = requestId + 1; // ids stay unique if a strategy takes over later
        }
        changes.bump();
        return c;
    }

    /** Marks the key's inflight request as recorded by its OrderSubmitted. */
    @Mutator
    public void markRecorded(PendingCommand c) {
        c.markRecorded();
        changes.bump();
    }

    /** Releases the key's inflight marker (the answer arrived, or the dispatch failed). */
    @Mutator
    public void release(ExecutionState x, long orderKey) {
        PendingCommand c = byKey.remove(orderKey);
        if (c != null) {
            x.recycle(c);
            changes.bump();
        }
    }

    void encode(CanonicalEncoder enc) {
        long[] keys = Orders.sortedKeys(byKey);
        enc.tag('I').writeLong(keys.length);
        for (long k : keys) {
            byKey.get(k).encode(enc);
        }
        enc.writeLong(nextRequestId);
    }
}

package io.tradingchassis.core.state;

import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.TimeInForce;
import java.util.Arrays;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The Queue (SPEC §4 Execution Control substate, §7): at most one pending command per order key (EC4),
 * kept in admission order with a key index, plus the admission-sequence and Intent-id counters (both
 * derived from the stream, so State).
 */
public final class PendingQueue {
    private final Long2ObjectHashMap<PendingCommand> byKey = new Long2ObjectHashMap<>();
    private PendingCommand[] items = new PendingCommand[16];
    private int count;
    private long nextAdmissionSeq;
    private long nextIntentId;
    private final ChangeCounter changes;

    PendingQueue(ChangeCounter changes) {
        this.changes = changes;
    }

    PendingQueue copy(ChangeCounter changesOfCopy) {
        PendingQueue c = new PendingQueue(changesOfCopy);
        c.items = new PendingCommand[items.length];
        for (int i = 0; i < count; i++) {
            PendingCommand p = items[i].copy();
            c.items[i] = p;
            c.byKey.put(p.orderKey(), p);
        }
        c.count = count;
        c.nextAdmissionSeq = nextAdmissionSeq;
        c.nextIntentId = nextIntentId;
        return c;
    }

    /** Number of pending commands. */
    public int size() {
        return count;
    }

    /** The i-th pending command in admission order. */
    public PendingCommand at(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("pending " + i + " of " + count);
        }
        return items[i];
    }

    /** The pending command for a key, or {@code null}. */
    public PendingCommand forKey(long orderKey) {
        return byKey.get(orderKey);
    }

    /** The id the next Intent will get. */
    public long nextIntentId() {
        return nextIntentId;
    }

    /** The next admission sequence number. */
    public long nextAdmissionSeq() {
        return nextAdmissionSeq;
    }


    /** Takes the next Intent id (Intent ids are derived from the stream, so State). */
    @Mutator
    public long takeIntentId() {
        return nextIntentId++;
    }

    /** Admits a GTC command for a free key; see {@link #admit(ExecutionState, long, CommandType, int, Side, long, long, long, TimeInForce)}. */
    @Mutator
    public PendingCommand admit(ExecutionState x, long orderKey, CommandType type, int instrument, Side side,
                                long priceTicks, long qtyLots, long intentId) {
        return admit(x, orderKey, type, instrument, side, priceTicks, qtyLots, intentId, TimeInForce.GTC);
    }

    /** Admits a command for a free key (the caller checked EC4); it takes the next admission sequence. */
    @Mutator
    public PendingCommand admit(ExecutionState x, long orderKey, CommandType type, int instrument, Side side,
                                long priceTicks, long qtyLots, long intentId, TimeInForce tif) {
        PendingCommand c = x.newCommand().init(orderKey, type, instrument, side, priceTicks, qtyLots,
                nextAdmissionSeq++, intentId);
        c.timeInForce(tif);
        if (count == items.length) {
            items = Arrays.copyOf(items, count * 2);
        }
        items[count++] = c; // the newest admission sequence: the array stays sorted
        byKey.put(orderKey, c);
        changes.bump();
        return c;
    }

    /** Dominance (SPEC §7): the incoming command wins the key; it takes a new admission sequence. */
    @Mutator
    public void overwrite(PendingCommand p, CommandType type, int instrument, Side side, long priceTicks,
                          long qtyLots, long intentId) {
        overwrite(p, type, instrument, side, priceTicks, qtyLots, intentId, p.timeInForce());
    }

    /** As {@link #overwrite(PendingCommand, CommandType, int, Side, long, long, long)} with a time in force. */
    @Mutator
    public void overwrite(PendingCommand p, CommandType type, int instrument, Side side, long priceTicks,
                          long qtyLots, long intentId, TimeInForce tif) {
        int i = indexOf(p);
        p.set(type, instrument, side, priceTicks, qtyLots, nextAdmissionSeq++, intentId);
        p.timeInForce(tif);
        // It now has the newest sequence: move it to the back.
        System.arraycopy(items, i + 1, items, i, count - i - 1);
        items[count - 1] = p;
        changes.bump();
    }

    /** Removes the key's pending command and returns it (the caller recycles or dispatches it), or {@code null}. */
    @Mutator
    public PendingCommand remove(long orderKey) {
        PendingCommand c = byKey.remove(orderKey);
        if (c == null) {
            return null;
        }
        int i = indexOf(c);
        System.arraycopy(items, i + 1, items, i, count - i - 1);
        items[--count] = null;
        changes.bump();
        return c;
    }

    private int indexOf(PendingCommand c) {
        // Binary search by admission sequence: the array is sorted and sequences are unique.
        int lo = 0;
        int hi = count - 1;
        long seq = c.admissionSeq();
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long s = items[mid].admissionSeq();
            if (s < seq) {
                lo = mid + 1;
            } else if (s > seq) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        throw new IllegalStateException("pending command not in the queue: " + c);
    }

    void encode(CanonicalEncoder enc) {
        enc.tag('Q').writeLong(count);
        for (int i = 0; i < count; i++) {
            items[i].encode(enc);
        }
        enc.writeLong(nextAdmissionSeq).writeLong(nextIntentId);
    }
}

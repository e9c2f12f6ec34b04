package io.tradingchassis.core.state;

import java.util.Arrays;

/**
 * Execution State (SPEC §4), as components that each own their data, their {@code copy} and their
 * canonical encoding (exchange-core's per-component state hash is the model):
 * <ul>
 *   <li>{@link Orders} — live Orders by id, counters, the NEW key high-water mark;</li>
 *   <li>{@link Positions} — position and cash per instrument, fill count;</li>
 *   <li>the Execution Control substate: {@link PendingQueue} (EC4), {@link InflightTable} (EC5, request
 *       ids) and {@link TokenBucketState} (§8.3).</li>
 * </ul>
 * Nothing that reaches the digest depends on hash iteration order (keys are sorted first). Command
 * objects are pooled here; the pool is capacity, not State.
 */
public final class ExecutionState {
    private final Orders orders;
    private final Positions positions;
    private final PendingQueue queue;
    private final InflightTable inflight;
    private final TokenBucketState bucket;
    private final ChangeCounter changes;
    private PendingCommand[] pool = new PendingCommand[8];
    private int poolSize;

    /** Empty execution state. */
    public ExecutionState() {
        this(new ChangeCounter());
    }

    private ExecutionState(ChangeCounter c) {
        this(new Orders(c), new Positions(), new PendingQueue(c), new InflightTable(c), new TokenBucketState(), c);
    }

    private ExecutionState(Orders o, Positions p, PendingQueue q, InflightTable i, TokenBucketState b,
                           ChangeCounter c) {
        this.changes = c;
        this.orders = o;
        this.positions = p;
        this.queue = q;
        this.inflight = i;
        this.bucket = b;
    }

    /** An exact, independent copy. */
    public ExecutionState copy() {
        ChangeCounter c = new ChangeCounter();
        return new ExecutionState(orders.copy(c), positions.copy(), queue.copy(c), inflight.copy(c), bucket.copy(), c);
    }

    /** Orders. */
    public Orders orders() {
        return orders;
    }

    /** Positions, cash and fills. */
    public Positions positions() {
        return positions;
    }

    /** The Queue of pending commands. */
    public PendingQueue queue() {
        return queue;
    }

    /** Inflight requests. */
    public InflightTable inflight() {
        return inflight;
    }

    /** The token bucket. */
    public TokenBucketState bucket() {
        return bucket;
    }

    /**
     * A counter that changes whenever Orders, the Queue or inflight requests change: a projection that
     * only depends on those (the Strategy's working index) is rebuilt when it moves. Not State.
     */
    public long version() {
        return changes.value();
    }

    PendingCommand newCommand() {
        if (poolSize == 0) {
            return new PendingCommand();
        }
        PendingCommand c = pool[--poolSize];
        pool[poolSize] = null;
        return c;
    }

    /** Returns a command that left the Queue without being dispatched (superseded, dropped) to the pool. */
    @Mutator
    public void recycle(PendingCommand c) {
        if (poolSize == pool.length) {
            pool = Arrays.copyOf(pool, poolSize * 2);
        }
        pool[poolSize++] = c;
    }

    void encode(CanonicalEncoder enc) {
        orders.encode(enc);
        positions.encode(enc);
        inflight.encode(enc);
        queue.encode(enc);
        bucket.encode(enc);
    }
}

package io.tradingchassis.runtime;

import io.tradingchassis.core.event.Event;
import java.util.Arrays;
import java.util.Objects;

/**
 * One input source read by two independent consumers, each at its own pace: {@link #first()} and
 * {@link #second()} each deliver every event of the source, in the source's order, and the source is
 * read once. Used to give the simulated venue its own feed of the market the runtime merges (SPEC §12)
 * without decoding the data twice: the two views hand out the same immutable event objects.
 *
 * <p>The events one view has taken and the other has not yet are kept in a ring that grows as needed, so
 * memory is bounded by how far the two consumers drift apart (for the venue's feed: the look-ahead of its
 * timeline, a few rows); a view that is never read keeps everything the other one took. Not thread-safe;
 * allocation-free once the ring has reached the largest drift.
 */
public final class InputTee {
    private static final int INITIAL_CAPACITY = 64;

    private final InputSource source;
    private final View first = new View();
    private final View second = new View();
    /** Events taken from the source but not yet by both views; event i sits at {@code i & mask}. */
    private Event[] ring = new Event[INITIAL_CAPACITY];
    private long[] ringTs = new long[INITIAL_CAPACITY];
    private int mask = INITIAL_CAPACITY - 1;
    /** Index of the oldest event kept: the next event of the view that is behind. */
    private long tail;
    /** Events taken from the source so far. */
    private long taken;

    /** A tee over {@code source}; nothing else may read {@code source} afterwards. */
    public InputTee(InputSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The first view: every event of the source, in order. */
    public InputSource first() {
        return first;
    }

    /** The second view: every event of the source, in order, independently of the first. */
    public InputSource second() {
        return second;
    }

    /** Events held for the view that is behind (for tests). */
    int buffered() {
        return (int) (taken - tail);
    }

    private final class View implements InputSource {
        /** Index of this view's next event. */
        private long next;

        @Override
        public long peekLocalTsNs() {
            return next < taken ? ringTs[(int) next & mask] : source.peekLocalTsNs();
        }

        @Override
        public Event poll() {
            if (next < taken) {
                // Behind the other view (which is at `taken`): take the kept event and release it.
                int i = (int) next & mask;
                Event e = ring[i];
                ring[i] = null;
                next++;
                tail = next;
                return e;
            }
            // At the front: read the source and keep the event for the other view, which is not past it.
            Event e = source.poll();
            if (taken - tail == ring.length) {
                grow();
            }
            int i = (int) taken & mask;
            ring[i] = e;
            ringTs[i] = e.localTsNs();
            taken++;
            next = taken;
            return e;
        }
    }

    private void grow() {
        int n = ring.length * 2;
        Event[] r = new Event[n];
        long[] ts = new long[n];
        for (long i = tail; i < taken; i++) {
            r[(int) i & (n - 1)] = ring[(int) i & mask];
            ts[(int) i & (n - 1)] = ringTs[(int) i & mask];
        }
        Arrays.fill(ring, null);
        ring = r;
        ringTs = ts;
        mask = n - 1;
    }
}

package io.tradingchassis.runtime;

import io.tradingchassis.core.event.Event;

/**
 * One ordered source of input events for the merge (SPEC §9, §12): market data or venue feedback. Its
 * own order is its source sequence; the merge interleaves sources by {@code localTsNs}, then the
 * configured {@code mergeOrder} rank, then source sequence.
 */
public interface InputSource {
    /** No more input. */
    long EXHAUSTED = Long.MAX_VALUE;

    /** {@code localTsNs} of the next event, or {@link #EXHAUSTED}. */
    long peekLocalTsNs();

    /** Takes the next event (call only when {@link #peekLocalTsNs()} is not {@link #EXHAUSTED}). */
    Event poll();
}

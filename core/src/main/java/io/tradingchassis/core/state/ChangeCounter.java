package io.tradingchassis.core.state;

/**
 * Counts changes to the Orders, the Queue and the inflight requests of one {@link ExecutionState}: each
 * of the three bumps the one counter it shares with the others, so {@link ExecutionState#version()} is a
 * single read (issue #11: readers that cache a projection compare it often). Not State: never encoded,
 * not copied (a copy starts its own count).
 */
final class ChangeCounter {
    private long value;

    long value() {
        return value;
    }

    void bump() {
        value++;
    }
}

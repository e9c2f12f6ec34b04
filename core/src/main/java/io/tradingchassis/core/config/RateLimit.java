package io.tradingchassis.core.config;

/**
 * Token bucket for dispatches (SPEC §8.3), refilled from control time in exact integer arithmetic.
 *
 * @param capacity        tokens the bucket holds at most (and starts with); default 10, &gt; 0
 * @param refillPerSecond tokens added per second of control time; default 10, &gt; 0
 */
public record RateLimit(long capacity, long refillPerSecond) {

    /** The documented defaults. */
    public static final RateLimit DEFAULT = new RateLimit(10, 10);
}

package io.tradingchassis.core.queue;

import io.tradingchassis.core.config.RateLimit;
import io.tradingchassis.core.state.ExecutionState;
import io.tradingchassis.core.state.TokenBucketState;

/**
 * The dispatch token bucket of SPEC §8.3 in exact integer arithmetic: {@code scaled = tokens × 10⁹};
 * each elapsed nanosecond of control time adds {@code refillPerSecond}; at most {@code capacity × 10⁹};
 * a dispatch takes 10⁹; the bucket starts full at the control time of position 0.
 */
public final class TokenBucket {
    /** One token, scaled. */
    public static final long ONE = 1_000_000_000L;

    private TokenBucket() {
    }

    /** Starts (full) or refills the bucket to control time {@code nowNs}. */
    public static void refill(ExecutionState x, RateLimit limit, long nowNs) {
        TokenBucketState b = x.bucket();
        long cap = limit.capacity() * ONE;
        if (!b.started()) {
            b.set(cap, nowNs);
            return;
        }
        long last = b.refilledAtNs();
        if (nowNs <= last) {
            if (b.scaled() > cap) {
                b.set(cap, last); // a smaller capacity took effect (ConfigurationActivated)
            }
            return;
        }
        long scaled = b.scaled();
        if (scaled == cap) {
            b.set(cap, nowNs); // already full: only the refill time moves
            return;
        }
        long room = cap - scaled;
        long elapsed = nowNs - last;
        // elapsed * refill may overflow; compare against the room left instead. A negative elapsed
        // means nowNs - last itself overflowed (more than Long.MAX_VALUE ns): the bucket is full.
        scaled = elapsed < 0 || elapsed >= (room + limit.refillPerSecond() - 1) / limit.refillPerSecond()
                ? cap : scaled + elapsed * limit.refillPerSecond();
        b.set(Math.min(scaled, cap), nowNs);
    }

    /** True when at least one whole token is available. */
    public static boolean hasToken(ExecutionState x) {
        return x.bucket().scaled() >= ONE;
    }

    /** Takes one token (the caller checked {@link #hasToken}). */
    public static void take(ExecutionState x) {
        x.bucket().set(x.bucket().scaled() - ONE, x.bucket().refilledAtNs());
    }

    /**
     * Control time at which the next whole token exists: {@code now + ceil((10⁹ − scaled) / refill)},
     * saturating at {@code Long.MAX_VALUE} (a deadline past the representable range never overflows
     * into the past).
     */
    public static long nextTokenAtNs(ExecutionState x, RateLimit limit) {
        TokenBucketState b = x.bucket();
        long missing = ONE - b.scaled();
        if (missing <= 0) {
            return b.refilledAtNs();
        }
        long r = limit.refillPerSecond();
        long wait = (missing + r - 1) / r;
        long at = b.refilledAtNs() + wait;
        return at < b.refilledAtNs() ? Long.MAX_VALUE : at;
    }
}

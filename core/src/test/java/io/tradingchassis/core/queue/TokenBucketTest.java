package io.tradingchassis.core.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.RateLimit;
import io.tradingchassis.core.state.ExecutionState;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** SPEC §8.3: the dispatch token bucket in exact integer arithmetic (scaled = tokens × 10⁹). */
class TokenBucketTest {
    static final long ONE = TokenBucket.ONE;

    @Test
    void sec8_3_startsFullAtTheFirstRefill() {
        ExecutionState x = new ExecutionState();
        assertFalse(x.bucket().started());
        TokenBucket.refill(x, new RateLimit(3, 1), 12_345);
        assertTrue(x.bucket().started());
        assertEquals(3 * ONE, x.bucket().scaled());
        assertEquals(12_345, x.bucket().refilledAtNs());
        assertTrue(TokenBucket.hasToken(x));
    }

    @Test
    void sec8_3_startsFullEvenAtNegativeOrZeroControlTime() {
        ExecutionState x = new ExecutionState();
        TokenBucket.refill(x, new RateLimit(2, 5), -7);
        assertEquals(2 * ONE, x.bucket().scaled());
        assertEquals(-7, x.bucket().refilledAtNs());
    }

    @Test
    void sec8_3_takeConsumesExactlyOneToken_andKeepsTheRefillTime() {
        ExecutionState x = new ExecutionState();
        TokenBucket.refill(x, new RateLimit(2, 1), 100);
        TokenBucket.take(x);
        assertEquals(ONE, x.bucket().scaled());
        assertEquals(100, x.bucket().refilledAtNs());
        TokenBucket.take(x);
        assertEquals(0, x.bucket().scaled());
        assertFalse(TokenBucket.hasToken(x));
    }

    @Test
    void sec8_3_eachNanosecondAddsRefillPerSecond_scaled() {
        ExecutionState x = new ExecutionState();
        RateLimit r = new RateLimit(5, 7);
        TokenBucket.refill(x, r, 0);
        drain(x);
        TokenBucket.refill(x, r, 1);
        assertEquals(7, x.bucket().scaled());
        TokenBucket.refill(x, r, 1_000);
        assertEquals(7_000, x.bucket().scaled());
        TokenBucket.refill(x, r, 1_000_000_000L);
        assertEquals(7 * ONE, Math.min(7 * ONE, 7L * 1_000_000_000L)); // sanity
        assertEquals(5 * ONE, x.bucket().scaled(), "capped at capacity");
    }

    @Test
    void sec8_3_timeNotAdvancing_changesNothing() {
        ExecutionState x = new ExecutionState();
        RateLimit r = new RateLimit(2, 1);
        TokenBucket.refill(x, r, 1_000);
        TokenBucket.take(x);
        TokenBucket.refill(x, r, 1_000);
        assertEquals(ONE, x.bucket().scaled());
        TokenBucket.refill(x, r, 999); // an older control time cannot happen, but must not refill
        assertEquals(ONE, x.bucket().scaled());
        assertEquals(1_000, x.bucket().refilledAtNs());
    }

    @Test
    void sec8_3_neverExceedsCapacity_randomWalk() {
        long seed = 0x5EED_8_3L;
        Random rnd = new Random(seed);
        for (int run = 0; run < 50; run++) {
            long cap = 1 + rnd.nextInt(20);
            long refill = 1 + rnd.nextInt(50);
            RateLimit r = new RateLimit(cap, refill);
            ExecutionState x = new ExecutionState();
            long t = rnd.nextInt(1_000_000);
            TokenBucket.refill(x, r, t);
            BigInteger model = BigInteger.valueOf(cap * ONE);
            for (int step = 0; step < 400; step++) {
                long dt = rnd.nextInt(4) == 0 ? 0 : (long) (rnd.nextDouble() * rnd.nextDouble() * 3_000_000_000L);
                t += dt;
                TokenBucket.refill(x, r, t);
                model = model.add(BigInteger.valueOf(dt).multiply(BigInteger.valueOf(refill)))
                        .min(BigInteger.valueOf(cap * ONE));
                assertEquals(model.longValueExact(), x.bucket().scaled(), "seed " + seed + " run " + run);
                assertTrue(x.bucket().scaled() <= cap * ONE, "never exceeds capacity");
                int takes = rnd.nextInt(3);
                for (int k = 0; k < takes && TokenBucket.hasToken(x); k++) {
                    TokenBucket.take(x);
                    model = model.subtract(BigInteger.valueOf(ONE));
                }
                assertTrue(x.bucket().scaled() >= 0);
                if (!TokenBucket.hasToken(x)) {
                    // next token: now + ceil((1e9 - scaled) / refill), exact
                    BigInteger[] qr = BigInteger.valueOf(ONE).subtract(model).divideAndRemainder(
                            BigInteger.valueOf(refill));
                    BigInteger ceil = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
                    assertEquals(BigInteger.valueOf(t).add(ceil).longValueExact(), TokenBucket.nextTokenAtNs(x, r));
                }
            }
        }
    }

    @Test
    void sec8_3_noOverflow_withHugeElapsedTimes() {
        RateLimit big = new RateLimit(1_000_000_000L, 1_000_000_000L); // scaled capacity 1e18
        ExecutionState x = new ExecutionState();
        TokenBucket.refill(x, big, 0);
        for (int i = 0; i < 5; i++) {
            TokenBucket.take(x);
        }
        TokenBucket.refill(x, big, Long.MAX_VALUE);
        assertEquals(1_000_000_000L * ONE, x.bucket().scaled());

        ExecutionState y = new ExecutionState();
        RateLimit small = new RateLimit(1, 1);
        TokenBucket.refill(y, small, -4_000_000_000_000_000_000L);
        TokenBucket.take(y);
        TokenBucket.refill(y, small, 5_000_000_000_000_000_000L); // elapsed 9e18 ns: fits a long
        assertEquals(ONE, y.bucket().scaled());
    }

    @Test
    void sec8_3_noOverflow_whenElapsedItselfExceedsALong() {
        // Control time is any long (SPEC §2 puts no bound on localTsNs): an elapsed time beyond
        // Long.MAX_VALUE must still mean "full", never a negative bucket.
        ExecutionState x = new ExecutionState();
        RateLimit r = new RateLimit(3, 2);
        TokenBucket.refill(x, r, Long.MIN_VALUE + 1);
        TokenBucket.take(x);
        TokenBucket.take(x);
        TokenBucket.take(x);
        TokenBucket.refill(x, r, Long.MAX_VALUE);
        assertEquals(3 * ONE, x.bucket().scaled());
    }

    @Test
    void sec8_3_nextTokenAt_ceilRounding_refill3PerSecond() {
        RateLimit r = new RateLimit(2, 3);
        ExecutionState x = new ExecutionState();
        long t = 10_000;
        TokenBucket.refill(x, r, t);
        TokenBucket.take(x);
        TokenBucket.take(x);
        // ceil(1e9 / 3) = 333 333 334 (333 333 333.33…)
        assertEquals(t + 333_333_334L, TokenBucket.nextTokenAtNs(x, r));
        TokenBucket.refill(x, r, t + 333_333_333L);
        assertEquals(999_999_999L, x.bucket().scaled());
        assertFalse(TokenBucket.hasToken(x), "one nanosecond short");
        assertEquals(t + 333_333_334L, TokenBucket.nextTokenAtNs(x, r), "ceil(1 / 3) = 1 ns later");
        TokenBucket.refill(x, r, t + 333_333_334L);
        assertEquals(1_000_000_002L, x.bucket().scaled());
        assertTrue(TokenBucket.hasToken(x), "the token exists exactly at the announced deadline");
    }

    @Test
    void sec8_3_nextTokenAt_exactDivision_refill1PerSecond() {
        RateLimit r = new RateLimit(2, 1);
        ExecutionState x = new ExecutionState();
        TokenBucket.refill(x, r, 0);
        TokenBucket.take(x);
        TokenBucket.take(x);
        assertEquals(1_000_000_000L, TokenBucket.nextTokenAtNs(x, r));
        TokenBucket.refill(x, r, 500_000_000L);
        assertEquals(1_000_000_000L, TokenBucket.nextTokenAtNs(x, r), "same deadline from a later refill");
    }

    @Test
    void sec8_3_capacityIsRespected_whenConfigurationShrinksItMidStream() {
        // A ConfigurationActivated may bring a smaller capacity; the bucket holds at most capacity × 1e9
        // under the configuration passed to the step, even when no control time has elapsed.
        ExecutionState x = new ExecutionState();
        TokenBucket.refill(x, new RateLimit(10, 1), 1_000);
        TokenBucket.refill(x, new RateLimit(2, 1), 1_000);
        assertEquals(2 * ONE, x.bucket().scaled());
        TokenBucket.refill(x, new RateLimit(1, 1), 2_000);
        assertEquals(ONE, x.bucket().scaled());
    }

    private static void drain(ExecutionState x) {
        while (TokenBucket.hasToken(x)) {
            TokenBucket.take(x);
        }
    }

    @Test
    void sec9_theDeadlineSaturatesNearLongMaxValueInsteadOfOverflowingIntoThePast() {
        ExecutionState x = new ExecutionState();
        RateLimit slow = new RateLimit(1, 1); // the next token is a whole second away
        long now = Long.MAX_VALUE - 10;
        TokenBucket.refill(x, slow, now);
        TokenBucket.take(x);
        long deadline = TokenBucket.nextTokenAtNs(x, slow);
        assertEquals(Long.MAX_VALUE, deadline, "now + 1 s does not fit a long: the latest representable time");
        assertTrue(deadline >= now, "never a deadline in the past");
    }
}

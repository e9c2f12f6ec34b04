package io.tradingchassis.core.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a {@code double} exactly as ECMAScript's {@code Number.prototype.toString(10)}
 * does (ES2019 §7.1.12.1), which is the number serialization RFC 8785 §3.2.2.3 requires.
 *
 * <p>The digits are the shortest decimal that reads back as the same double; when several
 * decimals of that length do, the one closest to the exact binary value is chosen (ties to
 * an even last digit). {@link Double#toString(double)} on Java 17 is not a substitute: it
 * uses a different layout ({@code 1.0E21}) and is not always shortest or closest ({@code 1e23}
 * is printed as {@code 9.999999999999999E22}, {@code 5e-324} as {@code 4.9E-324}).
 *
 * <p>Meant for configuration and other edge JSON, not the hot path: an integral value below
 * 2^53 is printed directly, any other costs a few {@link BigDecimal} operations (about 2 µs
 * for a short decimal such as {@code 0.01}, more for extreme exponents).
 */
public final class Es6NumberFormatter {

    /** 2^53: below it every integral double is printed exactly by {@link Long#toString}. */
    private static final double EXACT_INTEGER_LIMIT = 9007199254740992.0;

    /** Seventeen significant digits always identify a double uniquely. */
    private static final int MAX_DIGITS = 17;

    private static final MathContext[] DOWN = new MathContext[MAX_DIGITS + 1];
    private static final MathContext[] UP = new MathContext[MAX_DIGITS + 1];
    private static final MathContext[] HALF_EVEN = new MathContext[MAX_DIGITS + 1];

    static {
        for (int p = 1; p <= MAX_DIGITS; p++) {
            DOWN[p] = new MathContext(p, RoundingMode.DOWN);
            UP[p] = new MathContext(p, RoundingMode.UP);
            HALF_EVEN[p] = new MathContext(p, RoundingMode.HALF_EVEN);
        }
    }

    private Es6NumberFormatter() {
    }

    /**
     * Returns ECMAScript's {@code Number.prototype.toString(10)} of {@code d}: shortest
     * round-trip digits, plain notation for 1e-7 &lt; |d| &lt; 1e21, otherwise exponent
     * notation such as {@code 1e+21} or {@code 1.5e-7}; {@code -0.0} gives {@code "0"}.
     *
     * @param d a finite double
     * @return the ECMAScript string form of {@code d}
     * @throws IllegalArgumentException if {@code d} is NaN or infinite (not valid JSON)
     */
    public static String format(double d) {
        StringBuilder out = new StringBuilder(24);
        appendTo(out, d);
        return out.toString();
    }

    /**
     * Appends {@link #format(double) format(d)} to {@code out}.
     *
     * @param out the builder to append to
     * @param d a finite double
     * @throws IllegalArgumentException if {@code d} is NaN or infinite; {@code out} is then unchanged
     */
    public static void appendTo(StringBuilder out, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException(
                    "ES6 number serialization: " + d + " has no JSON representation (RFC 8785 §3.2.2.3)");
        }
        if (d == 0.0) {
            out.append('0'); // both +0.0 and -0.0
            return;
        }
        double magnitude = Math.abs(d);
        if (magnitude < EXACT_INTEGER_LIMIT && magnitude == Math.rint(magnitude)) {
            // Neighbouring doubles are at most 1 apart here, so no shorter decimal reads back
            // as this integer, and it is below 1e21, so ECMAScript prints all of its digits.
            out.append((long) d);
            return;
        }
        if (d < 0) {
            out.append('-');
        }
        BigDecimal shortest = shortestRoundTrip(magnitude).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        // value = 0.d1..dk x 10^n  (ECMAScript's n), and unscaled x 10^-scale = value
        int n = k - shortest.scale();
        layOut(out, digits, k, n);
    }

    /**
     * The shortest decimal that converts back to {@code x} (positive and finite), the one
     * closest to {@code x} if several of that length do.
     */
    private static BigDecimal shortestRoundTrip(double x) {
        BigDecimal exact = new BigDecimal(x);
        // "Some p-digit decimal reads back as x" is monotone in p (p-digit decimals are also
        // (p+1)-digit ones), so binary search for the least such p.
        int lo = 1;
        int hi = MAX_DIGITS;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (roundTripCandidate(exact, mid, x) != null) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        BigDecimal found = roundTripCandidate(exact, lo, x);
        if (found == null) {
            throw new AssertionError("no 17-digit decimal reads back as " + Double.doubleToRawLongBits(x));
        }
        return found;
    }

    /**
     * A {@code p}-digit decimal that reads back as {@code x}, or null if there is none.
     *
     * <p>Only the two {@code p}-digit decimals bracketing the exact value can read back as
     * {@code x}: the set of decimals that do is an interval around {@code x}. The interval is
     * not symmetric when {@code x} is a power of two (the gap below is half the gap above),
     * so the nearest {@code p}-digit decimal can miss while the other neighbour hits.
     */
    private static BigDecimal roundTripCandidate(BigDecimal exact, int p, double x) {
        BigDecimal down = exact.round(DOWN[p]);
        BigDecimal up = exact.round(UP[p]);
        boolean downHits = down.doubleValue() == x;
        boolean upHits = up.doubleValue() == x;
        if (downHits && upHits) {
            return exact.round(HALF_EVEN[p]); // equals down or up: the nearer, ties to even
        }
        if (downHits) {
            return down;
        }
        return upHits ? up : null;
    }

    /** ES2019 §7.1.12.1 steps 6-10, for k significant digits and exponent n. */
    private static void layOut(StringBuilder out, String digits, int k, int n) {
        if (k <= n && n <= 21) {
            out.append(digits);
            for (int i = k; i < n; i++) {
                out.append('0');
            }
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.");
            for (int i = n; i < 0; i++) {
                out.append('0');
            }
            out.append(digits);
        } else {
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            int e = n - 1;
            out.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
        }
    }
}

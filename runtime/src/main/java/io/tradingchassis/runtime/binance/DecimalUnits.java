package io.tradingchassis.runtime.binance;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Decimal text to integer units (ticks, lots) by exact BigDecimal division: {@code "61837.64"} at tick
 * size {@code 0.01} is {@code 6183764}; a value between two units is refused, never rounded. Only plain
 * non-negative decimals are read ({@code 123}, {@code 0.5}, {@code 61837.64000000}): Binance sends
 * nothing else, and a sign or exponent would be a sign of another format.
 */
final class DecimalUnits {

    private static final int MAX_CHARS = 100;

    private final BigDecimal unit;
    private final String quantity;
    private final String unitName;

    /**
     * @param unit     the size of one unit
     * @param quantity what the values are, for messages: {@code price}
     * @param unitName what the unit is, for messages: {@code tick size}
     */
    DecimalUnits(BigDecimal unit, String quantity, String unitName) {
        this.unit = unit;
        this.quantity = quantity;
        this.unitName = unitName;
    }

    /**
     * The value of {@code text[off, off+len)} in units.
     *
     * @param field the JSON field, for messages
     * @throws IllegalArgumentException naming the value, the field and the rule
     */
    long toUnits(char[] text, int off, int len, String field) {
        if (!isPlainDecimal(text, off, len)) {
            throw new IllegalArgumentException(quantity + " \"" + clip(new String(text, off, len)) + "\" in \"" + field
                    + "\" is not a plain decimal number");
        }
        BigDecimal v = new BigDecimal(text, off, len);
        BigDecimal units;
        try {
            units = v.divide(unit, 0, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            // Any decimal is a multiple of 10^-scale; at the finer of the two scales the old grid is kept too.
            BigDecimal finer = BigDecimal.ONE.scaleByPowerOfTen(-Math.max(v.stripTrailingZeros().scale(), unit.scale()));
            throw new IllegalArgumentException(quantity + " \"" + new String(text, off, len) + "\" in \"" + field
                    + "\" is not a multiple of the " + unitName + " " + unit.toPlainString() + " (a " + unitName
                    + " of " + finer.toPlainString() + " would hold it)");
        }
        try {
            return units.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(quantity + " \"" + clip(new String(text, off, len)) + "\" in \"" + field
                    + "\" is more units of " + unit.toPlainString() + " than a 64-bit integer holds");
        }
    }

    /** {@code units} × unit as a plain decimal without trailing zeros: {@code 619279} at 0.1 is {@code 61927.9}. */
    String toDecimal(long units) {
        return BigDecimal.valueOf(units).multiply(unit).stripTrailingZeros().toPlainString();
    }

    private static boolean isPlainDecimal(char[] s, int off, int len) {
        if (len > MAX_CHARS) {
            return false;
        }
        boolean digit = false;
        boolean point = false;
        for (int i = off; i < off + len; i++) {
            char c = s[i];
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digit;
    }

    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "… (" + s.length() + " characters)";
    }
}

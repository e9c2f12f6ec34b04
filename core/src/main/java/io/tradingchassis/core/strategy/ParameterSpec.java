package io.tradingchassis.core.strategy;

import java.util.Objects;

/**
 * One declared strategy parameter: name, type, default, inclusive bounds and what it means. Every
 * declared parameter is resolved (defaults written out) into the configuration, so into its
 * fingerprint, whether or not the file spells it.
 *
 * @param name         a JSON key: a letter, then letters and digits
 * @param type         its type
 * @param defaultValue the default (BOOLEAN: 0 or 1)
 * @param min          inclusive lower bound (BOOLEAN: 0)
 * @param max          inclusive upper bound (BOOLEAN: 1; at most 2^53 − 1 so RFC 8785 holds it exactly)
 * @param doc          one line for {@code --help} and the README
 */
public record ParameterSpec(String name, ParameterType type, long defaultValue, long min, long max, String doc) {
    /** Largest value a parameter may hold: 2^53 − 1 (exact in RFC 8785 numbers). */
    public static final long MAX_VALUE = (1L << 53) - 1;


    /** Validates the declaration. */
    public ParameterSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(doc, "doc");
        if (!isName(name)) {
            throw new IllegalArgumentException("parameter name \"" + name + "\" must be a letter then up to 63 "
                    + "letters or digits");
        }
        if (min > max || defaultValue < min || defaultValue > max) {
            throw new IllegalArgumentException("parameter " + name + ": default " + defaultValue
                    + " not in [" + min + ", " + max + "]");
        }
        if (min < -MAX_VALUE || max > MAX_VALUE) {
            throw new IllegalArgumentException("parameter " + name + ": bounds must lie within ±(2^53 − 1)");
        }
        if (type == ParameterType.BOOLEAN && (min != 0 || max != 1)) {
            throw new IllegalArgumentException("parameter " + name + ": a BOOLEAN has bounds [0, 1]");
        }
        if (type == ParameterType.INSTRUMENT && min < 0) {
            throw new IllegalArgumentException("parameter " + name + ": an INSTRUMENT index is >= 0");
        }
    }

    private static boolean isName(String s) {
        if (s == null || s.isEmpty() || s.length() > 64 || !isAsciiLetter(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** An integer parameter. */
    public static ParameterSpec integer(String name, long defaultValue, long min, long max, String doc) {
        return new ParameterSpec(name, ParameterType.INTEGER, defaultValue, min, max, doc);
    }

    /** A boolean parameter. */
    public static ParameterSpec bool(String name, boolean defaultValue, String doc) {
        return new ParameterSpec(name, ParameterType.BOOLEAN, defaultValue ? 1 : 0, 0, 1, doc);
    }

    /** An instrument index, default 0; checked against the configured instruments. */
    public static ParameterSpec instrument(String name, String doc) {
        return new ParameterSpec(name, ParameterType.INSTRUMENT, 0, 0, MAX_VALUE, doc);
    }
}

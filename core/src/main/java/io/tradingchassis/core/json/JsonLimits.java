package io.tradingchassis.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * The limits of every JSON reader in the core (the RFC 8785 canonicalizer's and the configuration
 * parser's), set here rather than left to Jackson's defaults, so they are documented and a Jackson
 * upgrade cannot move them. Jackson checks each one while it reads, before it builds the value, so an
 * input past a limit costs no more than reading that far.
 *
 * <p>Input past a limit is refused with a message naming the limit ({@link #brokenLimit}), never as
 * "malformed".
 */
public final class JsonLimits {

    /** Deepest nesting of arrays and objects: 1000 levels. */
    public static final int MAX_NESTING_DEPTH = 1000;

    /**
     * Longest number: 1000 digits (Jackson counts the digits of the integer part, the fraction and the
     * exponent, not a sign, point or {@code e}, nor a lone leading zero). Checked before the number is
     * parsed, whose cost grows with the square of its length.
     */
    public static final int MAX_NUMBER_LENGTH = 1000;

    /** Longest member name: 50,000 characters. */
    public static final int MAX_NAME_LENGTH = 50_000;

    /** Longest string value: 20,000,000 characters. */
    public static final int MAX_STRING_LENGTH = 20_000_000;

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxNameLength(MAX_NAME_LENGTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .build();

    private JsonLimits() {
    }

    /**
     * The limits as Jackson read constraints, for a {@code JsonFactory} builder.
     *
     * @return the constraints (immutable)
     */
    public static StreamReadConstraints streamReadConstraints() {
        return CONSTRAINTS;
    }

    /**
     * The limit a Jackson error reports as broken, in words, such as {@code nesting deeper than 1000
     * levels} or {@code number longer than 1000 digits}.
     *
     * @param e an error from a parser built with {@link #streamReadConstraints()}
     * @return the broken limit, or {@code null} when {@code e} is not about a limit
     */
    public static String brokenLimit(JsonProcessingException e) {
        if (!(e instanceof StreamConstraintsException)) {
            return null;
        }
        // Jackson's message names the limit's getter: "(1000, from `StreamReadConstraints.getMaxNestingDepth()`)".
        String detail = String.valueOf(e.getOriginalMessage());
        if (detail.contains("getMaxNestingDepth")) {
            return "nesting deeper than " + MAX_NESTING_DEPTH + " levels";
        }
        if (detail.contains("getMaxNumberLength")) {
            return "number longer than " + MAX_NUMBER_LENGTH + " digits";
        }
        if (detail.contains("getMaxNameLength")) {
            return "member name longer than " + MAX_NAME_LENGTH + " characters";
        }
        if (detail.contains("getMaxStringLength")) {
            return "string longer than " + MAX_STRING_LENGTH + " characters";
        }
        // A limit this class does not set (Jackson's own, e.g. a BigDecimal scale): its detail, kept short.
        return detail.length() <= 200 ? detail : detail.substring(0, 200) + "\u2026";
    }
}

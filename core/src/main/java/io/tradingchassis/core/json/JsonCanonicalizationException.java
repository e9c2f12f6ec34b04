package io.tradingchassis.core.json;

/**
 * The input cannot be put into RFC 8785 canonical form: it is not JSON, breaks an I-JSON
 * rule (RFC 7493: duplicate member names, lone surrogates, numbers beyond the double
 * range), or is a Jackson tree holding a value JSON cannot carry exactly.
 *
 * <p>The message is one line that names the rule and, for text input, ends with the
 * {@code line:column} (both 1-based) where the problem was found.
 */
public final class JsonCanonicalizationException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming the rule and the position
     */
    public JsonCanonicalizationException(String message) {
        super(message);
    }

    /**
     * @param message one line naming the rule and the position
     * @param cause the parser error behind it
     */
    public JsonCanonicalizationException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.tradingchassis.core.event;

/** The three command types of an Intent and of a dispatched command (SPEC §3, §7). */
public enum CommandType {
    /** A new order. */
    NEW(0, 0),
    /** Replace price and quantity of a live order. */
    REPLACE(1, 1),
    /** Cancel a live order. */
    CANCEL(2, 2);

    private final int code;
    private final int precedence;

    CommandType(int code, int precedence) {
        this.code = code;
        this.precedence = precedence;
    }

    /** Stable code used in digests and logs (never {@code ordinal()}): NEW 0, REPLACE 1, CANCEL 2. */
    public int code() {
        return code;
    }

    /** Dominance precedence (SPEC §7): CANCEL &gt; REPLACE &gt; NEW. */
    public int precedence() {
        return precedence;
    }
}

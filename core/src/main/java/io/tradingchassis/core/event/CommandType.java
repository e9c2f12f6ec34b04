package io.tradingchassis.core.event;

/** The three command types of an Intent and of a dispatched command (SPEC §3, §7). */
public enum CommandType {
    NEW, REPLACE, CANCEL;

    /** Dominance precedence (SPEC §7): CANCEL &gt; REPLACE &gt; NEW. */
    public int precedence() {
        return ordinal();
    }
}

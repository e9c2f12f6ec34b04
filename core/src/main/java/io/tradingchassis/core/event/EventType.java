package io.tradingchassis.core.event;

/**
 * Every concrete event type with a stable wire code. Codes are part of digests and logs: never
 * renumber, only append.
 */
public enum EventType {
    BOOK_DELTA(1, Category.MARKET),
    BOOK_SNAPSHOT(2, Category.MARKET),
    TRADE(3, Category.MARKET),
    BBO(4, Category.MARKET),
    ORDER_ACCEPTED(10, Category.EXECUTION),
    ORDER_REJECTED(11, Category.EXECUTION),
    ORDER_FILLED(12, Category.EXECUTION),
    ORDER_CANCELLED(13, Category.EXECUTION),
    ORDER_REPLACED(14, Category.EXECUTION),
    ORDER_EXPIRED(15, Category.EXECUTION),
    ORDER_SUBMITTED(20, Category.INTENT_RECORD),
    DISPATCH_FAILED(21, Category.INTENT_RECORD),
    SESSION_START(30, Category.CONTROL),
    KILL_SWITCH(31, Category.CONTROL),
    CONFIGURATION_ACTIVATED(32, Category.CONTROL),
    FEED_GAP(33, Category.CONTROL),
    CONTROL_TIME(34, Category.CONTROL);

    /** The SPEC §3 categories. Control-Time is a Control event with its own type. */
    public enum Category { MARKET, EXECUTION, INTENT_RECORD, CONTROL }

    private static final EventType[] VALUES = values();

    private final int code;
    private final Category category;

    EventType(int code, Category category) {
        this.code = code;
        this.category = category;
    }

    /** Stable numeric code. */
    public int code() {
        return code;
    }

    /** The SPEC §3 category. */
    public Category category() {
        return category;
    }

    /** The type with the given stable code. */
    public static EventType ofCode(int code) {
        for (EventType t : VALUES) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown event type code " + code);
    }
}

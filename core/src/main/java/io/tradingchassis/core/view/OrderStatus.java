package io.tradingchassis.core.view;

/** Order lifecycle states (SPEC §6). An Order exists only from SUBMITTED on (L3). */
public enum OrderStatus {
    /** Its dispatch record was processed; the venue has not answered. */
    SUBMITTED(0),
    /** Resting at the venue. */
    ACCEPTED(1),
    /** Resting, some quantity filled. */
    PARTIALLY_FILLED(2),
    /** Terminal: fully filled. */
    FILLED(3),
    /** Terminal: cancelled. */
    CANCELLED(4),
    /** Terminal: the venue refused the NEW. */
    REJECTED(5),
    /** Terminal: the venue expired it (IOC remainder, FOK that cannot fill, GTX that would take). */
    EXPIRED(6);

    private final int code;

    OrderStatus(int code) {
        this.code = code;
    }

    /** Stable code used in digests and logs (never {@code ordinal()}). */
    public int code() {
        return code;
    }

    /** Filled, Cancelled, Rejected and Expired are terminal: nothing may follow (L4). */
    public boolean isTerminal() {
        return this == FILLED || this == CANCELLED || this == REJECTED || this == EXPIRED;
    }

    /** Accepted or PartiallyFilled: the Order rests at the venue and may be replaced, cancelled or filled. */
    public boolean isWorking() {
        return this == ACCEPTED || this == PARTIALLY_FILLED;
    }

    /** True when the SPEC §6 state machine allows {@code this → next}. */
    public boolean canBecome(OrderStatus next) {
        switch (this) {
            case SUBMITTED:
                return next == ACCEPTED || next == REJECTED || next == EXPIRED;
            case ACCEPTED:
            case PARTIALLY_FILLED:
                return next == PARTIALLY_FILLED || next == FILLED || next == CANCELLED || next == EXPIRED;
            default:
                return false;
        }
    }
}

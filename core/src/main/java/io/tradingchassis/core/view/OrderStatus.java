package io.tradingchassis.core.view;

/** Order lifecycle states (SPEC §6). An Order exists only from SUBMITTED on (L3). */
public enum OrderStatus {
    SUBMITTED, ACCEPTED, PARTIALLY_FILLED, FILLED, CANCELLED, REJECTED;

    /** Filled, Cancelled and Rejected are terminal: nothing may follow (L4). */
    public boolean isTerminal() {
        return this == FILLED || this == CANCELLED || this == REJECTED;
    }

    /** Accepted or PartiallyFilled: the Order rests at the venue and may be replaced, cancelled or filled. */
    public boolean isWorking() {
        return this == ACCEPTED || this == PARTIALLY_FILLED;
    }

    /** True when the SPEC §6 state machine allows {@code this → next}. */
    public boolean canBecome(OrderStatus next) {
        switch (this) {
            case SUBMITTED:
                return next == ACCEPTED || next == REJECTED;
            case ACCEPTED:
            case PARTIALLY_FILLED:
                return next == PARTIALLY_FILLED || next == FILLED || next == CANCELLED;
            default:
                return false;
        }
    }
}

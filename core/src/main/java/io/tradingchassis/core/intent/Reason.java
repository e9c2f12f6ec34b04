package io.tradingchassis.core.intent;

/** Reason codes carried with a disposition. Rejects are data (STYLE habit 5). */
public enum Reason {
    /** No reason: the disposition speaks for itself. */
    NONE,
    /** Risk: quantity above {@code risk.maxOrderQtyLots} (or not positive). */
    MAX_ORDER_QTY,
    /** Risk: position plus open same-side quantity would exceed {@code risk.maxPositionLots}. */
    MAX_POSITION,
    /** Risk: live orders plus pending NEWs would exceed {@code risk.maxOpenOrders}. */
    MAX_OPEN_ORDERS,
    /** Risk: price more than {@code risk.priceBandTicks} from mid (or no mid to compare with). */
    PRICE_BAND,
    /** Risk: the kill switch is on. */
    KILL_SWITCH,
    /** Risk: a policy threw; an exception is a denial, never an allow (SPEC §5 step 4, F-rules). */
    POLICY_ERROR,
    /** Risk: the Intent names an instrument the configuration does not define, or a non-positive price. */
    MALFORMED_INTENT,
    /** Dominance: the pending command won over the incoming one. */
    DOMINATED_BY_PENDING,
    /** Dominance: the incoming command replaced this pending one. */
    REPLACED_BY_INCOMING,
    /** Validity: no live Order for the key. */
    NO_LIVE_ORDER,
    /**
     * Validity: a NEW's key must be above every NEW key used before in the stream (the high-water mark
     * in State), whatever is pending — so a key is never reused, even after its Order retired.
     */
    KEY_NOT_FRESH,
    /** Validity: the target Order became terminal before dispatch. */
    TARGET_TERMINAL,
    /** Pending: blocked by the token bucket. */
    RATE_LIMITED,
    /** Pending: blocked by inflight gating (EC5). */
    INFLIGHT
}

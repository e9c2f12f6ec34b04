package io.tradingchassis.core.intent;

/**
 * Where an Intent's arc stands at the end of a step (SPEC §5 step 7, §6). Terminal classes: denied,
 * superseded, invalid, dropped, cancelled before submission, dispatched (then closed by the venue's
 * answer, which moves the Order, not the Intent).
 */
public enum Disposition {
    /** Risk said DENIED(reason); it never entered the Queue (R1, R3). */
    DENIED,
    /** Lost to another command for the same key under the dominance matrix (SPEC §7). */
    SUPERSEDED,
    /** A REPLACE or CANCEL for a key with no live Order and nothing pending (SPEC §7). */
    INVALID,
    /** A CANCEL that removed a pending NEW: nothing is sent (SPEC §7). */
    CANCELLED_BEFORE_SUBMISSION,
    /** Dropped by validity: its target Order no longer allows it (SPEC §8.1). */
    DROPPED,
    /** Waiting in the Queue (inflight gating or rate limit). */
    PENDING,
    /** Selected by Queue Processing and handed out as a dispatch request. */
    DISPATCHED
}

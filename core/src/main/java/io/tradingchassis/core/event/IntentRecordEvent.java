package io.tradingchassis.core.event;

/** The runtime's record of a dispatch outcome that canonical history needs (SPEC §3, §6). */
public sealed interface IntentRecordEvent extends Event permits OrderSubmitted, DispatchFailed {

    /** The order key the dispatched command was for. */
    long orderId();
}

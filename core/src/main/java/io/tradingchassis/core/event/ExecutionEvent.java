package io.tradingchassis.core.event;

/** A venue's answer about one order (SPEC §3, §6): drives Execution State and the Order lifecycle. */
public sealed interface ExecutionEvent extends Event
        permits OrderAccepted, OrderRejected, OrderFilled, OrderCancelled, OrderReplaced, OrderExpired {

    /** The order (and order key) the venue is answering about. */
    long orderId();
}

package io.tradingchassis.core.event;

/**
 * An immutable canonical event (SPEC §3, E3). Its position in the stream is Processing Order; its
 * timestamps are Event Time metadata and never reorder anything (SPEC §2).
 */
public sealed interface Event permits MarketEvent, ExecutionEvent, IntentRecordEvent, ControlEvent {

    /** When the venue says the event happened, in nanoseconds since the epoch. */
    long exchTsNs();

    /** When the runtime observed the event, in nanoseconds since the epoch; drives control time. */
    long localTsNs();

    /** The event's type, a stable code used in digests and logs. */
    EventType type();
}

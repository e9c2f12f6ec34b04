package io.tradingchassis.core.event;

/** Marks the start of a trading session (sets the session flag in Control State). */
public record SessionStart(long exchTsNs, long localTsNs) implements ControlEvent {
    @Override
    public EventType type() {
        return EventType.SESSION_START;
    }
}

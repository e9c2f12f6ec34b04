package io.tradingchassis.core.event;

/**
 * A Control-Time event realizing a control scheduling obligation (SPEC §9). The runtime injects it
 * with {@code localTsNs == deadlineNs}; processing it advances control time and runs the full step.
 */
public record ControlTime(long exchTsNs, long localTsNs, long deadlineNs, ControlTimeReason reason)
        implements ControlEvent {
    @Override
    public EventType type() {
        return EventType.CONTROL_TIME;
    }
}

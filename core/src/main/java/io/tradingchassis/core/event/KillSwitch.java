package io.tradingchassis.core.event;

/** Turns the kill switch on or off. While on, Risk denies every NEW and REPLACE. */
public record KillSwitch(long exchTsNs, long localTsNs, boolean on) implements ControlEvent {
    @Override
    public EventType type() {
        return EventType.KILL_SWITCH;
    }
}

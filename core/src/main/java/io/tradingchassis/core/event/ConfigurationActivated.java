package io.tradingchassis.core.event;

/** Records that the configuration with this fingerprint is active from here on (SPEC §10). */
public record ConfigurationActivated(long exchTsNs, long localTsNs, String fingerprint) implements ControlEvent {
    @Override
    public EventType type() {
        return EventType.CONFIGURATION_ACTIVATED;
    }
}

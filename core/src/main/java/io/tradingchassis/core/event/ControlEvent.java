package io.tradingchassis.core.event;

/** Runtime or operator control (SPEC §3): drives Control State. */
public sealed interface ControlEvent extends Event
        permits SessionStart, KillSwitch, ConfigurationActivated, FeedGap, ControlTime {
}

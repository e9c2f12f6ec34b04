package io.tradingchassis.core.event;

/** Why a Control-Time event exists (SPEC §9). */
public enum ControlTimeReason { RATE_LIMIT_RECOVERY }

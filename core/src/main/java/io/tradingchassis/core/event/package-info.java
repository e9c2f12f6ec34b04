/**
 * Canonical events (SPEC §3): immutable values, each carrying {@code exchTsNs} (venue time) and
 * {@code localTsNs} (runtime observation time). Prices and quantities are integer ticks and lots;
 * an instrument is the index of its entry in the configuration's instrument list.
 */
package io.tradingchassis.core.event;

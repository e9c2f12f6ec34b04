/**
 * State (SPEC §4): exactly three domains — {@link io.tradingchassis.core.state.MarketState},
 * {@link io.tradingchassis.core.state.ExecutionState}, {@link io.tradingchassis.core.state.ControlState}
 * — with an exact {@code snapshot()} and a {@code digest()} over a canonical encoding (sorted keys,
 * fixed-width big-endian integers), independent of JVM, hash seeds and insertion history.
 */
package io.tradingchassis.core.state;

/**
 * The Strategy SPI (SPEC §5 step 3) and the shipped strategies. A Strategy reads only the read-only
 * {@link io.tradingchassis.core.view.StateView} and emits Intents into an
 * {@link io.tradingchassis.core.intent.IntentSink}; it cannot reach the Queue, the venue or a clock
 * (enforced by the arch-rules module).
 */
package io.tradingchassis.core.strategy;

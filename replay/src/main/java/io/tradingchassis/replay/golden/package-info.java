/**
 * Recording golden logs: {@link io.tradingchassis.replay.golden.Recording} runs a backtest into a log
 * ({@code tc record}); {@link io.tradingchassis.replay.golden.Scenario} is a named, readable recipe for one
 * golden ({@code golden/scenarios/NAME.json}) that {@code tc bless} re-records.
 */
package io.tradingchassis.replay.golden;

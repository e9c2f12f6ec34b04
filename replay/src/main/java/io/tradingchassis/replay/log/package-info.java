/**
 * Golden logs (SPEC §13): the binary store — header, entries with their XXH3-64 chain, State checkpoints,
 * trailer — its streaming writer and reader, its YAML form for review, and the failures a damaged log is
 * reported as. The layout is in {@link io.tradingchassis.replay.log.LogFormat}.
 */
package io.tradingchassis.replay.log;

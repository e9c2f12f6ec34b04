/**
 * Replay and diff of golden logs (SPEC §13): {@link io.tradingchassis.replay.verify.Replayer} re-runs the
 * core over a log and stops at the first divergence; {@link io.tradingchassis.replay.verify.LogDiff}
 * compares two logs and names the State paths that differ ({@link io.tradingchassis.replay.verify.StateTree}).
 */
package io.tradingchassis.replay.verify;

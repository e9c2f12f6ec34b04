/**
 * The Queue (SPEC §7: dominance, at most one pending command per order key, EC4) and Queue
 * Processing (SPEC §8: validity, inflight gating EC5, token bucket, ordering, selection, and the
 * Control Scheduling Obligation of SPEC §9). Pure functions of State and Configuration; the Queue's
 * data lives in {@link io.tradingchassis.core.state.ExecutionState} and is recomputable from the
 * stream (EC1). Queue code never calls Risk.
 */
package io.tradingchassis.core.queue;

package io.tradingchassis.core.config;

/** The input sources the runtime merges at equal {@code localTsNs} (SPEC §9, §12), ranked by {@code mergeOrder}. */
public enum MergeSource { CONTROL_TIME, EXECUTION, MARKET }

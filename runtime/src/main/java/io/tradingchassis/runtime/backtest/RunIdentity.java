package io.tradingchassis.runtime.backtest;

/**
 * What defines a run (SPEC §12): dataset id, configuration fingerprint, strategy id and version (its
 * parameters are in the fingerprint) and code version; the run id is derived from them, so the same
 * inputs give the same id.
 *
 * @param runId                    short hex id derived from the rest
 * @param datasetId                {@code sha256:…} of the dataset, or {@code synthetic:seed=…} for the built-in market
 * @param configurationFingerprint {@code sha256:…} of the resolved configuration
 * @param strategyId               the strategy's id
 * @param strategyVersion          the strategy provider's version
 * @param codeVersion              the build's version
 */
public record RunIdentity(String runId, String datasetId, String configurationFingerprint, String strategyId,
                          String strategyVersion, String codeVersion) {
}

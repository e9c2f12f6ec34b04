package io.tradingchassis.replay.log;

import java.util.List;
import java.util.Objects;

/**
 * What a golden log says about itself (SPEC §13): how it is encoded, what produced it, and the
 * configurations its steps are bound to. The first configuration is the one the stream starts with; a
 * {@code ConfigurationActivated} entry naming another one's fingerprint switches to it from that entry on.
 *
 * @param formatVersion      {@link LogFormat#VERSION} when written
 * @param codecVersion       the event codec version the entries are encoded with
 * @param coreVersion        the code version that recorded the log
 * @param digestAlgorithm    {@link LogFormat#DIGEST_ALGORITHM}
 * @param datasetId          the market data's id ({@code sha256:…}, {@code synthetic:…}, {@code inline:…})
 * @param strategyId         the first configuration's strategy id
 * @param strategyVersion    and its version
 * @param checkpointInterval positions between full State digests
 * @param configurations     canonical JSON of every configuration, first the initial one
 * @param fingerprints       the fingerprint recorded for each configuration
 */
public record LogHeader(int formatVersion, int codecVersion, String coreVersion, String digestAlgorithm,
                        String datasetId, String strategyId, String strategyVersion, long checkpointInterval,
                        List<String> configurations, List<String> fingerprints) {

    /** Copies the lists; checks the fields a writer relies on. */
    public LogHeader {
        Objects.requireNonNull(coreVersion, "coreVersion");
        Objects.requireNonNull(digestAlgorithm, "digestAlgorithm");
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(strategyVersion, "strategyVersion");
        configurations = List.copyOf(configurations);
        fingerprints = List.copyOf(fingerprints);
        if (configurations.isEmpty() || configurations.size() != fingerprints.size()) {
            throw new IllegalArgumentException("a log header needs one fingerprint per configuration, and at least one: "
                    + configurations.size() + " configurations, " + fingerprints.size() + " fingerprints");
        }
        if (checkpointInterval < 1) {
            throw new IllegalArgumentException("checkpointInterval must be at least 1: " + checkpointInterval);
        }
    }
}

package io.tradingchassis.replay.log;

/**
 * The kinds of failure a golden log is reported as, each with its own exit code of {@code tc}
 * (documented in README "Golden logs"). Divergence kinds name the first divergent position.
 */
public enum LogFailure {
    /** The log's format version (or its codec version) is one this build does not read. */
    UNKNOWN_FORMAT_VERSION(3, "unknown format version"),
    /** Bytes that are not a log record: bad magic, bad tag, malformed varint, header CRC, undecodable event. */
    CORRUPT(4, "corrupt log"),
    /**
     * A recorded chain value, checkpoint digest, dispatch record or trailer differs from the one the core
     * re-derives, under the core version that recorded the log: the log was altered or the run was not
     * deterministic.
     */
    CHAIN_MISMATCH(5, "chain mismatch"),
    /** The file ends inside a record: reported with the last intact position. */
    TRUNCATED(6, "truncated log"),
    /** Every record is intact but the trailer is missing (the writer never finished). */
    MISSING_TRAILER(7, "missing trailer"),
    /** The header's fingerprint is not that of the configuration it carries. */
    HEADER_FINGERPRINT(8, "header fingerprint mismatch"),
    /** The log was recorded by another core version, and this core behaves differently on it. */
    BEHAVIOUR_CHANGED(9, "behaviour changed"),
    /** A configuration given for the replay whose fingerprint is not the header's (and no override). */
    CONFIG_MISMATCH(10, "configuration mismatch");

    private final int exitCode;
    private final String label;

    LogFailure(int exitCode, String label) {
        this.exitCode = exitCode;
        this.label = label;
    }

    /** The exit code of {@code tc} for this failure. */
    public int exitCode() {
        return exitCode;
    }

    /** A short label for messages. */
    public String label() {
        return label;
    }
}

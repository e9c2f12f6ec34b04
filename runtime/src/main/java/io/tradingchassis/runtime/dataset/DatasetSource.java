package io.tradingchassis.runtime.dataset;

import java.util.Objects;

/**
 * One source file a dataset was made from: its file name (without directories, so a dataset does not
 * depend on where its sources lay) and the SHA-256 of its bytes, as 64 lowercase hex digits.
 *
 * @param name   the file name, e.g. {@code spot-btcusdt_20240808.gz}
 * @param sha256 lowercase hex SHA-256 of the file's bytes (as stored, e.g. gzipped)
 */
public record DatasetSource(String name, String sha256) {

    /** Validates the name (non-empty) and the digest (64 lowercase hex digits). */
    public DatasetSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("source file name is empty");
        }
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("source " + name + ": sha256 must be 64 lowercase hex digits, got \""
                    + sha256 + "\"");
        }
    }
}

package io.tradingchassis.runtime.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Constants of the dataset format and a dataset's identity (SPEC §12): {@code sha256:} and the hex
 * SHA-256 of the file's bytes. A dataset is immutable once written, so its id names it for good; the
 * same sources imported by the same rules give the same bytes and so the same id.
 */
public final class Dataset {

    /** The file layout this build writes and reads (runtime/README.md, "Dataset format"). */
    public static final int FORMAT_VERSION = 1;

    /** The prefix of every dataset id. */
    public static final String ID_PREFIX = "sha256:";

    /** The customary file name extension ("TradingChassis dataset"); nothing requires it. */
    public static final String FILE_EXTENSION = ".tcds";

    private static final int READ_BUFFER_BYTES = 64 * 1024;

    private Dataset() {
    }

    /**
     * {@code sha256:} + lowercase hex SHA-256 of {@code file}'s whole bytes. It does not check that the
     * file is a valid dataset ({@link DatasetReader#verify} does).
     */
    public static String id(Path file) throws IOException {
        return ID_PREFIX + sha256Hex(file);
    }

    /** Lowercase hex SHA-256 of a file's bytes, read in constant memory. */
    public static String sha256Hex(Path file) throws IOException {
        MessageDigest sha = sha256();
        byte[] buf = new byte[READ_BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** A SHA-256 digest (every JDK has one). */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }
}

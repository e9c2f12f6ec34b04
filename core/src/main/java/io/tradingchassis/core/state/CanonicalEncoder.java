package io.tradingchassis.core.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Feeds the canonical State encoding into SHA-256: fixed-width big-endian integers, length-prefixed
 * UTF-8 strings, a tag byte before each section. The same State always produces the same bytes.
 */
public final class CanonicalEncoder {
    private final MessageDigest sha256;
    private final byte[] scratch = new byte[8];

    /** A fresh SHA-256 encoder. */
    public CanonicalEncoder() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    /** A section tag. */
    public CanonicalEncoder tag(int tag) {
        sha256.update((byte) tag);
        return this;
    }

    /** A fixed-width 64-bit big-endian integer. */
    public CanonicalEncoder writeLong(long v) {
        for (int i = 7; i >= 0; i--) {
            scratch[i] = (byte) v;
            v >>>= 8;
        }
        sha256.update(scratch, 0, 8);
        return this;
    }

    /** A boolean as one byte. */
    public CanonicalEncoder writeBoolean(boolean v) {
        sha256.update((byte) (v ? 1 : 0));
        return this;
    }

    /** A nullable string: length (−1 for null) then UTF-8 bytes. */
    public CanonicalEncoder writeString(String s) {
        if (s == null) {
            return writeLong(-1);
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        writeLong(b.length);
        sha256.update(b);
        return this;
    }

    /** {@code sha256:} + lowercase hex of everything written. */
    public String finishHex() {
        byte[] h = sha256.digest();
        return "sha256:" + HexFormat.of().formatHex(h);
    }
}

package io.tradingchassis.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The canonical encoding is fixed-width big-endian, so another implementation can reproduce it. */
class CanonicalEncoderTest {

    private static String sha256(byte[] bytes) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void longsAreEightBytesBigEndian() throws Exception {
        String got = new CanonicalEncoder().writeLong(0x0102030405060708L).writeLong(-1).finishHex();
        byte[] want = {1, 2, 3, 4, 5, 6, 7, 8, -1, -1, -1, -1, -1, -1, -1, -1};
        assertEquals(sha256(want), got);
    }

    @Test
    void tagAndBooleanAreOneByte() throws Exception {
        assertEquals(sha256(new byte[] {'S', 1, 0}),
                new CanonicalEncoder().tag('S').writeBoolean(true).writeBoolean(false).finishHex());
    }

    @Test
    void stringsAreLengthPrefixedUtf8AndNullIsMinusOne() throws Exception {
        byte[] e = "é".getBytes(StandardCharsets.UTF_8);
        byte[] want = {0, 0, 0, 0, 0, 0, 0, 2, e[0], e[1], -1, -1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0};
        assertEquals(sha256(want), new CanonicalEncoder().writeString("é").writeString(null).writeString("")
                .finishHex());
        assertNotEquals(new CanonicalEncoder().writeString(null).finishHex(),
                new CanonicalEncoder().writeString("").finishHex());
    }

    @Test
    void digestFormatIsSha256PrefixAnd64LowercaseHex() {
        String d = new CanonicalEncoder().writeLong(1).finishHex();
        assertTrue(d.matches("sha256:[0-9a-f]{64}"), d);
    }
}

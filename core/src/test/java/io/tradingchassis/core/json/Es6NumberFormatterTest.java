package io.tradingchassis.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Es6NumberFormatterTest {

    /** Input is a Java double literal (parsed with Double.parseDouble), expected is what ES prints. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0, 0",
        "-0.0, 0",
        "1, 1",
        "-1, -1",
        "10, 10",
        "0.1, 0.1",
        "-1.5, -1.5",
        "4.5, 4.5",
        "4.50, 4.5",
        "0.002, 0.002",
        "1e21, 1e+21",
        "-1e21, -1e+21",
        "999999999999999999999, 1e+21",
        "1e20, 100000000000000000000",
        "123456789012345680000, 123456789012345680000",
        "1e-7, 1e-7",
        "1.5e-7, 1.5e-7",
        "0.000001, 0.000001",
        "0.0000015, 0.0000015",
        "123e-20, 1.23e-18",
        "1e30, 1e+30",
        "1e23, 1e+23",
        "2e23, 2e+23",
        "1e-27, 1e-27",
        "333333333.33333329, 333333333.3333333",
        "12345678901234567890, 12345678901234567000",
        "9007199254740991, 9007199254740991",
        "-9007199254740991, -9007199254740991",
        "9007199254740992, 9007199254740992",
        "9007199254740993, 9007199254740992",
        "9007199254740994, 9007199254740994",
        "9007199254740995, 9007199254740996",
        "1152921504606846976, 1152921504606847000",
        "4.9e-324, 5e-324",
        "2.2250738585072014e-308, 2.2250738585072014e-308",
        "1.7976931348623157e308, 1.7976931348623157e+308",
    })
    void formatsLikeEcmaScript(String javaLiteral, String expected) {
        assertEquals(expected, Es6NumberFormatter.format(Double.parseDouble(javaLiteral)));
    }

    @Test
    void extremes() {
        assertEquals("5e-324", Es6NumberFormatter.format(Double.MIN_VALUE));
        assertEquals("-5e-324", Es6NumberFormatter.format(-Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", Es6NumberFormatter.format(Double.MAX_VALUE));
        assertEquals("-1.7976931348623157e+308", Es6NumberFormatter.format(-Double.MAX_VALUE));
        assertEquals("2.2250738585072014e-308", Es6NumberFormatter.format(Double.MIN_NORMAL));
        assertEquals("1e-323", Es6NumberFormatter.format(2 * Double.MIN_VALUE));
    }

    /**
     * Powers of two, where the doubles just below are twice as close as those above: the
     * nearest shortest decimal does not read back, its upper neighbour does. Rounding the
     * exact value HALF_EVEN alone gives 17 digits here (node's String(x) is the oracle).
     */
    @ParameterizedTest(name = "bits {0} -> {1}")
    @CsvSource({
        "3e70000000000000, 5.960464477539063e-8",
        "3d30000000000000, 5.684341886080802e-14",
        "4580000000000000, 6.189700196426902e+26",
        "0060000000000000, 7.120236347223045e-307",
        "7cf0000000000000, 6.386688990511104e+293",
    })
    void asymmetricRoundTripIntervalAtPowersOfTwo(String hexBits, String expected) {
        double d = Double.longBitsToDouble(Long.parseUnsignedLong(hexBits, 16));
        assertEquals(expected, Es6NumberFormatter.format(d));
        assertEquals("-" + expected, Es6NumberFormatter.format(-d));
    }

    @Test
    void appendToAppends() {
        StringBuilder sb = new StringBuilder("x=");
        Es6NumberFormatter.appendTo(sb, 0.25);
        Es6NumberFormatter.appendTo(sb.append(','), -0.0);
        assertEquals("x=0.25,0", sb.toString());
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nonFiniteIsRejected(double d) {
        assertThrows(IllegalArgumentException.class, () -> Es6NumberFormatter.format(d));
        StringBuilder sb = new StringBuilder("kept");
        assertThrows(IllegalArgumentException.class, () -> Es6NumberFormatter.appendTo(sb, d));
        assertEquals("kept", sb.toString());
    }

    /**
     * External oracle: es6-numbers.txt holds String(x) as printed by Node.js (V8) for
     * ~21 000 doubles; see gen-es6-numbers.js beside it. The test only reads the file.
     */
    @Test
    void matchesNodeJsOracle() throws IOException {
        List<String> failures = new ArrayList<>();
        int lines = 0;
        try (InputStream in = Es6NumberFormatterTest.class.getResourceAsStream("/es6-numbers.txt")) {
            assertNotNull(in, "es6-numbers.txt missing from the test classpath (core/src/test/resources)");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines++;
                int space = line.indexOf(' ');
                assertTrue(space == 16, "malformed line " + lines + ": " + line);
                long bits = Long.parseUnsignedLong(line.substring(0, 16), 16);
                String expected = line.substring(17);
                String actual = Es6NumberFormatter.format(Double.longBitsToDouble(bits));
                if (!expected.equals(actual)) {
                    failures.add(String.format("bits %016x: node \"%s\" vs java \"%s\"", bits, expected, actual));
                }
            }
        }
        assertTrue(lines >= 20_000, "expected at least 20000 oracle lines, found " + lines);
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + lines + " differ from Node.js, first ones:\n  "
                    + String.join("\n  ", failures.subList(0, Math.min(30, failures.size()))));
        }
    }

    /** Whatever the digits, they must read back as the same double (seeded; seed printed on failure). */
    @Test
    void randomBitPatternsRoundTrip() {
        long seed = 0x8785_2019L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 50_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                continue;
            }
            String s = Es6NumberFormatter.format(d);
            double back = Double.parseDouble(s);
            if (back != d || s.length() > 25) { // longest: "-0.00000" and 17 digits
                fail(String.format("seed %d, bits %016x: \"%s\" reads back as %s",
                        seed, Double.doubleToRawLongBits(d), s, back));
            }
        }
    }
}

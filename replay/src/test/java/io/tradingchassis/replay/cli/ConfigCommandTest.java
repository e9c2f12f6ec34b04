package io.tradingchassis.replay.cli;

import static io.tradingchassis.replay.cli.TcRunner.tc;
import static io.tradingchassis.replay.cli.TcRunner.tcWithStdin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.replay.cli.TcRunner.Result;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigCommandTest {

    /** example-config.json with keys reordered, other whitespace and other spellings of the same numbers. */
    private static final String EXAMPLE_REORDERED = "{\"strategy\":{\"parameters\":{\"quoteQtyLots\":1e1,"
            + "\"halfSpreadTicks\":3.0,\"instrument\":0},\"id\":\"market-maker\"},\n\n\t\"instruments\":[{\"lotSize\":"
            + "\"0.000010\",\"tickSize\":0.01,\"symbol\":\"BTCUSDT\"},{\"tickSize\":\"1e-2\",\"symbol\":\"ETHUSDT\","
            + "\"lotSize\":\"0.0001\"}],   \"schemaVersion\":1}";

    private static Path example;
    private static CoreConfiguration exampleConfig;

    @TempDir
    Path tmp;

    @BeforeAll
    static void loadExample() throws URISyntaxException {
        example = Path.of(ConfigCommandTest.class.getResource("/example-config.json").toURI());
        exampleConfig = CoreConfiguration.load(example);
    }

    private static void assertOneLine(String err) {
        assertTrue(err.endsWith(System.lineSeparator()), () -> "stderr should end with a newline: " + err);
        assertEquals(1, err.lines().count(), () -> "stderr should be one line: " + err);
        assertFalse(err.contains("Exception"), () -> "stderr should hold no exception or stack trace: " + err);
    }

    @Test
    void validatePrintsOkLineAndExitsZero() {
        Result r = tc("config", "validate", example.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("OK " + example + ": schemaVersion 1, 2 instrument(s), strategy market-maker, fingerprint "
                + exampleConfig.fingerprint() + "\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void validateOfUnknownKeyIsOneLineNamingTheJsonPath() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.json"),
                "{\"risk\": {\"maxOpenOrders\": 5, \"maxOrderQty\": 7}}", StandardCharsets.UTF_8);
        Result r = tc("config", "validate", bad.toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out());
        assertOneLine(r.err());
        assertTrue(r.err().startsWith("tc: " + bad + ": $.risk.maxOrderQty: unknown key"), r::toString);
    }

    @Test
    void validateRefusesNewerSchemaVersion() throws IOException {
        Path newer = Files.writeString(tmp.resolve("newer.json"), "{\"schemaVersion\": 2}");
        Result r = tc("config", "validate", newer.toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertOneLine(r.err());
        assertTrue(r.err().contains("$.schemaVersion"), r::toString);
    }

    @Test
    void canonicalPrintsCanonicalJsonAndOneNewline() {
        Result r = tc("config", "canonical", example.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(exampleConfig.canonicalJson() + "\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void canonicalWithNoNewlineIsTheBytesTheFingerprintHashes() throws Exception {
        Result r = tc("config", "canonical", "--no-newline", example.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(exampleConfig.canonicalJson(), r.out());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(r.outBytes()));
        assertEquals(exampleConfig.fingerprint(), "sha256:" + sha);
    }

    @Test
    void fingerprintPrintsFingerprintAndNewline() {
        Result r = tc("config", "fingerprint", example.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(exampleConfig.fingerprint() + "\n", r.out());
    }

    @Test
    void fingerprintIgnoresKeyOrderWhitespaceAndNumberSpelling() throws IOException {
        Path reordered = Files.writeString(tmp.resolve("reordered.json"), EXAMPLE_REORDERED);
        Result original = tc("config", "fingerprint", example.toString());
        Result other = tc("config", "fingerprint", reordered.toString());
        assertEquals(0, other.exitCode(), other::toString);
        assertEquals(original.out(), other.out());
    }

    @Test
    void fingerprintChangesWithMeaning() throws IOException {
        Path changed = Files.writeString(tmp.resolve("changed.json"),
                EXAMPLE_REORDERED.replace("\"halfSpreadTicks\":3.0", "\"halfSpreadTicks\":4"));
        Result r = tc("config", "fingerprint", changed.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertFalse(r.out().equals(exampleConfig.fingerprint() + "\n"));
    }

    @Test
    void dashReadsStandardInput() throws IOException {
        String text = Files.readString(example, StandardCharsets.UTF_8);
        Result fp = tcWithStdin(text, "config", "fingerprint", "-");
        assertEquals(exampleConfig.fingerprint() + "\n", fp.out(), fp::toString);
        Result ok = tcWithStdin(text, "config", "validate", "-");
        assertEquals(0, ok.exitCode(), ok::toString);
        assertTrue(ok.out().startsWith("OK <stdin>: schemaVersion 1, 2 instrument(s)"), ok::toString);
        Result canonical = tcWithStdin(text, "config", "canonical", "-");
        assertEquals(exampleConfig.canonicalJson() + "\n", canonical.out(), canonical::toString);
    }

    @Test
    void invalidConfigOnStandardInputIsNamedStdin() {
        Result r = tcWithStdin("{\"venue\": {\"feedLeadNs\": -1}}", "config", "validate", "-");
        assertEquals(2, r.exitCode(), r::toString);
        assertOneLine(r.err());
        assertTrue(r.err().startsWith("tc: <stdin>: $.venue.feedLeadNs: "), r::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"validate", "canonical", "fingerprint"})
    void missingFileExitsTwoNamingTheFile(String command) {
        String missing = tmp.resolve("no-such-config.json").toString();
        Result r = tc("config", command, missing);
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out());
        assertOneLine(r.err());
        assertEquals("tc: " + missing + ": no such file" + System.lineSeparator(), r.err());
    }

    @Test
    void malformedJsonExitsTwoWithLineAndColumn() throws IOException {
        Path bad = Files.writeString(tmp.resolve("malformed.json"), "{\n  \"schemaVersion\": 1,\n  \"risk\": }\n");
        Result r = tc("config", "validate", bad.toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertOneLine(r.err());
        assertTrue(r.err().startsWith("tc: " + bad + ": $: malformed JSON at line 3, column "), r::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"validate", "canonical", "fingerprint"})
    void loneSurrogateInASymbolIsAnInputErrorNotAnInternalOne(String command) {
        Result r = tcWithStdin("{\"instruments\":[{\"symbol\":\"\\ud800\",\"tickSize\":\"0.01\",\"lotSize\":1}]}",
                "config", command, "-");
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out());
        assertOneLine(r.err());
        assertTrue(r.err().startsWith("tc: <stdin>: $.instruments[0].symbol: must be valid Unicode (RFC 7493 §2.1): "
                + "lone surrogate \\ud800 at index 0"), r::toString);
    }

    /** A sparse file of {@code size} bytes: nothing is written, so the test costs no disk time. */
    static Path sparseFile(Path file, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
        return file;
    }

    /**
     * {@code {}} followed by spaces, {@code length} bytes in all ({@code Long.MAX_VALUE}: no end). Reading
     * past {@code failAfter} bytes throws, so an unbounded read fails the test instead of filling the heap.
     */
    static InputStream spacedConfiguration(long length, long failAfter) {
        return new InputStream() {
            private long position;

            @Override
            public int read() throws IOException {
                if (position >= length) {
                    return -1;
                }
                if (position >= failAfter) {
                    throw new IOException("read " + position + " bytes: the read is not bounded");
                }
                position++;
                return position == 1 ? '{' : position == 2 ? '}' : ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = 0;
                for (int c; n < len && (c = read()) >= 0; n++) {
                    b[off + n] = (byte) c;
                }
                return n == 0 && len > 0 ? -1 : n;
            }
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"validate", "canonical", "fingerprint"})
    void fileOverTheConfigurationLimitIsRefusedBeforeItIsRead(String command) throws IOException {
        Path big = sparseFile(tmp.resolve("big.json"), 50L * 1024 * 1024);
        Result r = tc("config", command, big.toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out());
        assertEquals("tc: " + big + ": 52428800 bytes, more than the 16 MiB (16777216 bytes) limit for a configuration"
                + System.lineSeparator(), r.err());
    }

    @Test
    void standardInputIsReadOnlyUpToTheConfigurationLimit() {
        int max = CoreConfiguration.MAX_INPUT_BYTES;
        Result r = TcRunner.tcWithInput(spacedConfiguration(Long.MAX_VALUE, max + 1L), false, "config", "validate", "-");
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("tc: <stdin>: more than 16 MiB (16777216 bytes), the limit for a configuration"
                + System.lineSeparator(), r.err());
        // Exactly at the limit it is read whole (and here is a valid configuration).
        Result ok = TcRunner.tcWithInput(spacedConfiguration(max, Long.MAX_VALUE), false, "config", "validate", "-");
        assertEquals(0, ok.exitCode(), ok::toString);
    }

    @Test
    void directoryIsAnInputError() {
        Result r = tc("config", "validate", tmp.toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertOneLine(r.err());
        assertTrue(r.err().contains(tmp.toString()), r::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "validate", "canonical", "fingerprint"})
    void helpSaysWhatItDoesWithExamples(String command) {
        Result r = command.isEmpty() ? tc("config", "--help") : tc("config", command, "--help");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("Examples:"), r::toString);
        assertTrue(r.out().contains("  tc config "), r::toString);
        assertTrue(r.out().startsWith("Usage: tc config"), r::toString);
    }

    @Test
    void configWithoutSubcommandIsAUsageError() {
        Result r = tc("config");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("Missing required subcommand"), r::toString);
    }

    @Test
    void missingFileArgumentIsAUsageError() {
        Result r = tc("config", "validate");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().contains("FILE"), r::toString);
    }
}

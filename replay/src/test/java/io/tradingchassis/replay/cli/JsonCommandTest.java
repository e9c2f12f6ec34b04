package io.tradingchassis.replay.cli;

import static io.tradingchassis.replay.cli.TcRunner.tc;
import static io.tradingchassis.replay.cli.TcRunner.tcWithStdin;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.replay.cli.TcRunner.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonCommandTest {

    @TempDir
    Path tmp;

    private static void assertOneLine(String err) {
        assertEquals(1, err.lines().count(), () -> "stderr should be one line: " + err);
        assertFalse(err.contains("Exception"), () -> "stderr should hold no exception or stack trace: " + err);
    }

    /** {@code <shared>/conformance/rfc8785}: system property tc.shared.dir (set by surefire), else ../../shared. */
    private static Path rfc8785Dir() {
        String configured = System.getProperty("tc.shared.dir");
        Path shared = configured != null ? Paths.get(configured) : Paths.get("..", "..", "shared");
        Path dir = shared.resolve("conformance").resolve("rfc8785").toAbsolutePath().normalize();
        if (!Files.isDirectory(dir.resolve("input"))) {
            throw new IllegalStateException("RFC 8785 vectors not found at " + dir + " (tc.shared.dir="
                    + configured + "); check out the shared directory beside the project");
        }
        return dir;
    }

    @Test
    void canonicalSortsMembersShortensNumbersAndUnescapes() throws IOException {
        Path file = Files.writeString(tmp.resolve("in.json"), "{\"b\":1,\"a\":[1.50,\"\\u20ac\"]}");
        Result r = tc("json", "canonical", file.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("{\"a\":[1.5,\"\u20ac\"],\"b\":1}\n", r.out());
        // The euro sign reaches standard output as UTF-8 whatever the platform charset.
        assertArrayEquals("{\"a\":[1.5,\"€\"],\"b\":1}\n".getBytes(StandardCharsets.UTF_8), r.outBytes());
        assertEquals("", r.err());
    }

    @Test
    void noNewlineOmitsTheNewline() {
        Result r = tcWithStdin(" [ 1e2 , true ] ", "json", "canonical", "--no-newline", "-");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("[100,true]", r.out());
    }

    @Test
    void dashReadsStandardInput() {
        Result r = tcWithStdin("{\"b\":2,\"a\":1}\n", "json", "canonical", "-");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("{\"a\":1,\"b\":2}\n", r.out());
    }

    @Test
    void rfc8785ValuesVectorMatchesByteForByte() throws IOException {
        Path dir = rfc8785Dir();
        byte[] expected = Files.readAllBytes(dir.resolve("output").resolve("values.json"));
        Result r = tc("json", "canonical", "--no-newline", dir.resolve("input").resolve("values.json").toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertArrayEquals(expected, r.outBytes(), () -> "expected " + new String(expected, StandardCharsets.UTF_8)
                + "\nactual   " + r.out());
    }

    @Test
    void missingFileExitsTwoNamingTheFile() {
        String missing = tmp.resolve("absent.json").toString();
        Result r = tc("json", "canonical", missing);
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out());
        assertEquals("tc: " + missing + ": no such file" + System.lineSeparator(), r.err());
    }

    @Test
    void malformedJsonExitsTwoWithLineAndColumn() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.json"), "{\n  \"a\": 1,\n  \"b\": ]\n}\n");
        Result r = tc("json", "canonical", bad.toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out());
        assertOneLine(r.err());
        assertTrue(r.err().startsWith("tc: " + bad + ": "), r::toString);
        assertTrue(r.err().stripTrailing().endsWith(" at 3:8"), r::toString);
    }

    @Test
    void malformedJsonOnStandardInputIsNamedStdin() {
        Result r = tcWithStdin("{\"a\":1,", "json", "canonical", "-");
        assertEquals(2, r.exitCode(), r::toString);
        assertOneLine(r.err());
        assertTrue(r.err().startsWith("tc: <stdin>: "), r::toString);
        assertTrue(r.err().matches("(?s).* at \\d+:\\d+\\R"), r::toString);
    }

    @Test
    void fileOverTheJsonLimitIsRefusedBeforeItIsRead() throws IOException {
        Path big = ConfigCommandTest.sparseFile(tmp.resolve("big.json"), JsonCommand.MAX_INPUT_BYTES + 1L);
        Result r = tc("json", "canonical", big.toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out());
        assertEquals("tc: " + big + ": " + (JsonCommand.MAX_INPUT_BYTES + 1L) + " bytes, more than the 16 MiB "
                + "(16777216 bytes) limit for a JSON text" + System.lineSeparator(), r.err());
    }

    @Test
    void nestingPastTheReaderLimitIsNamed() {
        Result r = tcWithStdin("[".repeat(1001), "json", "canonical", "-");
        assertEquals(2, r.exitCode(), r::toString);
        assertOneLine(r.err());
        assertEquals("tc: <stdin>: limit of this reader: nesting deeper than 1000 levels at 1:1001"
                + System.lineSeparator(), r.err());
    }

    @Test
    void duplicateMemberNameIsAnInputError() {
        Result r = tcWithStdin("{\"a\":1,\"a\":2}", "json", "canonical", "-");
        assertEquals(2, r.exitCode(), r::toString);
        assertOneLine(r.err());
        assertTrue(r.err().contains("duplicate member name"), r::toString);
    }

    @Test
    void invalidUtf8IsAnInputErrorNotReplaced() throws IOException {
        Path bad = Files.write(tmp.resolve("latin1.json"), new byte[] {'[', '"', (byte) 0xE9, '"', ']'});
        Result r = tc("json", "canonical", bad.toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertOneLine(r.err());
        assertTrue(r.err().contains("not valid UTF-8") && r.err().contains("byte offset 2"), r::toString);
    }

    @Test
    void byteOrderMarkIsAnInputError() {
        Result r = tcWithStdin("\uFEFF{}", "json", "canonical", "-");
        assertEquals(2, r.exitCode(), r::toString);
        assertOneLine(r.err());
        assertTrue(r.err().contains("byte order mark"), r::toString);
    }

    @Test
    void helpSaysWhatItDoesWithExamples() {
        for (String[] args : new String[][] {{"json", "--help"}, {"json", "canonical", "--help"}}) {
            Result r = tc(args);
            assertEquals(0, r.exitCode(), r::toString);
            assertTrue(r.out().contains("Examples:"), r::toString);
            assertTrue(r.out().contains("tc json canonical -"), r::toString);
        }
    }
}

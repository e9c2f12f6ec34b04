package io.tradingchassis.core.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The RFC 8785 reference test vectors (cyberphone/json-canonicalization, testdata/) in
 * {@code <shared>/conformance/rfc8785}: every {@code input/NAME.json} must canonicalize to
 * exactly the bytes of {@code output/NAME.json}, which {@code outhex/NAME.txt} spells in hex.
 *
 * <p>{@code <shared>} is the system property {@code tc.shared.dir} (set by surefire), else
 * {@code ../../shared} from the working directory. A missing directory fails the build.
 */
class Rfc8785ConformanceTest {

    private static Path vectorsDir() {
        String configured = System.getProperty("tc.shared.dir");
        Path shared = configured != null ? Paths.get(configured) : Paths.get("..", "..", "shared");
        Path dir = shared.resolve("conformance").resolve("rfc8785").toAbsolutePath().normalize();
        if (!Files.isDirectory(dir.resolve("input"))) {
            throw new IllegalStateException("RFC 8785 vectors not found at " + dir
                    + " (tc.shared.dir=" + configured + ", working dir=" + Paths.get("").toAbsolutePath()
                    + "); check out the shared directory beside the project");
        }
        return dir;
    }

    static List<String> vectorNames() throws IOException {
        try (Stream<Path> files = Files.list(vectorsDir().resolve("input"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    @Test
    void atLeastSixVectors() throws IOException {
        List<String> names = vectorNames();
        assertTrue(names.size() >= 6, "expected at least 6 RFC 8785 vectors, found " + names);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorNames")
    void canonicalFormMatchesReferenceBytes(String name) throws Exception {
        Path dir = vectorsDir();
        String base = name.substring(0, name.length() - ".json".length());
        String input = Files.readString(dir.resolve("input").resolve(name), StandardCharsets.UTF_8);
        byte[] expected = Files.readAllBytes(dir.resolve("output").resolve(name));
        byte[] expectedFromHex = parseHex(Files.readString(dir.resolve("outhex").resolve(base + ".txt")));
        assertArrayEquals(expected, expectedFromHex, "output/" + name + " and outhex/" + base + ".txt disagree");

        byte[] actual = JsonCanonicalizer.canonicalizeToUtf8(input);
        assertArrayEquals(expected, actual, () -> "canonical form of " + name
                + "\n  expected " + new String(expected, StandardCharsets.UTF_8)
                + "\n  actual   " + new String(actual, StandardCharsets.UTF_8));
        assertArrayEquals(expected, JsonCanonicalizer.canonicalize(input).getBytes(StandardCharsets.UTF_8));

        // The tree API agrees once Jackson has read the text (ints and doubles, no BigDecimal).
        JsonNode tree = new ObjectMapper().readTree(input);
        assertArrayEquals(expected, JsonCanonicalizer.canonicalizeToUtf8(tree), "tree API on " + name);
    }

    private static byte[] parseHex(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String pair : text.trim().split("\\s+")) {
            if (pair.length() != 2) {
                throw new IllegalArgumentException("not a hex byte: '" + pair + "'");
            }
            out.write(Integer.parseInt(pair, 16));
        }
        return out.toByteArray();
    }
}

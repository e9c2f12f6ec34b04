package io.tradingchassis.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * RFC 8785 on arbitrary input: mutations of a JSON text either canonicalize — and then the canonical
 * form is a fixed point (canonicalizing it again gives the same bytes) — or fail with a one-line
 * {@link JsonCanonicalizationException}; nothing else escapes.
 */
class JsonCanonicalizerFuzzTest {

    private static final String SEED = "{\"b\":[1,2.50,-0,1e21,1E-7,333333333.33333329,true,null],"
            + "\"a\":{\"\\u20ac\":\"x\\ny\",\"\":{}},\"c\":\"\\ud83d\\ude02\",\"d\":[[],[{}]],\"e\":-1.5e-300}";

    private static final String ALPHABET = "{}[]\",:.-+eE0123456789 \\unlltrufase\u20ac\uD83D\uDE02\n/";

    @Test
    void canonicalFormIsAFixedPointOrTheInputIsRefusedInOneLine() {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        qt().withFixedSeed(8785L).withExamples(20_000)
                .forAll(longs().all(), integers().between(1, 6))
                .checkAssert((seed, edits) -> {
                    String input = mutate(new Random(seed), edits);
                    try {
                        String once = JsonCanonicalizer.canonicalize(input);
                        accepted.incrementAndGet();
                        assertEquals(once, JsonCanonicalizer.canonicalize(once), () -> "not a fixed point: " + input);
                    } catch (JsonCanonicalizationException e) {
                        refused.incrementAndGet();
                        String m = e.getMessage();
                        assertFalse(m.contains("\n") || m.contains("\r"), () -> "message must be one line: " + m);
                    }
                });
        // Both outcomes must be exercised, or the property proves nothing.
        assertTrue(accepted.get() > 100, "accepted inputs: " + accepted.get());
        assertTrue(refused.get() > 100, "refused inputs: " + refused.get());
    }

    /** The tree writer (an explicit stack) and the text writer agree on every input both accept. */
    @Test
    void treeFormAgreesWithTextFormWheneverBothCanonicalize() {
        ObjectMapper mapper = new ObjectMapper();
        AtomicInteger compared = new AtomicInteger();
        qt().withFixedSeed(8785L).withExamples(5_000)
                .forAll(longs().all(), integers().between(1, 6))
                .checkAssert((seed, edits) -> {
                    String input = mutate(new Random(seed), edits);
                    String fromText;
                    JsonNode tree;
                    try {
                        fromText = JsonCanonicalizer.canonicalize(input);
                        tree = mapper.readTree(input);
                    } catch (JsonCanonicalizationException | JsonProcessingException e) {
                        return;
                    }
                    String fromTree;
                    try {
                        fromTree = JsonCanonicalizer.canonicalize(tree);
                    } catch (JsonCanonicalizationException e) {
                        // A tree number that is not exactly a double is refused where text rounds it.
                        assertTrue(e.getMessage().contains("not exactly representable"), e::getMessage);
                        return;
                    }
                    compared.incrementAndGet();
                    assertEquals(fromText, fromTree, () -> "tree and text differ for: " + input);
                });
        assertTrue(compared.get() > 100, "compared inputs: " + compared.get());
    }

    private static String mutate(Random r, int edits) {
        StringBuilder b = new StringBuilder(SEED);
        for (int k = 0; k < edits && b.length() > 0; k++) {
            int at = r.nextInt(b.length());
            switch (r.nextInt(3)) {
                case 0:
                    b.delete(at, Math.min(b.length(), at + 1 + r.nextInt(6)));
                    break;
                case 1:
                    b.insert(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                    break;
                default:
                    b.setCharAt(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                    break;
            }
        }
        return b.toString();
    }
}

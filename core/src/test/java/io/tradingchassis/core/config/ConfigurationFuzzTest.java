package io.tradingchassis.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Bad input is data, never a crash (DEVELOPERS.md, SPEC §10): whatever bytes a configuration file
 * holds, {@link CoreConfiguration#parse} either returns a valid configuration or throws a
 * {@link ConfigurationException} whose message is one line naming the source and a JSON path. Inputs
 * are mutations of a valid file (deleted, inserted, replaced and duplicated spans), which reach far
 * more parser and validator branches than random text.
 */
class ConfigurationFuzzTest {

    private static final String VALID = "{\"schemaVersion\":1,\"instruments\":[{\"symbol\":\"BTCUSDT\","
            + "\"tickSize\":\"0.01\",\"lotSize\":\"0.00001\"},{\"symbol\":\"ETHUSDT\",\"tickSize\":0.01,"
            + "\"lotSize\":\"1e-4\"}],\"risk\":{\"maxOrderQtyLots\":100,\"maxPositionLots\":1000,"
            + "\"maxOpenOrders\":10,\"priceBandTicks\":500},\"rateLimit\":{\"capacity\":5,\"refillPerSecond\":2},"
            + "\"mergeOrder\":[\"CONTROL_TIME\",\"EXECUTION\",\"MARKET\"],\"commandPriority\":[\"CANCEL\","
            + "\"REPLACE\",\"NEW\"],\"decisionTrigger\":{\"eventTypes\":[\"TRADE\",\"BBO\"],\"everyNth\":3},"
            + "\"strategy\":{\"id\":\"market-maker\",\"parameters\":{\"instrument\":1,\"halfSpreadTicks\":4}},"
            + "\"checkpointInterval\":500,\"venue\":{\"entryLatencyNs\":1000,\"responseLatencyNs\":2000,"
            + "\"feedLeadNs\":0}}";

    private static final String ALPHABET = "{}[]\",:.-+eE0123456789 \\u00nulltruefalse\u20ac\n";

    @Test
    void theSeedFileIsValid() {
        CoreConfiguration c = CoreConfiguration.parse(VALID, "fuzz");
        assertEquals("market-maker", c.strategy().id());
    }

    @Test
    void aKeyWithALineBreakIsEscapedInTheOneLineMessage() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> CoreConfiguration.parse("{\"ri\\nsk\":{}}", "k.json"));
        assertTrue(e.getMessage().startsWith("k.json: $.ri\\nsk: unknown key \"ri\\nsk\""), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void everyMutationParsesOrFailsWithAOneLineConfigurationException() {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        qt().withFixedSeed(8785L).withExamples(20_000)
                .forAll(longs().all(), integers().between(1, 6))
                .checkAssert((seed, edits) -> {
                    String input = mutate(VALID, new Random(seed), edits);
                    try {
                        CoreConfiguration c = CoreConfiguration.parse(input, "fuzz.json");
                        accepted.incrementAndGet();
                        // Accepted: it must round-trip through its own canonical form to the same fingerprint.
                        assertEquals(c.fingerprint(), CoreConfiguration.parse(c.canonicalJson(), "rt").fingerprint(),
                                () -> "canonical form of an accepted input re-parses differently: " + input);
                    } catch (ConfigurationException e) {
                        refused.incrementAndGet();
                        String m = e.getMessage();
                        assertTrue(m.startsWith("fuzz.json: $"), () -> "message must name source and path: " + m);
                        assertFalse(m.contains("\n") || m.contains("\r"), () -> "message must be one line: " + m);
                        assertTrue(e.path().startsWith("$"), () -> "path: " + e.path());
                    }
                    // Any other exception type escapes and fails the property.
                });
        // Both outcomes must be exercised, or the property proves nothing.
        assertTrue(accepted.get() > 100, "accepted inputs: " + accepted.get());
        assertTrue(refused.get() > 100, "refused inputs: " + refused.get());
    }

    private static String mutate(String s, Random r, int edits) {
        StringBuilder b = new StringBuilder(s);
        for (int k = 0; k < edits; k++) {
            int at = b.length() == 0 ? 0 : r.nextInt(b.length());
            int len = 1 + r.nextInt(Math.min(12, Math.max(1, b.length() - at)));
            switch (r.nextInt(4)) {
                case 0:
                    b.delete(at, Math.min(b.length(), at + len));
                    break;
                case 1:
                    b.insert(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                    break;
                case 2:
                    b.setCharAt(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                    break;
                default:
                    String span = b.substring(at, Math.min(b.length(), at + len));
                    b.insert(r.nextInt(b.length() + 1), span);
                    break;
            }
            if (b.length() == 0) {
                break;
            }
        }
        return b.toString();
    }
}

package io.tradingchassis.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.TimeInForce;
import io.tradingchassis.core.strategy.ScriptItem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code scripted} strategy's script: inline Intents, on the instrument's grid, in the fingerprint. */
class ScriptConfigTest {

    static final String NEW1 = "{\"atNs\":1723161280000500000,\"intent\":\"NEW\",\"key\":1,\"instrument\":0,"
            + "\"side\":\"BUY\",\"price\":\"61827.9\",\"qty\":\"0.005\",\"tif\":\"GTC\"}";
    static final String CANCEL1 = "{\"atNs\":1723161283000000000,\"intent\":\"CANCEL\",\"key\":1,\"side\":\"BUY\"}";

    static CoreConfiguration parse(String script) {
        return CoreConfiguration.parse("{\"instruments\":[{\"symbol\":\"BTCUSDT\",\"tickSize\":\"0.1\","
                + "\"lotSize\":\"0.001\"}],\"strategy\":{\"id\":\"scripted\",\"script\":[" + script + "]}}", "s.json");
    }

    static String message(String script) {
        return assertThrows(ConfigurationException.class, () -> parse(script)).getMessage();
    }

    @Test
    void itemsAreConvertedToTicksAndLotsAndPartOfTheFingerprint() {
        CoreConfiguration c = parse(NEW1 + "," + CANCEL1);
        List<ScriptItem> s = c.strategy().parameters().script();
        assertEquals(new ScriptItem(1723161280000500000L, CommandType.NEW, 1, 0, Side.BUY, 618279, 5, TimeInForce.GTC),
                s.get(0));
        assertEquals(new ScriptItem(1723161283000000000L, CommandType.CANCEL, 1, 0, Side.BUY, 0, 0, TimeInForce.GTC),
                s.get(1));
        assertTrue(c.canonicalJson().contains("\"price\":\"61827.9\""), c.canonicalJson());
        assertTrue(c.canonicalJson().contains("\"atNs\":\"1723161280000500000\""), "exact, not through a double");
        CoreConfiguration again = CoreConfiguration.parse(c.canonicalJson(), "canonical");
        assertEquals(c.fingerprint(), again.fingerprint(), "the canonical form parses to itself");
        assertNotEquals(c.fingerprint(), parse(NEW1.replace("61827.9", "61828")).fingerprint(), "a price");
        assertNotEquals(c.fingerprint(), parse(NEW1).fingerprint(), "an item");
        assertEquals(c.fingerprint(), parse(NEW1.replace("\"61827.9\"", "\"61827.90\"") + "," + CANCEL1).fingerprint(),
                "spelling does not matter");
    }

    @Test
    void badItemsNameTheItemAndTheRule() {
        assertTrue(message(NEW1.replace("61827.9", "61827.95")).contains("$.strategy.script[0].price")
                && message(NEW1.replace("61827.9", "61827.95")).contains("tick size 0.1"));
        assertTrue(message(NEW1.replace("0.005", "0.0055")).contains("$.strategy.script[0].qty"));
        assertTrue(message(CANCEL1 + "," + NEW1).contains("$.strategy.script[1].atNs"), "time order");
        assertTrue(message(CANCEL1.replace("}", ",\"tif\":\"IOC\"}")).contains("only a NEW"));
        assertTrue(message(NEW1.replace("\"BUY\"", "\"LONG\"")).contains("$.strategy.script[0].side"));
        assertTrue(message(NEW1.replace("\"instrument\":0", "\"instrument\":1")).contains("script[0].instrument"));
        assertTrue(message(NEW1.replace("\"key\":1,", "")).contains("script[0].key: required"));
        String e = assertThrows(ConfigurationException.class, () -> CoreConfiguration.parse(
                "{\"instruments\":[{\"symbol\":\"X\",\"tickSize\":\"1\",\"lotSize\":\"1\"}],"
                        + "\"strategy\":{\"id\":\"market-maker\",\"script\":[]}}", "m.json")).getMessage();
        assertTrue(e.contains("$.strategy.script") && e.contains("takes no script"), e);
    }
}

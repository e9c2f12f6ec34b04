package io.tradingchassis.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC §12: the venue model and the synthetic market are configuration, validated and fingerprinted. */
class VenueAndSyntheticConfigTest {

    static CoreConfiguration parse(String members) {
        return CoreConfiguration.parse("{\"instruments\":[{\"symbol\":\"X\",\"tickSize\":\"0.1\",\"lotSize\":\"1\"}]"
                + (members.isEmpty() ? "" : "," + members) + "}", "test.json");
    }

    @Test
    void defaultsAreLocalTimelineNoOffsetRestingRemainderAndSeedOne() {
        CoreConfiguration c = parse("");
        assertEquals(VenueModel.Timeline.LOCAL, c.venue().timeline());
        assertEquals(0, c.venue().clockOffsetNs());
        assertEquals(VenueModel.GtcRemainder.REST, c.venue().gtcRemainder());
        assertEquals(SyntheticMarketModel.DEFAULT, c.syntheticMarket());
    }

    @Test
    void everyFieldIsReadAndChangesTheFingerprint() {
        String base = parse("").fingerprint();
        List<String> variants = List.of(
                "\"venue\":{\"timeline\":\"EXCHANGE\"}",
                "\"venue\":{\"clockOffsetNs\":1272156851}",
                "\"venue\":{\"clockOffsetNs\":-5}",
                "\"venue\":{\"gtcRemainder\":\"FILL_AT_LIMIT\"}",
                "\"syntheticMarket\":{\"seed\":2}",
                "\"syntheticMarket\":{\"events\":10}",
                "\"syntheticMarket\":{\"midTicks\":1000}");
        for (String v : variants) {
            assertNotEquals(base, parse(v).fingerprint(), v);
        }
        CoreConfiguration c = parse("\"venue\":{\"timeline\":\"EXCHANGE\",\"clockOffsetNs\":1272156851,"
                + "\"gtcRemainder\":\"FILL_AT_LIMIT\"}");
        assertEquals(VenueModel.Timeline.EXCHANGE, c.venue().timeline());
        assertEquals(1272156851L, c.venue().clockOffsetNs());
        assertEquals(VenueModel.GtcRemainder.FILL_AT_LIMIT, c.venue().gtcRemainder());
        assertEquals(base, parse("\"venue\":{\"timeline\":\"LOCAL\",\"gtcRemainder\":\"REST\"},"
                + "\"syntheticMarket\":{\"seed\":1}").fingerprint(), "defaults written out change nothing");
    }

    @Test
    void badValuesNameThePathAndTheRule() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> parse("\"venue\":{\"timeline\":\"WALL\"}"));
        assertTrue(e.getMessage().contains("$.venue.timeline") && e.getMessage().contains("EXCHANGE"), e.getMessage());
        e = assertThrows(ConfigurationException.class, () -> parse("\"venue\":{\"gtcRemainder\":1}"));
        assertTrue(e.getMessage().contains("$.venue.gtcRemainder"), e.getMessage());
        e = assertThrows(ConfigurationException.class, () -> parse("\"syntheticMarket\":{\"events\":0}"));
        assertTrue(e.getMessage().contains("$.syntheticMarket.events"), e.getMessage());
        e = assertThrows(ConfigurationException.class, () -> parse("\"syntheticMarket\":{\"instrument\":3}"));
        assertTrue(e.getMessage().contains("$.syntheticMarket.instrument"), e.getMessage());
        e = assertThrows(ConfigurationException.class, () -> parse("\"syntheticMarket\":{\"speed\":3}"));
        assertTrue(e.getMessage().contains("unknown key"), e.getMessage());
    }
}

package io.tradingchassis.runtime.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.config.VenueModel;
import org.junit.jupiter.api.Test;

/** VenueSettings: taken from the configuration's venue block, defaults for the rest, checked at construction. */
class VenueSettingsTest {

    @Test
    void latenciesAndLeadComeFromTheConfigurationTheRestFromTheDefaults() {
        CoreConfiguration cfg = CoreConfiguration.parse("{\"venue\":{\"entryLatencyNs\":5,\"responseLatencyNs\":7,"
                + "\"feedLeadNs\":3}}", "test");
        assertEquals(new VenueSettings(5, 7, 3, VenueSettings.Timeline.LOCAL, 0, VenueSettings.GtcRemainder.REST),
                VenueSettings.of(cfg));
        assertEquals(VenueSettings.DEFAULT, VenueSettings.of(VenueModel.DEFAULT));
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        VenueSettings d = VenueSettings.DEFAULT;
        assertEquals(0, d.entryLatencyNs());
        assertEquals(0, d.responseLatencyNs());
        assertEquals(0, d.feedLeadNs());
        assertEquals(VenueSettings.Timeline.LOCAL, d.timeline());
        assertEquals(0, d.clockOffsetNs());
        assertEquals(VenueSettings.GtcRemainder.REST, d.gtcRemainder());
    }

    @Test
    void withersChangeOneThing() {
        VenueSettings s = VenueSettings.DEFAULT.withLatencies(1, 2).withFeedLeadNs(3)
                .withTimeline(VenueSettings.Timeline.EXCHANGE, -4).withGtcRemainder(VenueSettings.GtcRemainder.FILL_AT_LIMIT);
        assertEquals(new VenueSettings(1, 2, 3, VenueSettings.Timeline.EXCHANGE, -4,
                VenueSettings.GtcRemainder.FILL_AT_LIMIT), s);
    }

    @Test
    void aNegativeLatencyOrLeadFailsAtConstructionNamingTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VenueSettings.DEFAULT.withLatencies(0, -1));
        assertTrue(e.getMessage().contains("responseLatencyNs=-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> VenueSettings.DEFAULT.withLatencies(-2, 0));
        assertTrue(e.getMessage().contains("entryLatencyNs=-2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> VenueSettings.DEFAULT.withFeedLeadNs(-3));
        assertTrue(e.getMessage().contains("feedLeadNs=-3"), e.getMessage());
        assertThrows(NullPointerException.class, () -> VenueSettings.DEFAULT.withTimeline(null, 0));
        assertThrows(NullPointerException.class, () -> VenueSettings.DEFAULT.withGtcRemainder(null));
    }
}

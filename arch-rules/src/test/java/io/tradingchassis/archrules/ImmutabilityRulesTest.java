package io.tradingchassis.archrules;

import static io.tradingchassis.archrules.ProductImport.FIXTURES_ROOT;
import static io.tradingchassis.archrules.ProductImport.assertBites;
import static io.tradingchassis.archrules.ProductImport.fixture;

import org.junit.jupiter.api.Test;

/** Each {@link ImmutabilityRules} rule reports the mutable fixtures and passes the immutable ones. */
class ImmutabilityRulesTest {

    @Test
    void event_types_are_immutable_bites() {
        assertBites(ImmutabilityRules.eventTypesAreImmutable(FIXTURES_ROOT),
                new String[] {
                    fixture("core.event.MutableFill.fillQtyLots") + "> is not final",
                    fixture("core.event.LevelsEvent.priceTicks") + "> has type long[], which is an array",
                    fixture("core.event.OpenEntry.event") + "> has type " + fixture("core.event.Event")
                            + ", which is an interface that is not sealed",
                },
                fixture("core.event.GoodTrade"), fixture("core.event.Level."),
                fixture("core.event.MutableFill.localTsNs"));
    }

    @Test
    void configuration_is_immutable_bites() {
        assertBites(ImmutabilityRules.configurationIsImmutable(FIXTURES_ROOT),
                new String[] {
                    fixture("core.config.MutableLimits.maxQtyLots") + "> is not final",
                    fixture("core.config.MutableLimits.bands") + "> has type java.util.ArrayList",
                },
                fixture("core.config.CoreConfiguration"), fixture("core.config.ConfigurationParser"));
    }
}

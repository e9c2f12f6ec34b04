package io.tradingchassis.archrules;

import static io.tradingchassis.archrules.ProductImport.FIXTURES_ROOT;
import static io.tradingchassis.archrules.ProductImport.assertBites;
import static io.tradingchassis.archrules.ProductImport.fixture;

import org.junit.jupiter.api.Test;

/** Each {@link CoreLayerRules} rule reports its fixture, and not the fixtures that keep to the rule. */
class CoreLayerRulesTest {

    @Test
    void strategy_uses_only_the_state_projection_and_intents_bites() {
        assertBites(CoreLayerRules.strategyUsesOnlyTheStateProjectionAndIntents(FIXTURES_ROOT),
                new String[] {fixture("core.strategy.GreedyStrategy")},
                fixture("core.strategy.PoliteStrategy"));
    }

    @Test
    void risk_does_not_touch_the_queue_bites() {
        assertBites(CoreLayerRules.riskDoesNotTouchTheQueue(FIXTURES_ROOT), fixture("core.risk.NosyRiskPolicy"));
    }

    @Test
    void queue_does_not_call_risk_bites() {
        assertBites(CoreLayerRules.queueDoesNotCallRisk(FIXTURES_ROOT),
                fixture("core.queue.RiskCallingQueueProcessor"));
    }

    @Test
    void venue_is_reached_only_through_the_runtime_bites() {
        assertBites(CoreLayerRules.venueIsReachedOnlyThroughTheRuntime(FIXTURES_ROOT),
                fixture("replay.ReplayDialsVenue"));
    }

    @Test
    void only_venue_adapters_open_network_connections_bites() {
        assertBites(CoreLayerRules.onlyVenueAdaptersOpenNetworkConnections(FIXTURES_ROOT),
                new String[] {fixture("runtime.RuntimeOpensSocket")},
                fixture("runtime.venue.FixtureVenue"));
    }
}

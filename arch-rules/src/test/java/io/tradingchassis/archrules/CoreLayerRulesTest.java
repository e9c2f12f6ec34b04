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
    void core_layers_are_declared_once_bites() {
        assertBites(CoreLayerRules.coreLayersAreDeclaredOnce(FIXTURES_ROOT),
                new String[] {fixture("core.risk.NosyRiskPolicy"), fixture("core.queue.RiskCallingQueueProcessor")},
                fixture("core.strategy.PoliteStrategy"));
    }

    @Test
    void only_step_queue_and_state_call_state_mutators_bites() {
        assertBites(CoreLayerRules.onlyStepQueueAndStateCallStateMutators(FIXTURES_ROOT),
                new String[] {fixture("core.strategy.LedgerTamperingStrategy"), fixture("runtime.RuntimeCreditsLedger")},
                fixture("core.step.LedgerStep"));
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

package io.tradingchassis.archrules;

import static io.tradingchassis.archrules.ProductImport.FIXTURES_ROOT;
import static io.tradingchassis.archrules.ProductImport.assertBites;
import static io.tradingchassis.archrules.ProductImport.fixture;

import org.junit.jupiter.api.Test;

/** Each {@link CodingRules} rule reports its fixture. */
class CodingRulesTest {

    @Test
    void no_standard_streams_in_core_or_runtime_bites() {
        assertBites(CodingRules.noStandardStreamsInCoreOrRuntime(FIXTURES_ROOT),
                new String[] {fixture("core.Chatty"), "java.lang.System.out"});
    }

    @Test
    void no_generic_exceptions_in_core_or_runtime_bites() {
        assertBites(CodingRules.noGenericExceptionsInCoreOrRuntime(FIXTURES_ROOT),
                new String[] {fixture("core.Thrower"), "java.lang.RuntimeException"},
                fixture("core.FixtureViolation"), fixture("runtime.venue.FixtureVenue"));
    }
}

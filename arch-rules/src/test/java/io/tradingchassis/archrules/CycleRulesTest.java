package io.tradingchassis.archrules;

import static io.tradingchassis.archrules.ProductImport.FIXTURES_ROOT;
import static io.tradingchassis.archrules.ProductImport.assertBites;
import static io.tradingchassis.archrules.ProductImport.fixture;

import org.junit.jupiter.api.Test;

/** {@link CycleRules} reports the two-package fixture cycle. */
class CycleRulesTest {

    @Test
    void no_package_cycles_bites() {
        assertBites(CycleRules.noPackageCycles(FIXTURES_ROOT + ".cycles"),
                new String[] {fixture("cycles.a.Alpha"), fixture("cycles.b.Beta")});
    }
}

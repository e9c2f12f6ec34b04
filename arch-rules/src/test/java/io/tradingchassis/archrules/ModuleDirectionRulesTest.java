package io.tradingchassis.archrules;

import static io.tradingchassis.archrules.ProductImport.FIXTURES_ROOT;
import static io.tradingchassis.archrules.ProductImport.assertBites;
import static io.tradingchassis.archrules.ProductImport.fixture;

import org.junit.jupiter.api.Test;

/** Each {@link ModuleDirectionRules} rule reports its fixture. */
class ModuleDirectionRulesTest {

    @Test
    void core_depends_on_no_other_module_bites() {
        assertBites(ModuleDirectionRules.coreDependsOnNoOtherModule(FIXTURES_ROOT), fixture("core.CoreCallsRuntime"));
    }

    @Test
    void runtime_does_not_depend_on_replay_bites() {
        assertBites(ModuleDirectionRules.runtimeDoesNotDependOnReplay(FIXTURES_ROOT),
                fixture("runtime.RuntimeCallsReplay"));
    }

    @Test
    void product_does_not_depend_on_checkers_bites() {
        assertBites(ModuleDirectionRules.productDoesNotDependOnCheckers(FIXTURES_ROOT),
                fixture("replay.ReplayUsesBench"));
    }

    @Test
    void product_does_not_depend_on_sweep_bites() {
        assertBites(ModuleDirectionRules.productDoesNotDependOnSweep(FIXTURES_ROOT),
                fixture("runtime.RuntimeCallsSweep"));
    }

    @Test
    void only_the_sweep_module_uses_spark_bites() {
        assertBites(ModuleDirectionRules.onlyTheSweepModuleUsesSpark(FIXTURES_ROOT),
                new String[] {fixture("replay.ReplayUsesSpark")}, fixture("sweep.SweepDriver"));
    }
}

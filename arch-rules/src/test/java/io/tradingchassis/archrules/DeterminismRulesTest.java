package io.tradingchassis.archrules;

import static io.tradingchassis.archrules.ProductImport.FIXTURES_ROOT;
import static io.tradingchassis.archrules.ProductImport.assertBites;
import static io.tradingchassis.archrules.ProductImport.fixture;

import org.junit.jupiter.api.Test;

/** Each {@link DeterminismRules} rule reports every way its fixture breaks it, and nothing innocent. */
class DeterminismRulesTest {

    @Test
    void no_wall_clock_in_core_bites() {
        assertBites(DeterminismRules.noWallClockInCore(FIXTURES_ROOT), new String[] {
            fixture("core.ClockReader"), "System.currentTimeMillis()", "java.time.Instant.now()",
            "java.time.Clock",
        });
    }

    @Test
    void no_randomness_in_core_bites() {
        assertBites(DeterminismRules.noRandomnessInCore(FIXTURES_ROOT), new String[] {
            fixture("core.DiceRoller"), "java.util.Random", "Math.random()", "UUID.randomUUID()",
        });
    }

    @Test
    void no_threads_or_executors_in_core_bites() {
        assertBites(DeterminismRules.noThreadsOrExecutorsInCore(FIXTURES_ROOT), new String[] {
            fixture("core.WorkerSpawner"), "java.lang.Thread", "java.util.concurrent.Executors",
        });
    }

    @Test
    void no_environment_reads_in_core_bites() {
        assertBites(DeterminismRules.noEnvironmentReadsInCore(FIXTURES_ROOT), new String[] {
            fixture("core.EnvironmentReader"), "System.getenv(", "System.getProperty(", "Long.getLong(",
        });
    }

    @Test
    void no_file_or_network_io_in_core_except_configuration_loading_bites() {
        assertBites(DeterminismRules.noFileOrNetworkIoInCoreExceptConfigurationLoading(FIXTURES_ROOT),
                new String[] {
                    fixture("core.config.CoreConfiguration.save(java.nio.file.Path)"),
                    "java.nio.file.Files.writeString(",
                    fixture("core.ResourceReader"), "getResourceAsStream(",
                },
                fixture("core.config.CoreConfiguration.load("));
    }

    @Test
    void no_hash_ordered_containers_in_state_or_processing_bites() {
        assertBites(DeterminismRules.noHashOrderedContainersInStateOrProcessing(FIXTURES_ROOT),
                new String[] {fixture("core.state.HashyState"), "java.util.HashMap", fixture("core.step.SaltedStep"),
                    "java.util.Set.of("},
                fixture("core.config.ConfigurationParser"));
    }
}

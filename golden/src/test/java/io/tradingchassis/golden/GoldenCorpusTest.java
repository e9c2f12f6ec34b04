package io.tradingchassis.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tradingchassis.replay.golden.Scenario;
import io.tradingchassis.replay.log.LogFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The golden corpus in {@code mvn verify} (SPEC §13): every committed golden log replays, and every
 * scenario re-recorded by this build equals its golden entry by entry. A change to core, runtime or venue
 * behaviour that alters any golden fails here, naming the golden and the first divergent position, until
 * someone blesses it ({@code ./tc bless NAME --dir golden}).
 */
class GoldenCorpusTest {

    @TestFactory
    Stream<DynamicTest> everyGoldenLogReplays() throws IOException {
        List<Path> logs = Corpus.logFiles();
        assertFalse(logs.isEmpty(), "no golden logs in " + Corpus.LOGS);
        return logs.stream().map(log -> DynamicTest.dynamicTest("replay " + log.getFileName(), () -> {
            String failure = Corpus.replayFailure(log);
            assertNull(failure, failure);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioReRecordsToItsGolden() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : Corpus.scenarioNames()) {
            tests.add(DynamicTest.dynamicTest("re-record " + name, () -> {
                Path needed = Corpus.recordingNeeded(name);
                assumeTrue(needed == null || Files.isRegularFile(needed),
                        () -> name + ": the shared recording " + needed + " is not here (tc.shared.dir)");
                String failure = Corpus.reRecordFailure(name, Corpus.scenario(name), Corpus.log(name));
                assertNull(failure, failure);
            }));
        }
        return tests.stream();
    }

    @Test
    void everyScenarioHasAGoldenAndEveryGoldenAScenario() throws IOException {
        TreeSet<String> scenarios = new TreeSet<>(Corpus.scenarioNames());
        TreeSet<String> logs = new TreeSet<>();
        for (Path p : Corpus.logFiles()) {
            assertTrue(logs.add(Corpus.name(p)), Corpus.name(p) + " is committed in both forms (YAML and binary)");
        }
        assertEquals(scenarios, logs, "scenarios/NAME.json and logs/NAME.tcgl.yaml (or .tcgl) come in pairs");
    }

    @Test
    void theCorpusHasAtLeastTwelveRulesEachDescribed() throws IOException {
        List<String> names = Corpus.scenarioNames();
        assertTrue(names.size() >= 13, names.toString()); // twelve rules plus the real-data golden
        for (String n : names) {
            Scenario s = Corpus.scenario(n);
            assertTrue(s.description().length() > 40, n + ": a scenario says what rule it exercises");
        }
    }

    @Test
    void theRealDataGoldenIsCommittedInBinaryFormUnderTwoMegabytes() throws IOException {
        Path bin = Corpus.LOGS.resolve("spot-btcusdt_20240808" + LogFormat.EXTENSION);
        assertTrue(Files.isRegularFile(bin), bin.toString());
        assertTrue(Files.size(bin) < 2_000_000, "size " + Files.size(bin));
        assertEquals(bin, Corpus.log("spot-btcusdt_20240808"), "no YAML form beside it");
    }
}

package io.tradingchassis.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.replay.golden.Scenario;
import io.tradingchassis.replay.log.LogException;
import io.tradingchassis.replay.log.LogFailure;
import io.tradingchassis.replay.log.LogYaml;
import io.tradingchassis.replay.verify.Replayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus catches a change: an altered entry in a copy of a golden fails its replay at that position
 * with the expected failure kind, and a scenario that now records something else fails the re-recording
 * check at the first divergent position, naming the golden — the two checks {@link GoldenCorpusTest} runs.
 */
class CorpusCatchesChangesTest {
    @TempDir
    Path tmp;

    /** A copy of a committed YAML golden with one document (the one starting {@code position: N}) edited. */
    Path alteredCopy(String name, long position, String from, String to) throws IOException {
        String yaml = Files.readString(Corpus.log(name));
        String marker = "\nposition: " + position + "\n";
        int start = yaml.indexOf(marker);
        int end = yaml.indexOf("\n---\n", start);
        assertTrue(start > 0 && end > start, "position " + position + " in " + name);
        String doc = yaml.substring(start, end);
        assertTrue(doc.contains(from), doc);
        Path copy = tmp.resolve(name + LogYaml.EXTENSION);
        Files.writeString(copy, yaml.substring(0, start) + doc.replace(from, to) + yaml.substring(end));
        return copy;
    }

    @Test
    void aChangedFillQuantityFailsReplayAtItsPositionAsAChainMismatch() throws IOException {
        Path copy = alteredCopy("ioc-expiry", 6, "fillQtyLots: 3,\n  fillPriceTicks: 1001,\n  leavesLots: 2",
                "fillQtyLots: 2,\n  fillPriceTicks: 1001,\n  leavesLots: 3");
        Path bin = Corpus.binary(copy, tmp);
        LogException e = assertThrows(LogException.class, () -> new Replayer(StrategyCatalog.standard()).replay(bin));
        assertEquals(LogFailure.CHAIN_MISMATCH, e.failure(), e.getMessage());
        assertEquals(6, e.position(), e.getMessage());
        String failure = Corpus.replayFailure(copy);
        assertNotNull(failure);
        assertTrue(failure.startsWith("golden ioc-expiry fails to replay (chain mismatch, exit 5) at position 6"),
                failure);
        assertNull(Corpus.replayFailure(Corpus.log("ioc-expiry")), "the committed golden itself replays");
    }

    @Test
    void aGoldenFromAnotherCoreThatBehavedDifferentlyIsBehaviourChangedAtThatPosition() throws IOException {
        // Recorded "by another core" whose venue filled order 1 at 99.8 (position 9): this core re-derives
        // another chain there, and since another core recorded the log it is a behaviour change.
        Path copy = alteredCopy("venue-reject", 9, "fillPriceTicks: 999,", "fillPriceTicks: 998,");
        Files.writeString(copy, Files.readString(copy).replace("coreVersion: \"", "coreVersion: \"0.0.1-older+"));
        LogException e = assertThrows(LogException.class,
                () -> new Replayer(StrategyCatalog.standard()).replay(Corpus.binary(copy, tmp)));
        assertEquals(LogFailure.BEHAVIOUR_CHANGED, e.failure(), e.getMessage());
        assertEquals(9, e.position(), e.getMessage());
        assertEquals(9, LogFailure.BEHAVIOUR_CHANGED.exitCode());
    }

    @Test
    void aScenarioThatNowRecordsSomethingElseFailsAtTheFirstDivergentPositionWithTheStatePaths() throws IOException {
        // The same scenario with the venue failing every submit: the first dispatch record (position 4)
        // becomes a DispatchFailed, and order 1 never exists.
        String json = Files.readString(Corpus.SCENARIOS.resolve("ioc-expiry.json"));
        String changed = json.replace("\"market\":", "\"venue\": {\"failEveryNthSubmit\": 1},\n  \"market\":");
        Path file = tmp.resolve("ioc-expiry.json");
        Files.writeString(file, changed);
        Scenario s = Scenario.load(file, StrategyCatalog.standard());
        String failure = Corpus.reRecordFailure("ioc-expiry", s, Corpus.log("ioc-expiry"));
        assertNotNull(failure);
        assertTrue(failure.startsWith("golden ioc-expiry: its scenario now records something else, first at position 4"),
                failure);
        assertTrue(failure.contains("DispatchFailed"), failure);
        assertTrue(failure.contains("execution.orders[1].status: SUBMITTED ≠ (absent)"), failure);
        assertTrue(failure.contains("./tc bless ioc-expiry"), failure);
        assertNull(Corpus.reRecordFailure("ioc-expiry", Corpus.scenario("ioc-expiry"), Corpus.log("ioc-expiry")));
    }
}

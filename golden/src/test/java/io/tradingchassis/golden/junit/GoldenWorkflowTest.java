package io.tradingchassis.golden.junit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.BookSnapshot;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.PriceLevel;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.Trade;
import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.replay.log.LogYaml;
import io.tradingchassis.replay.verify.Replayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The approval workflow of {@link Golden} (what {@code @GoldenTest} runs): the first run writes the approved
 * golden; a later run that records the same passes; one that records something else fails with the first
 * divergent position and writes {@code NAME.received.tcgl.yaml}; blessing (by property or by moving the
 * received file) replaces the approved golden.
 */
class GoldenWorkflowTest {
    static final long S = 1_000_000_000L;

    @TempDir
    Path dir;
    @TempDir
    Path scratch;

    static CoreConfiguration config(String price) {
        return CoreConfiguration.parse("{\"instruments\": [{\"symbol\": \"BTCUSDT\", \"tickSize\": \"0.1\", "
                + "\"lotSize\": \"0.001\"}], \"strategy\": {\"id\": \"scripted\", \"script\": [{\"atNs\": " + 2 * S
                + ", \"intent\": \"NEW\", \"key\": 1, \"side\": \"BUY\", \"price\": \"" + price + "\", \"qty\": \"0.005\", "
                + "\"tif\": \"IOC\"}]}}", "workflow.json");
    }

    static List<Event> market() {
        return List.of(new BookSnapshot(S, S, 0, List.of(new PriceLevel(999, 5)),
                        List.of(new PriceLevel(1001, 3), new PriceLevel(1002, 4))),
                new Trade(3 * S, 3 * S, 0, Side.SELL, 999, 1));
    }

    static GoldenRun run() {
        return GoldenRun.events(config("100.1"), market());
    }

    Golden golden() {
        return Golden.of(dir, "ioc");
    }

    void replays(Path yaml) throws IOException {
        Path bin = scratch.resolve("check.tcgl");
        LogYaml.toBinary(yaml, bin);
        new Replayer(StrategyCatalog.standard()).replay(bin);
    }

    @Test
    void theFirstRunWritesTheApprovedGoldenAndTheNextRunPasses() throws IOException {
        Golden g = golden();
        assertFalse(Files.exists(g.approved()));
        assertEquals(Golden.Outcome.CREATED, g.verify(run()));
        assertEquals(dir.resolve("ioc.tcgl.yaml"), g.approved());
        assertTrue(Files.readString(g.approved()).contains("type: OrderExpired"), "the IOC's rest expired");
        replays(g.approved());
        byte[] approved = Files.readAllBytes(g.approved());
        assertEquals(Golden.Outcome.UNCHANGED, golden().verify(run()));
        assertArrayEquals(approved, Files.readAllBytes(g.approved()), "a passing run leaves the golden as it was");
        assertFalse(Files.exists(g.received()));
    }

    @Test
    void aBehaviourChangeFailsWithTheFirstDivergentPositionAndWritesTheReceivedFile() throws IOException {
        golden().verify(run());
        byte[] approved = Files.readAllBytes(golden().approved());
        // Same configuration and data; the venue now fails the submit: the dispatch record at position 4
        // is a DispatchFailed, and Order 1 never exists.
        AssertionError e = assertThrows(AssertionError.class, () -> golden().verify(run().failEveryNthSubmit(1)));
        String m = e.getMessage();
        assertTrue(m.startsWith("golden ioc (2 hand-written events): differs from the approved golden at position 4 "
                + "(the first divergent position; 4 equal entries before it)"), m);
        assertTrue(m.contains("approved: OrderSubmitted["), m);
        assertTrue(m.contains("received: DispatchFailed["), m);
        assertTrue(m.contains("execution.orders[1].status: SUBMITTED ≠ (absent)"), m);
        assertTrue(m.contains("move ioc.received.tcgl.yaml over ioc.tcgl.yaml, or run again with -Dgolden.bless=ioc"), m);
        assertArrayEquals(approved, Files.readAllBytes(golden().approved()), "a failure never touches the approved");
        Path received = golden().received();
        assertEquals(dir.resolve("ioc.received.tcgl.yaml"), received);
        assertTrue(Files.readString(received).contains("type: DispatchFailed"));
        replays(received);
    }

    @Test
    void aConfigurationChangeFailsAtTheActivationEntryAndNamesTheHeader() throws IOException {
        golden().verify(run());
        AssertionError e = assertThrows(AssertionError.class,
                () -> golden().verify(GoldenRun.events(config("100.2"), market())));
        assertTrue(e.getMessage().contains("at position 1 "), e.getMessage());
        assertTrue(e.getMessage().contains("ConfigurationActivated"), e.getMessage());
        assertTrue(e.getMessage().contains("the header differs: configuration fingerprints"), e.getMessage());
    }

    @Test
    void blessingReplacesTheApprovedGoldenAndRemovesTheReceivedFile() throws IOException {
        golden().verify(run());
        GoldenRun changed = run().failEveryNthSubmit(1);
        assertThrows(AssertionError.class, () -> golden().verify(changed));
        byte[] received = Files.readAllBytes(golden().received());
        Golden g = golden().bless(true);
        assertEquals(Golden.Outcome.BLESSED, g.verify(changed));
        assertTrue(g.blessedChange().contains("at position 4"), g.blessedChange());
        assertArrayEquals(received, Files.readAllBytes(g.approved()), "the approved golden is the new recording");
        assertFalse(Files.exists(g.received()));
        assertEquals(Golden.Outcome.UNCHANGED, golden().verify(changed));
        assertThrows(AssertionError.class, () -> golden().verify(run()), "the old behaviour is now the change");
    }

    @Test
    void movingTheReceivedFileOverTheApprovedOneIsTheSameBlessing() throws IOException {
        golden().verify(run());
        GoldenRun changed = run().failEveryNthSubmit(1);
        assertThrows(AssertionError.class, () -> golden().verify(changed));
        Files.move(golden().received(), golden().approved(), StandardCopyOption.REPLACE_EXISTING);
        assertEquals(Golden.Outcome.UNCHANGED, golden().verify(changed));
    }

    @Test
    void aHandEditedApprovedGoldenFailsAtTheEditedEntry() throws IOException {
        golden().verify(run());
        Path a = golden().approved();
        String yaml = Files.readString(a);
        assertTrue(yaml.contains("fillQtyLots: 3"));
        Files.writeString(a, yaml.replace("fillQtyLots: 3", "fillQtyLots: 4"));
        AssertionError e = assertThrows(AssertionError.class, () -> golden().verify(run()));
        assertTrue(e.getMessage().contains("at position 6 "), e.getMessage());
        assertTrue(Files.exists(golden().received()));
    }

    @Test
    void requireApprovedFailsWhenNoGoldenWasCommittedAndWritesOnlyTheReceivedFile() throws IOException {
        Golden g = golden().requireApproved(true);
        AssertionError e = assertThrows(AssertionError.class, () -> g.verify(run()));
        assertTrue(e.getMessage().contains("no approved golden at " + g.approved()), e.getMessage());
        assertFalse(Files.exists(g.approved()));
        assertTrue(Files.exists(g.received()));
    }

    @Test
    void aScenarioRecordsTheSameLogAsTheCorpusCommitted() throws IOException {
        Path base = Path.of(System.getProperty("basedir", "."));
        Golden g = Golden.of(dir, "ioc-expiry");
        assertEquals(Golden.Outcome.CREATED, g.verify(GoldenRun.scenario(base.resolve("scenarios/ioc-expiry.json"))));
        assertEquals(withoutCoreVersion(Files.readString(base.resolve("logs/ioc-expiry.tcgl.yaml"))),
                withoutCoreVersion(Files.readString(g.approved())),
                "the same recipe gives the same log as tc bless (the header's core version aside)");
    }

    @Test
    void aRecordingThatDoesNotReplayIsNeverApproved() throws IOException {
        // A stream without a venue whose market maker dispatches, but whose dispatch records are missing.
        Path base = Path.of(System.getProperty("basedir", "."));
        ObjectNode scenario = (ObjectNode) new ObjectMapper().readTree(
                Files.readString(base.resolve("scenarios/config-activation.json")));
        ArrayNode market = (ArrayNode) scenario.get("market");
        for (int i = market.size() - 1; i >= 0; i--) {
            String type = market.get(i).get("type").asText();
            if (type.equals("OrderSubmitted") || type.equals("OrderAccepted")) {
                market.remove(i);
            }
        }
        Path file = scratch.resolve("no-records.json");
        Files.writeString(file, scenario.toString());
        Golden g = Golden.of(dir, "no-records");
        AssertionError e = assertThrows(AssertionError.class, () -> g.verify(GoldenRun.scenario(file)));
        assertTrue(e.getMessage().contains("the new recording does not replay"), e.getMessage());
        assertTrue(e.getMessage().contains("at position 4"), e.getMessage());
        assertFalse(Files.exists(g.approved()));
    }

    static String withoutCoreVersion(String yaml) {
        return yaml.replaceFirst("\ncoreVersion: [^\n]*\n", "\n");
    }

    @Test
    void blessingIsByExactNameOnly() {
        assertTrue(GoldenTestExtension.blessed("ioc", "ioc"));
        assertTrue(GoldenTestExtension.blessed("a, ioc ,b", "ioc"));
        assertFalse(GoldenTestExtension.blessed("ioc-expiry", "ioc"));
        assertFalse(GoldenTestExtension.blessed("*", "ioc"), "no wildcard: every blessed golden is named");
        assertFalse(GoldenTestExtension.blessed("", "ioc"));
        assertFalse(GoldenTestExtension.blessed(null, "ioc"));
    }

    @Test
    void namesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Golden.of(dir, "../escape"));
        assertThrows(IllegalArgumentException.class, () -> Golden.of(dir, "x.received"));
        assertThrows(IllegalArgumentException.class, () -> Golden.of(dir, ""));
        assertEquals("a-b_c.1", Golden.of(dir, "a-b_c.1").name());
    }
}

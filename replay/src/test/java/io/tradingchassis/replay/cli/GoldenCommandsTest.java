package io.tradingchassis.replay.cli;

import static io.tradingchassis.replay.cli.TcRunner.tc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.replay.cli.TcRunner.Result;
import io.tradingchassis.replay.log.LogFixtures;
import io.tradingchassis.replay.log.LogYaml;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tc record/replay/diff/verify/bless/inspect} as a user runs them, and each failure's exit code. */
class GoldenCommandsTest {
    @TempDir
    static Path tmp;
    static Path cfg;
    static Path log;
    static byte[] bytes;

    @BeforeAll
    static void record() throws IOException {
        cfg = tmp.resolve("c.json");
        Files.writeString(cfg, LogFixtures.config(300, 100).canonicalJson());
        log = tmp.resolve("run.tcgl");
        Result r = tc("record", "--config", cfg.toString(), "--out", log.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("OK recorded "), r.out());
        bytes = Files.readAllBytes(log);
    }

    static Path write(String name, byte[] b) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, b);
        return p;
    }

    static void assertExit(int code, Result r, String needle) {
        assertEquals(code, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains(needle), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    }

    @Test
    void recordThenReplayVerifiesAndRecordingTwiceGivesTheSameBytes() throws IOException {
        Result r = tc("replay", log.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("checkpoints and the trailer verified"), r.out());
        Path again = tmp.resolve("again.tcgl");
        assertEquals(0, tc("record", "--config", cfg.toString(), "--out", again.toString()).exitCode());
        assertTrue(Arrays.equals(bytes, Files.readAllBytes(again)), "deterministic recording");
        Result exists = tc("record", "--config", cfg.toString(), "--out", again.toString());
        assertEquals(TcCommand.EXIT_OUTPUT, exists.exitCode(), exists.err());
        assertTrue(Arrays.equals(bytes, Files.readAllBytes(again)), "an existing log is left as it was");
    }

    @Test
    void inspectPrintsYamlAndFilters() {
        Result all = tc("inspect", log.toString());
        assertEquals(0, all.exitCode(), all.err());
        assertTrue(all.out().startsWith("---\nformat: 1\n"), all.out().substring(0, 40));
        Result some = tc("inspect", log.toString(), "--from", "2", "--to", "400", "--type", "ORDER_SUBMITTED");
        assertEquals(0, some.exitCode(), some.err());
        assertTrue(some.out().contains("type: OrderSubmitted"));
        assertFalse(some.out().contains("type: BookDelta"));
        assertFalse(some.out().contains("trailer:"));
        Result bad = tc("inspect", log.toString(), "--type", "NOPE");
        assertExit(TcCommand.EXIT_INPUT, bad, "--type NOPE");
    }

    @Test
    void theYamlFormReplaysAndDiffsEqualToTheBinary() throws IOException {
        Path yaml = tmp.resolve("run" + LogYaml.EXTENSION);
        LogYaml.writeFile(log, yaml);
        assertEquals(0, tc("replay", yaml.toString()).exitCode());
        Result d = tc("diff", log.toString(), yaml.toString());
        assertEquals(0, d.exitCode(), d.out() + d.err());
        assertTrue(d.out().startsWith("equal: "), d.out());
    }

    @Test
    void diffNamesThePositionAndPathsAsTextAndJsonAndExitsOne() throws IOException {
        long[] at = new long[] {-1};
        Path b = tmp.resolve("b.tcgl");
        LogFixtures.rewrite(log, b, (p, e) -> {
            if (at[0] < 0 && e instanceof OrderFilled f && f.fillQtyLots() > 1) {
                at[0] = p;
                return new OrderFilled(f.exchTsNs(), f.localTsNs(), f.orderId(), f.fillQtyLots() - 1,
                        f.fillPriceTicks(), f.leavesLots() + 1, f.liquidity());
            }
            return e;
        });
        Result text = tc("diff", log.toString(), b.toString());
        assertEquals(1, text.exitCode(), text.err());
        assertTrue(text.out().startsWith("differ at position " + at[0] + " "), text.out());
        assertTrue(text.out().contains("execution.positions[0].lots: "), text.out());
        Result json = tc("diff", "--json", log.toString(), b.toString());
        assertEquals(1, json.exitCode());
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertEquals(at[0], j.get("position").asLong());
        assertEquals("OrderFilled", j.get("a").get("event").get("type").asText());
        assertTrue(j.get("state").size() > 0);
        Result self = tc("diff", "--replay", log.toString());
        assertEquals(0, self.exitCode(), self.out() + self.err());
    }

    @Test
    void verifyReplaysEveryLogInAFolderOneLineEach() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("goldens"));
        Files.copy(log, dir.resolve("a.tcgl"));
        LogYaml.writeFile(log, dir.resolve("b" + LogYaml.EXTENSION));
        Result ok = tc("verify", dir.toString());
        assertEquals(0, ok.exitCode(), ok.out() + ok.err());
        assertTrue(ok.out().contains("ok   a.tcgl") && ok.out().contains("ok   b.tcgl.yaml"), ok.out());
        byte[] bad = bytes.clone();
        bad[bad.length / 2] ^= 0x04;
        Files.write(dir.resolve("c.tcgl"), bad);
        Files.writeString(dir.resolve("d" + LogYaml.EXTENSION),
                changeChain(Files.readString(dir.resolve("b" + LogYaml.EXTENSION)), 5));
        Result one = tc("verify", dir.toString());
        assertTrue(one.out().contains("FAIL d.tcgl.yaml: " + dir.resolve("d" + LogYaml.EXTENSION) + ": chain mismatch"),
                "a YAML golden's failure names the YAML file: " + one.out());
        Files.delete(dir.resolve("d" + LogYaml.EXTENSION));
        one = tc("verify", dir.toString());
        assertEquals(1, one.exitCode());
        assertTrue(one.out().contains("FAIL c.tcgl: ") && one.out().contains("1 of 3 golden logs fail"), one.out());
    }

    @Test
    void eachDamageHasItsOwnExitCodeAndOneLine() throws IOException {
        byte[] v = bytes.clone();
        ByteBuffer.wrap(v).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 99);
        assertExit(3, tc("replay", write("v.tcgl", v).toString()), "format version 99");

        byte[] m = bytes.clone();
        m[0] = 'X';
        assertExit(4, tc("replay", write("m.tcgl", m).toString()), "bad magic");

        assertExit(6, tc("replay", write("t.tcgl", Arrays.copyOf(bytes, bytes.length - 100)).toString()),
                "truncated log at position ");
        assertExit(7, tc("replay", write("n.tcgl", Arrays.copyOf(bytes, bytes.length - 53)).toString()),
                "missing trailer");
        Result prefix = tc("replay", "--prefix", tmp.resolve("n.tcgl").toString());
        assertEquals(0, prefix.exitCode(), prefix.err());
        assertTrue(prefix.out().startsWith("OK prefix of "), prefix.out());
    }

    static String yaml() throws IOException {
        Path yaml = tmp.resolve("edit" + LogYaml.EXTENSION);
        LogYaml.writeFile(log, yaml);
        return Files.readString(yaml);
    }

    /** The YAML with the chain of the entry at {@code position} changed. */
    static String changeChain(String yaml, long position) {
        Matcher mm = Pattern.compile("position: " + position + "\n(?s:.*?)chain: \"0x([0-9a-f]{16})\"").matcher(yaml);
        assertTrue(mm.find());
        String old = mm.group(1);
        String flipped = (old.charAt(0) == '0' ? "1" : "0") + old.substring(1);
        return yaml.substring(0, mm.start(1)) + flipped + yaml.substring(mm.end(1));
    }

    static Path fromYaml(String name, String yaml) throws IOException {
        Path y = tmp.resolve(name + LogYaml.EXTENSION);
        Files.writeString(y, yaml);
        return y;
    }

    @Test
    void aChangedChainIsAChainMismatchUnderTheSameCoreAndBehaviourChangedUnderAnother() throws IOException {
        String y = yaml();
        Result same = tc("replay", fromYaml("c5", changeChain(y, 77)).toString());
        assertExit(5, same, "chain mismatch at position 77");
        String other = changeChain(y, 77).replaceFirst("coreVersion: \"[^\"]*\"", "coreVersion: \"0.0.1-old\"");
        assertExit(9, tc("replay", fromYaml("c9", other).toString()), "behaviour changed at position 77");
    }

    @Test
    void aHeaderWhoseFingerprintIsNotItsConfigurationsIsRefused() throws IOException {
        String y = yaml().replaceFirst("fingerprint: \"sha256:[0-9a-f]{4}", "fingerprint: \"sha256:0000");
        assertExit(8, tc("replay", fromYaml("f8", y).toString()), "header fingerprint mismatch");
    }

    @Test
    void anotherConfigurationIsRefusedUnlessAllowedAndThenReportsWhereBehaviourDiffers() throws IOException {
        Path other = tmp.resolve("other.json");
        Files.writeString(other, cfg.toFile().exists() ? Files.readString(cfg).replace("\"halfSpreadTicks\":1",
                "\"halfSpreadTicks\":3") : "");
        assertExit(10, tc("replay", log.toString(), "--config", other.toString()), "--allow-config-change");
        Result allowed = tc("replay", log.toString(), "--config", other.toString(), "--allow-config-change");
        assertExit(9, allowed, "behaviour changed at position ");
        Result same = tc("replay", log.toString(), "--config", cfg.toString());
        assertEquals(0, same.exitCode(), same.err());
    }

    @Test
    void blessRecordsANamedScenarioPrintsTheDiffAndRefusesAll() throws IOException {
        Path dir = tmp.resolve("corpus");
        Files.createDirectories(dir.resolve("scenarios"));
        String scenario = "{\"description\": \"a market maker on a short synthetic market\", \"configuration\": "
                + Files.readString(cfg) + ", \"market\": \"synthetic\"}";
        Files.writeString(dir.resolve("scenarios/mm.json"), scenario);
        Result first = tc("bless", "mm", "--dir", dir.toString());
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().startsWith("new golden mm"), first.out());
        Path golden = dir.resolve("logs/mm" + LogYaml.EXTENSION);
        assertEquals(0, tc("replay", golden.toString()).exitCode());
        Result again = tc("bless", "mm", "--dir", dir.toString());
        assertTrue(again.out().startsWith("unchanged: mm"), again.out());
        Files.writeString(dir.resolve("scenarios/mm.json"), scenario.replace("\"halfSpreadTicks\":1",
                "\"halfSpreadTicks\":2"));
        Result changed = tc("bless", "mm", "--dir", dir.toString());
        assertEquals(0, changed.exitCode(), changed.err());
        assertTrue(changed.out().startsWith("mm: differs at position "), changed.out());
        assertExit(TcCommand.EXIT_INPUT, tc("bless", "--all", "--dir", dir.toString()), "--all is refused");
        // A stream without a venue whose market maker dispatches but whose records are missing: not blessed.
        String book = "{\"type\": \"BookSnapshot\", \"exchTsNs\": 1000000000, \"localTsNs\": 1000000000, "
                + "\"instrument\": 0, \"bids\": [{\"priceTicks\": 999, \"qtyLots\": 5}], \"asks\": [{\"priceTicks\": "
                + "1001, \"qtyLots\": 3}]}";
        String delta = "{\"type\": \"BookDelta\", \"exchTsNs\": 2000000000, \"localTsNs\": 2000000000, "
                + "\"instrument\": 0, \"side\": \"BID\", \"priceTicks\": 999, \"qtyLots\": 4}";
        Files.writeString(dir.resolve("scenarios/norec.json"), "{\"configuration\": {\"instruments\": [{\"symbol\": "
                + "\"BTCUSDT\", \"tickSize\": \"0.1\", \"lotSize\": \"0.001\"}], \"strategy\": {\"id\": "
                + "\"market-maker\"}}, \"venue\": \"none\", \"market\": [" + book + ", " + delta + "]}");
        Result norec = tc("bless", "norec", "--dir", dir.toString());
        assertExit(TcCommand.EXIT_INPUT, norec, "its recording does not replay, so it is not blessed");
        assertFalse(Files.exists(dir.resolve("logs/norec" + LogYaml.EXTENSION)));
        assertExit(TcCommand.EXIT_INPUT, tc("bless", "nope", "--dir", dir.toString()), "no such golden scenario");
    }
}

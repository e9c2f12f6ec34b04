package io.tradingchassis.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: failures are rows, not a failed sweep; a bad SWEEP.json names the JSON path. */
class SweepErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDatasetWhoseSha256IsNotTheDeclaredOneIsAnErrorRowWithTheReason(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("day.tcds");
        Files.writeString(data, "not the declared bytes");
        String declared = "sha256:" + "0".repeat(64);
        String sweep = SweepJobTest.SWEEP.replace("\"datasets\": \"synthetic\"",
                "\"datasets\": [ { \"id\": \"" + declared + "\", \"path\": \"day.tcds\" } ]");
        SweepSpec spec = SweepSpec.parse(sweep, "s.json", tmp);
        JsonNode row = JSON.readTree(SweepTask.run(spec.runs().get(0).toJson(), null));
        assertEquals("error", row.get("status").asText());
        String error = row.get("error").asText();
        assertTrue(error.contains("sha256 mismatch") && error.contains(declared), error);
        assertEquals(declared, row.get("datasetId").asText(), "the row keeps the run's identity");
        assertFalse(row.get("runId").asText().isEmpty());
        String csv = SweepJob.csv(spec, SweepJob.sortRows(List.of(row.toString())));
        assertTrue(csv.lines().skip(1).findFirst().orElseThrow().contains(",error,"), csv);
    }

    @Test
    void aBadAxisValueNamesTheJsonPath(@TempDir Path tmp) {
        String bad = SweepJobTest.SWEEP.replace("\"syntheticMarket.seed\": [1, 2]", "\"syntheticMarket.seed\": [1, {}]");
        SweepSpecException e = assertThrows(SweepSpecException.class, () -> SweepSpec.parse(bad, "s.json", tmp));
        assertEquals("s.json: $.axes[\"syntheticMarket.seed\"][1]: expected a number, string or boolean", e.getMessage());
        String unknown = SweepJobTest.SWEEP.replace("\"syntheticMarket.seed\"", "\"risk.maxOrderQty\"");
        SweepSpecException u = assertThrows(SweepSpecException.class, () -> SweepSpec.parse(unknown, "s.json", tmp));
        assertTrue(u.getMessage().contains("$.risk.maxOrderQty"), u.getMessage());
        String both = SweepJobTest.SWEEP.replace("\"datasets\"", "\"runs\": [{}], \"datasets\"");
        SweepSpecException b = assertThrows(SweepSpecException.class, () -> SweepSpec.parse(both, "s.json", tmp));
        assertEquals("s.json: $: give exactly one of \"axes\" and \"runs\"", b.getMessage());
    }

    @Test
    void theGridIsTheCrossProductInOrderLastAxisFastest(@TempDir Path tmp) {
        SweepSpec spec = SweepSpec.parse(SweepJobTest.SWEEP, "s.json", tmp);
        assertEquals(12, spec.runs().size());
        assertEquals("{strategy.parameters.halfSpreadTicks=1, strategy.parameters.quoteQtyLots=500, "
                + "syntheticMarket.seed=1}", spec.runs().get(0).axisValues().toString());
        assertEquals("{strategy.parameters.halfSpreadTicks=1, strategy.parameters.quoteQtyLots=500, "
                + "syntheticMarket.seed=2}", spec.runs().get(1).axisValues().toString());
        assertEquals("{strategy.parameters.halfSpreadTicks=3, strategy.parameters.quoteQtyLots=1000, "
                + "syntheticMarket.seed=2}", spec.runs().get(11).axisValues().toString());
        assertTrue(spec.runs().get(11).configJson().contains("\"halfSpreadTicks\":3"));
    }

    @Test
    void aSweepThatFailsAsAWholeIsExit70WithALineNamingTheCause(@TempDir Path tmp) throws Exception {
        Path sweep = tmp.resolve("s.json");
        Files.writeString(sweep, SweepJobTest.SWEEP);
        String err = stderrOf(() -> assertEquals(SweepCommand.EXIT_INTERNAL, SweepCommand.execute(sweep.toString(),
                "--master", "nowhere://x", "--out", tmp.resolve("out").toString(), "--quiet")));
        String first = err.lines().filter(l -> l.startsWith("tc-sweep: internal error: ")).findFirst().orElse(err);
        assertTrue(first.contains("nowhere://x"), err);
        assertFalse(Files.exists(tmp.resolve("out").resolve("sweep.csv")));
    }

    @Test
    void anOutputThatCannotBeWrittenIsExit73(@TempDir Path tmp) throws Exception {
        Path sweep = tmp.resolve("s.json");
        Files.writeString(sweep, SweepJobTest.SWEEP.replace("[1, 2, 3]", "[1]").replace("[500, 1000]", "[500]")
                .replace("[1, 2]", "[1]"));
        Path notAFolder = Files.writeString(tmp.resolve("file"), "");
        String err = stderrOf(() -> assertEquals(SweepCommand.EXIT_OUTPUT, SweepCommand.execute(sweep.toString(),
                "--master", "local[1]", "--out", notAFolder.toString(), "--quiet")));
        assertTrue(err.contains("tc-sweep: " + notAFolder + ": cannot write the results"), err);
    }

    private static String stderrOf(Runnable r) {
        PrintStream saved = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(saved);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void sparkIsNotADependencyOfCoreRuntimeOrReplay() throws Exception {
        Path root = Path.of("..");
        for (String m : new String[] {"pom.xml", "core/pom.xml", "runtime/pom.xml", "replay/pom.xml"}) {
            String pom = Files.readString(root.resolve(m));
            assertFalse(pom.toLowerCase(Locale.ROOT).contains("org.apache.spark"), m + " names Spark");
        }
    }
}

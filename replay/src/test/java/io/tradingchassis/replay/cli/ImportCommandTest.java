package io.tradingchassis.replay.cli;

import static io.tradingchassis.replay.cli.TcRunner.tc;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradingchassis.replay.cli.TcRunner.Result;
import io.tradingchassis.runtime.dataset.Dataset;
import io.tradingchassis.runtime.dataset.DatasetHeader;
import io.tradingchassis.runtime.dataset.DatasetReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tc import binance} through picocli, on the shared USD-M recording. */
class ImportCommandTest {

    private static final String USDM = "usdm-btcusdt_20240808.gz";

    private static Path usdm;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findRecording() {
        String shared = System.getProperty("tc.shared.dir");
        if (shared == null || shared.isBlank()) {
            throw new IllegalStateException("system property tc.shared.dir is not set: run the tests through Maven "
                    + "(surefire sets it to ../shared beside the checkout) or pass -Dtc.shared.dir=/path/to/shared");
        }
        usdm = Paths.get(shared, "data", "binance", USDM).toAbsolutePath().normalize();
        if (!Files.isRegularFile(usdm)) {
            throw new IllegalStateException("Binance recording not found: " + usdm + " (tc.shared.dir=" + shared + ")");
        }
    }

    private static void assertOneLine(Result r) {
        assertEquals(1, r.err().lines().count(), r::toString);
        assertFalse(r.err().contains("Exception"), r::toString);
        assertTrue(r.err().startsWith("tc: "), r::toString);
    }

    @Test
    void imports_a_recording_and_writes_the_report_json() throws IOException {
        Path out = tmp.resolve("btc-usdm.tcds");
        Path json = tmp.resolve("reports").resolve("btc-usdm.json");
        Result r = tc("import", "binance", usdm.toString(), "--symbol", "btcusdt", "--futures", "--out", out.toString(),
                "--report-json", json.toString());
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("", r.err(), "no progress when standard error is not a terminal");

        JsonNode report = new ObjectMapper().readTree(json.toFile());
        List<String> keys = new ArrayList<>();
        report.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("depth", "trade", "bookTicker", "snapshot", "dropped", "applied", "gaps", "best_bid",
                "best_ask", "clockOffsetNs"), keys);
        assertEquals(6_551, report.get("depth").asLong());
        assertEquals(21_313, report.get("trade").asLong());
        assertEquals(66_089, report.get("bookTicker").asLong());
        assertEquals(1, report.get("snapshot").asLong());
        assertEquals(4, report.get("dropped").asLong());
        assertEquals(6_547, report.get("applied").asLong());
        assertEquals(0, report.get("gaps").asLong());
        // the final book, also reconstructed independently from the raw recording (Python, Decimal)
        assertEquals("[\"61659.7\",\"1.486\"]", report.get("best_bid").toString());
        assertEquals("[\"61659.8\",\"0.981\"]", report.get("best_ask").toString());
        // max(T - local) over the rows: the local clock reads about 1.27 s behind the exchange's
        assertEquals(1_272_156_851L, report.get("clockOffsetNs").asLong(), "over depth, trade and snapshot rows, as hftbacktest");

        String id = Dataset.id(out);
        assertTrue(r.out().startsWith("Imported 1 recording into " + out + "\n"), r::toString);
        assertTrue(r.out().contains("  dataset        " + id + "\n"), r::toString);
        assertTrue(r.out().contains("  messages       depth 6551, trade 21313, bookTicker 66089, snapshot 1\n"),
                r::toString);
        assertTrue(r.out().contains("  best bid       61659.7, quantity 1.486\n"), r::toString);
        assertTrue(r.out().contains("  clockOffsetNs  1272156851 "), r::toString);
        assertTrue(r.out().contains(" s of wall-clock time (not part of the dataset)\n"), r::toString);
        DatasetHeader h = DatasetReader.verify(out);
        assertEquals("usdm", h.market());
        assertEquals("BTCUSDT", h.symbol());
        assertEquals("0.1", h.tickSize());
        assertEquals("0.001", h.lotSize());
        assertTrue(r.out().contains(Files.size(out) + " bytes, " + h.eventCount() + " events\n"), r::toString);
    }

    @Test
    void an_existing_dataset_is_kept_unless_force_is_given() throws IOException {
        Path out = tmp.resolve("x.tcds");
        Files.writeString(out, "precious");
        Result r = tc("import", "binance", usdm.toString(), "--symbol", "BTCUSDT", "--futures", "--out", out.toString());
        assertEquals(2, r.exitCode(), r::toString);
        assertOneLine(r);
        assertEquals("tc: " + out + ": already exists; a dataset is never overwritten: choose another --out, or pass "
                + "--force to replace it\n", r.err().replace(System.lineSeparator(), "\n"));
        assertEquals("precious", Files.readString(out));
        Result forced = tc("import", "binance", usdm.toString(), "--symbol", "BTCUSDT", "--futures", "--out",
                out.toString(), "--force", "--quiet");
        assertEquals(0, forced.exitCode(), forced::toString);
        assertEquals(530_665, DatasetReader.verify(out).eventCount(), "replaced by the dataset");
    }

    @Test
    void bad_input_is_one_line_and_exit_2_and_leaves_nothing_behind() throws IOException {
        Path out = tmp.resolve("o.tcds");
        Result missing = tc("import", "binance", tmp.resolve("nope.gz").toString(), "--symbol", "BTCUSDT", "--out",
                out.toString());
        assertEquals(2, missing.exitCode(), missing::toString);
        assertOneLine(missing);
        assertTrue(missing.err().startsWith("tc: " + tmp.resolve("nope.gz") + ": no such file"), missing::toString);

        Result spot = tc("import", "binance", usdm.toString(), "--symbol", "BTCUSDT", "--out", out.toString());
        assertEquals(2, spot.exitCode(), spot::toString);
        assertOneLine(spot);
        assertTrue(spot.err().startsWith("tc: " + usdm + ":1: depth message with \"pu\": a USD-M futures recording?"),
                spot::toString);

        Result unknown = tc("import", "binance", usdm.toString(), "--symbol", "SOLUSDT", "--futures", "--out",
                out.toString());
        assertEquals(2, unknown.exitCode(), unknown::toString);
        assertOneLine(unknown);
        assertTrue(unknown.err().startsWith("tc: usdm SOLUSDT has no built-in tick and lot size: give --tick-size and "
                + "--lot-size (built in: spot BTCUSDT 0.01/0.00001, "), unknown::toString);

        Result sized = tc("import", "binance", usdm.toString(), "--symbol", "BTCUSDT", "--futures", "--tick-size",
                "1e-1", "--out", out.toString());
        assertEquals(2, sized.exitCode(), sized::toString);
        assertOneLine(sized);
        assertTrue(sized.err().startsWith("tc: --tick-size \"1e-1\": not a decimal number like 0.01"), sized::toString);

        Result offGrid = tc("import", "binance", usdm.toString(), "--symbol", "BTCUSDT", "--futures", "--tick-size",
                "0.2", "--out", out.toString());
        assertEquals(2, offGrid.exitCode(), offGrid::toString);
        assertOneLine(offGrid);
        assertTrue(offGrid.err().matches("tc: " + Pattern.quote(usdm.toString())
                + ":\\d+: price \"[0-9.]+\" in \"[ab]\\[\\d+\\]\" is not a multiple of the tick size 0.2 \\(a tick size "
                + "of 0.1 would hold it\\); set it with --tick-size\\R"),
                offGrid::toString);

        Result usage = tc("import", "binance", usdm.toString(), "--futures", "--out", out.toString());
        assertEquals(2, usage.exitCode(), usage::toString);
        assertTrue(usage.err().contains("Missing required option: '--symbol=SYMBOL'"), usage::toString);

        Result noCommand = tc("import");
        assertEquals(2, noCommand.exitCode(), noCommand::toString);
        assertTrue(noCommand.err().startsWith("Missing required subcommand"), noCommand::toString);

        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "no dataset and no temporary file after failed imports");
        }
    }

    @Test
    void an_output_that_cannot_be_written_is_exit_73() throws IOException {
        Path blocker = tmp.resolve("a-file");
        Files.writeString(blocker, "x");
        Result r = tc("import", "binance", usdm.toString(), "--symbol", "BTCUSDT", "--futures", "--out",
                blocker.resolve("o.tcds").toString());
        assertEquals(73, r.exitCode(), r::toString);
        assertOneLine(r);
        assertTrue(r.err().startsWith("tc: " + blocker.resolve("o.tcds") + ": cannot create its directory "), r::toString);

        Path out = tmp.resolve("ok.tcds");
        Result report = tc("import", "binance", usdm.toString(), "--symbol", "BTCUSDT", "--futures", "--out",
                out.toString(), "--report-json", blocker.resolve("r.json").toString());
        assertEquals(73, report.exitCode(), report::toString);
        assertOneLine(report);
        assertTrue(report.err().startsWith("tc: " + blocker.resolve("r.json") + ": cannot create its directory "),
                report::toString);
        assertFalse(Files.exists(out), "the report's directory is checked before the import starts");
    }

    @Test
    void help_explains_the_command() {
        Result r = tc("import", "binance", "--help");
        assertEquals(0, r.exitCode(), r::toString);
        for (String s : new String[] {"Usage: tc import binance", "--symbol=SYMBOL", "--futures", "--out=DATASET",
                "--report-json=FILE", "--tick-size=DECIMAL", "--lot-size=DECIMAL", "--force", "--quiet", "Exit codes:",
                "73", "Examples:"}) {
            assertTrue(r.out().contains(s), () -> "help lacks " + s + ":\n" + r.out());
        }
        for (String line : r.out().split("\n")) {
            assertTrue(line.length() <= 80, () -> "help line over 80 columns: " + line);
        }
        Result top = tc("--help");
        assertTrue(top.out().contains("  import "), top::toString);
    }

    @Test
    void the_same_import_twice_gives_the_same_dataset() throws IOException {
        Path a = tmp.resolve("a.tcds");
        Path b = tmp.resolve("b.tcds");
        assertEquals(0, tc("import", "binance", usdm.toString(), "--symbol", "BTCUSDT", "--futures", "--out",
                a.toString()).exitCode());
        assertEquals(0, tc("import", "binance", usdm.toString(), "--symbol", "BTCUSDT", "--futures", "--out",
                b.toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }
}

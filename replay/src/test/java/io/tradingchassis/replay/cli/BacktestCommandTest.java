package io.tradingchassis.replay.cli;

import static io.tradingchassis.replay.cli.TcRunner.tc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradingchassis.replay.cli.TcRunner.Result;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tc backtest} as a user runs it (SPEC §12 local backtest): the main job. */
class BacktestCommandTest {

    static final String CONFIG = "{\"instruments\":[{\"symbol\":\"BTCUSDT\",\"tickSize\":\"0.01\",\"lotSize\":\"0.00001\"}],"
            + "\"risk\":{\"maxOrderQtyLots\":100000,\"maxPositionLots\":500000,\"priceBandTicks\":5000},"
            + "\"rateLimit\":{\"capacity\":5,\"refillPerSecond\":20},"
            + "\"strategy\":{\"id\":\"market-maker\",\"parameters\":{\"halfSpreadTicks\":2,\"quoteQtyLots\":1000}},"
            + "\"syntheticMarket\":{\"seed\":3,\"events\":30000}}";

    static Path runFolder(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            List<Path> dirs = s.toList();
            assertEquals(1, dirs.size(), dirs.toString());
            return dirs.get(0);
        }
    }

    @Test
    void runsTheSyntheticMarketAndWritesTheRunFolderTwiceTheSame(@TempDir Path tmp) throws IOException {
        Path cfg = tmp.resolve("c.json");
        Files.writeString(cfg, CONFIG);
        Result a = tc("backtest", "--config", cfg.toString(), "--out", tmp.resolve("a").toString(), "--quiet");
        assertEquals(0, a.exitCode(), a.err());
        assertTrue(a.out().startsWith("OK run "), a.out());
        Path da = runFolder(tmp.resolve("a"));
        for (String f : List.of("stream.tcds", "fills.csv", "summary.json", "report.html")) {
            assertTrue(Files.size(da.resolve(f)) > 0, f);
        }
        Result b = tc("backtest", "--config", cfg.toString(), "--out", tmp.resolve("b").toString(), "--quiet");
        assertEquals(0, b.exitCode(), b.err());
        Path db = runFolder(tmp.resolve("b"));
        assertEquals(da.getFileName(), db.getFileName(), "same inputs, same run id");
        for (String f : List.of("stream.tcds", "fills.csv", "report.html")) {
            assertTrue(Arrays.equals(Files.readAllBytes(da.resolve(f)), Files.readAllBytes(db.resolve(f))),
                    f + " byte-identical");
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode sa = (ObjectNode) json.readTree(da.resolve("summary.json").toFile());
        ObjectNode sb = (ObjectNode) json.readTree(db.resolve("summary.json").toFile());
        assertTrue(sa.has("wallClock"));
        sa.remove("wallClock");
        sb.remove("wallClock");
        assertEquals(sa, sb, "summary.json equal outside wallClock");
        JsonNode run = sa.get("run");
        assertEquals("market-maker", run.get("strategyId").asText());
        assertTrue(run.get("datasetId").asText().startsWith("synthetic:seed=3"), run.toString());
        assertTrue(sa.get("fills").asLong() > 0, sa.toString());
        assertEquals("position,localTsNs,exchTsNs,orderId,side,price,qty,leaves,liquidity",
                Files.readAllLines(da.resolve("fills.csv")).get(0));
    }

    @Test
    void refusesAMissingConfigurationAndADatasetForAnotherInstrument(@TempDir Path tmp) throws IOException {
        Result r = tc("backtest", "--config", tmp.resolve("nope.json").toString(), "--out", tmp.toString(), "--quiet");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("tc: ") && r.err().contains("nope.json") && r.err().lines().count() == 1, r.err());
        Path notADataset = tmp.resolve("x.tcds");
        Files.writeString(notADataset, "not a dataset");
        Path cfg = tmp.resolve("c.json");
        Files.writeString(cfg, CONFIG);
        r = tc("backtest", "--config", cfg.toString(), "--data", notADataset.toString(), "--out", tmp.toString(),
                "--quiet");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("x.tcds") && r.err().lines().count() == 1, r.err());
    }

    /**
     * The report as a person sees it: headless Chromium loads report.html without console errors and
     * draws its three plots. Runs where Chromium is installed ({@code .ci/run} installs it for CI).
     */
    @Test
    void theReportLoadsInHeadlessChromiumAndDrawsItsPlots(@TempDir Path tmp) throws Exception {
        String chromium = Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser")
                .filter(p -> new File(p).canExecute()).findFirst().orElse(null);
        assumeTrue(chromium != null, "Chromium is not installed here");
        Path cfg = tmp.resolve("c.json");
        Files.writeString(cfg, CONFIG);
        Result r = tc("backtest", "--config", cfg.toString(), "--out", tmp.resolve("out").toString(), "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        Path report = runFolder(tmp.resolve("out")).resolve("report.html");
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + tmp.resolve("profile"), "--enable-logging=stderr", "--v=0",
                "--virtual-time-budget=5000", "--dump-dom", report.toUri().toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        byte[] dom = p.getInputStream().readAllBytes();
        String log = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium timed out");
        String html = new String(dom, StandardCharsets.UTF_8);
        assertTrue(html.contains("data-charts=\"3\""), "the page ran its script and built 3 charts:\n" + log);
        assertEquals(3, html.split("class=\"uplot", -1).length - 1, "three uPlot charts in the DOM");
        assertTrue(html.contains("<canvas"), "plots are drawn on canvases");
        assertFalse(log.contains("Uncaught"), "no console errors:\n" + log);
    }

    /**
     * The same command on another JDK (the machine's Temurin 25, where installed) writes the same
     * bytes: stream, fills and report byte-identical, the summary equal outside {@code wallClock}.
     */
    @Test
    void anotherJdkWritesTheSameRun(@TempDir Path tmp) throws Exception {
        Path otherJava = Stream.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java", "/usr/lib/jvm/temurin-21-jdk-amd64/bin/java")
                .map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(otherJava != null, "no second JDK under /usr/lib/jvm");
        Path cfg = tmp.resolve("c.json");
        Files.writeString(cfg, CONFIG);
        Result here = tc("backtest", "--config", cfg.toString(), "--out", tmp.resolve("here").toString(), "--quiet");
        assertEquals(0, here.exitCode(), here.err());
        List<String> cmd = List.of(otherJava.toString(), "-cp", System.getProperty("java.class.path"),
                TcCommand.class.getName(), "backtest", "--config", cfg.toString(), "--out",
                tmp.resolve("there").toString(), "--quiet");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the other JDK's run timed out");
        assertEquals(0, p.exitValue(), output);
        Path a = runFolder(tmp.resolve("here"));
        Path b = runFolder(tmp.resolve("there"));
        assertEquals(a.getFileName(), b.getFileName(), "same run id");
        for (String f : List.of("stream.tcds", "fills.csv", "report.html")) {
            assertTrue(Arrays.equals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f))),
                    f + " byte-identical on " + otherJava);
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode sa = (ObjectNode) json.readTree(a.resolve("summary.json").toFile());
        ObjectNode sb = (ObjectNode) json.readTree(b.resolve("summary.json").toFile());
        sa.remove("wallClock");
        sb.remove("wallClock");
        assertEquals(sa, sb);
    }
}

package io.tradingchassis.runtime.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.config.InstrumentSpec;
import io.tradingchassis.core.config.SyntheticMarketModel;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.runtime.InputSource;
import io.tradingchassis.runtime.Recorder;
import io.tradingchassis.runtime.dataset.DatasetHeader;
import io.tradingchassis.runtime.dataset.DatasetWriter;
import io.tradingchassis.runtime.venue.SimulatedVenue;
import io.tradingchassis.runtime.venue.VenueSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §12 local backtest: a market maker on the seeded synthetic market against the simulated venue. */
class BacktestTest {

    static final String CONFIG = "{\"instruments\":[{\"symbol\":\"BTCUSDT\",\"tickSize\":\"0.01\",\"lotSize\":\"0.00001\"}],"
            + "\"risk\":{\"maxOrderQtyLots\":100000,\"maxPositionLots\":500000,\"priceBandTicks\":5000},"
            + "\"rateLimit\":{\"capacity\":5,\"refillPerSecond\":20},"
            + "\"strategy\":{\"id\":\"market-maker\",\"parameters\":{\"halfSpreadTicks\":2,\"quoteQtyLots\":1000,"
            + "\"replaceThresholdTicks\":1}},\"syntheticMarket\":{\"seed\":7,\"events\":20000}}";

    record Outcome(RunMetrics metrics, List<String> stream, Path dir) {
    }

    static Outcome run(CoreConfiguration cfg, Path out) throws IOException {
        SyntheticMarketModel sm = cfg.syntheticMarket();
        SyntheticMarket market = SyntheticMarket.of(sm);
        Backtest bt = new Backtest(cfg, market, "synthetic:seed=" + sm.seed(), new SimulatedVenue(VenueSettings.of(cfg)));
        List<String> stream = new ArrayList<>();
        Recorder rec = (position, event, result) -> stream.add(position + " " + describe(event));
        Path dir = out.resolve(bt.identity().runId());
        RunMetrics m = bt.run(dir, rec, n -> { });
        return new Outcome(m, stream, dir);
    }

    static String describe(Event e) {
        return e.toString();
    }

    @Test
    void aMarketMakerOnTheSyntheticMarketTradesAndWritesTheRunFolder(@TempDir Path tmp) throws IOException {
        CoreConfiguration cfg = CoreConfiguration.parse(CONFIG, "test");
        Outcome o = run(cfg, tmp);
        assertTrue(o.metrics().fills().size() > 10, "fills: " + o.metrics().fills().size());
        long signed = 0;
        for (RunMetrics.Fill f : o.metrics().fills()) {
            signed += f.side().sign() * f.qtyLots();
        }
        assertEquals(o.metrics().positionLots(), signed, "every fill's side is its order's: fills sum to the position");
        assertTrue(o.metrics().fills().stream().anyMatch(f -> f.side() == Side.SELL)
                && o.metrics().fills().stream().anyMatch(f -> f.side() == Side.BUY),
                "a market maker fills on both sides");
        List<String> fills = Files.readAllLines(o.dir().resolve("fills.csv"));
        assertEquals(ReportWriter.FILLS_HEADER, fills.get(0));
        assertEquals(o.metrics().fills().size() + 1, fills.size());
        String[] row = fills.get(1).split(",");
        assertEquals(9, row.length, fills.get(1));
        assertTrue(row[4].equals("BUY") || row[4].equals("SELL"), fills.get(1));
        assertTrue(row[5].matches("\\d+(\\.\\d+)?") && !row[5].endsWith("0") || row[5].matches("\\d+"), row[5]);
        assertTrue(row[8].equals("MAKER") || row[8].equals("TAKER"), fills.get(1));
        JsonNode summary = new ObjectMapper().readTree(o.dir().resolve("summary.json").toFile());
        for (String k : List.of("run", "entries", "eventsByType", "ordersByFinalStatus", "fills", "finalPosition",
                "pnl", "wallClock")) {
            assertTrue(summary.has(k), "summary lacks " + k + ": " + summary);
        }
        assertEquals(cfg.fingerprint(), summary.get("run").get("configurationFingerprint").asText());
        assertEquals("market-maker", summary.get("run").get("strategyId").asText());
        String html = Files.readString(o.dir().resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("uPlot") && html.contains("\"buys\"") && !html.contains("http://")
                && !html.contains("https://") || html.contains("uPlot"), "self-contained report");
        assertFalse(html.contains("/*DATA*/"), "the data was inlined");
    }

    @Test
    void theSameInputsGiveTheSameBytesOutsideWallClock(@TempDir Path tmp) throws IOException {
        CoreConfiguration cfg = CoreConfiguration.parse(CONFIG, "test");
        Outcome a = run(cfg, tmp.resolve("a"));
        Outcome b = run(cfg, tmp.resolve("b"));
        assertEquals(a.stream(), b.stream(), "the recorded stream");
        assertEquals(a.dir().getFileName(), b.dir().getFileName(), "the run id");
        for (String f : List.of("fills.csv", "report.html")) {
            assertEquals(Files.readString(a.dir().resolve(f)), Files.readString(b.dir().resolve(f)), f);
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode sa = (ObjectNode) json.readTree(a.dir().resolve("summary.json").toFile());
        ObjectNode sb = (ObjectNode) json.readTree(b.dir().resolve("summary.json").toFile());
        sa.remove("wallClock");
        sb.remove("wallClock");
        assertEquals(sa, sb);
        CoreConfiguration other = CoreConfiguration.parse(CONFIG.replace("\"seed\":7", "\"seed\":8"), "test");
        assertNotEquals(a.dir().getFileName(), run(other, tmp.resolve("c")).dir().getFileName(),
                "another seed is another run");
    }

    /** An InputSource that is not a DatasetInput: hides the type, so the venue's feed is read on its own. */
    private static InputSource opaque(InputSource s) {
        return new InputSource() {
            @Override
            public long peekLocalTsNs() {
                return s.peekLocalTsNs();
            }

            @Override
            public Event poll() {
                return s.poll();
            }
        };
    }

    @Test
    void theVenueSharingTheMarketsDecodedRowsGivesTheSameRunAsItsOwnReader(@TempDir Path tmp) throws IOException {
        CoreConfiguration cfg = CoreConfiguration.parse(CONFIG, "test");
        Path data = tmp.resolve("market.tcds");
        InstrumentSpec i = cfg.instruments().get(0);
        try (DatasetWriter w = DatasetWriter.create(data, DatasetHeader.of("test", "spot", i.symbol(), i.tickSize(),
                i.lotSize(), List.of()), false)) {
            SyntheticMarket sm = SyntheticMarket.of(cfg.syntheticMarket());
            while (sm.peekLocalTsNs() != InputSource.EXHAUSTED) {
                w.append(sm.poll());
            }
            w.commit();
        }
        List<List<String>> streams = new ArrayList<>();
        List<String> fills = new ArrayList<>();
        for (boolean shared : new boolean[] {true, false}) {
            List<String> stream = new ArrayList<>();
            try (DatasetInput market = DatasetInput.open(data, cfg); DatasetInput feed = DatasetInput.open(data, cfg)) {
                assertTrue(market.sameUnreadDataset(feed));
                Path dir = tmp.resolve(shared ? "shared" : "own");
                Backtest.simulated(cfg, market, "d", shared ? feed : opaque(feed))
                        .run(dir, (position, event, result) -> stream.add(position + " " + event), n -> { });
                fills.add(Files.readString(dir.resolve("fills.csv")));
                try (DatasetInput fresh = DatasetInput.open(data, cfg)) {
                    assertEquals(shared, feed.sameUnreadDataset(fresh), "the venue's own reader is left unread "
                            + "exactly when the rows are shared");
                    assertFalse(market.sameUnreadDataset(fresh));
                }
            }
            streams.add(stream);
        }
        assertTrue(streams.get(0).size() > 20_000 && streams.get(0).stream().anyMatch(l -> l.contains("OrderFilled")),
                "a run with venue answers and fills");
        assertEquals(streams.get(1), streams.get(0));
        assertEquals(fills.get(1), fills.get(0));
    }
}

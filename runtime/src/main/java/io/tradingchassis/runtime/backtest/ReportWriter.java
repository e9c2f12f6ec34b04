package io.tradingchassis.runtime.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.view.OrderStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a run's outputs (SPEC §12 local backtest): {@code fills.csv}, {@code summary.json} and a
 * self-contained {@code report.html} (uPlot inlined from its webjar: no network). Everything but the
 * {@code wallClock} section of the summary is a function of the stream, so two runs write the same bytes.
 */
public final class ReportWriter {
    /** The fills header, exactly. */
    public static final String FILLS_HEADER = "position,localTsNs,exchTsNs,orderId,side,price,qty,leaves,liquidity";

    private static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist/";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    /** Plain decimal, no trailing zeros, no exponent ({@code 61827.9}, {@code 0.005}, {@code 0}). */
    static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.signum() == 0 ? "0" : s.toPlainString();
    }

    /** {@code fills.csv}: one row per fill, prices and quantities as plain decimals. */
    public static void writeFills(Path file, RunMetrics m) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(FILLS_HEADER);
            w.write('\n');
            for (RunMetrics.Fill f : m.fills()) {
                w.write(f.position() + "," + f.localTsNs() + "," + f.exchTsNs() + "," + f.orderId() + "," + f.side()
                        + "," + plain(m.tickSize().multiply(BigDecimal.valueOf(f.priceTicks()))) + ","
                        + plain(m.lotSize().multiply(BigDecimal.valueOf(f.qtyLots()))) + ","
                        + plain(m.lotSize().multiply(BigDecimal.valueOf(f.leavesLots()))) + "," + f.liquidity()
                        + "\n");
            }
        }
    }

    /**
     * {@code summary.json}: the run's identity, counts, orders by final status, fills, final position,
     * PnL and drawdown, and a separate {@code wallClock} section (the only part that differs between
     * two runs of the same inputs).
     */
    public static ObjectNode summary(RunIdentity id, RunMetrics m, long wallClockNanos) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode run = root.putObject("run");
        run.put("runId", id.runId());
        run.put("datasetId", id.datasetId());
        run.put("configurationFingerprint", id.configurationFingerprint());
        run.put("strategyId", id.strategyId());
        run.put("strategyVersion", id.strategyVersion());
        run.put("codeVersion", id.codeVersion());
        root.put("entries", m.entries());
        ObjectNode types = root.putObject("eventsByType");
        for (Map.Entry<EventType, Long> e : m.countsByType().entrySet()) {
            types.put(e.getKey().name(), e.getValue());
        }
        ObjectNode orders = root.putObject("ordersByFinalStatus");
        for (Map.Entry<OrderStatus, Long> e : m.ordersByFinalStatus().entrySet()) {
            orders.put(e.getKey().name(), e.getValue());
        }
        root.put("fills", m.fills().size());
        root.put("finalPosition", plain(m.lotSize().multiply(BigDecimal.valueOf(m.positionLots()))));
        ObjectNode pnl = root.putObject("pnl");
        pnl.put("realized", plain(m.realizedPnl().setScale(8, RoundingMode.HALF_EVEN)));
        pnl.put("marked", plain(m.markedPnl()));
        pnl.put("maxDrawdown", plain(m.maxDrawdown()));
        ObjectNode wall = root.putObject("wallClock");
        wall.put("note", "wall-clock figures of this run; everything else in this file is the same on every run");
        wall.put("durationMs", wallClockNanos / 1_000_000);
        wall.put("entriesPerSecond", wallClockNanos <= 0 ? 0 : (long) (m.entries() * 1e9 / wallClockNanos));
        return root;
    }

    /** Writes {@link #summary} to {@code file}. */
    public static void writeSummary(Path file, ObjectNode summary) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(summary) + "\n", StandardCharsets.UTF_8);
    }

    /** {@code report.html}: mid with fills, position and marked PnL over time, uPlot inlined. */
    public static void writeReport(Path file, RunIdentity id, RunMetrics m) throws IOException {
        ObjectNode data = JSON.createObjectNode();
        ArrayNode t = data.putArray("t");
        ArrayNode mid = data.putArray("mid");
        ArrayNode pos = data.putArray("position");
        ArrayNode pnl = data.putArray("pnl");
        for (RunMetrics.Point p : m.points()) {
            t.add(p.localTsNs() / 1e9);
            mid.add(m.tickSize().multiply(BigDecimal.valueOf(p.midTicks())).doubleValue());
            pos.add(m.lotSize().multiply(BigDecimal.valueOf(p.positionLots())).doubleValue());
            pnl.add(p.markedPnl().doubleValue());
        }
        ArrayNode buys = data.putArray("buys");
        ArrayNode sells = data.putArray("sells");
        for (RunMetrics.Fill f : m.fills()) {
            ArrayNode pt = (f.side().sign() > 0 ? buys : sells).addArray();
            pt.add(f.localTsNs() / 1e9);
            pt.add(m.tickSize().multiply(BigDecimal.valueOf(f.priceTicks())).doubleValue());
        }
        String html = template()
                .replace("/*UPLOT_CSS*/", resource(UPLOT + "uPlot.min.css"))
                .replace("/*UPLOT_JS*/", resource(UPLOT + "uPlot.iife.min.js"))
                .replace("/*TITLE*/", escape(id.strategyId() + " on " + id.datasetId()))
                .replace("/*IDENTITY*/", escape("run " + id.runId() + " · configuration " + id.configurationFingerprint()
                        + " · strategy " + id.strategyId() + " " + id.strategyVersion() + " · code " + id.codeVersion()))
                .replace("/*DATA*/", JSON.writeValueAsString(data).replace("</", "<\\/"));
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String resource(String name) {
        try (InputStream in = ReportWriter.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " (the uPlot webjar is a dependency)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String template() {
        return resource("io/tradingchassis/runtime/backtest/report.html");
    }
}

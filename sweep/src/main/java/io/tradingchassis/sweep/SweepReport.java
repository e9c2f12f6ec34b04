package io.tradingchassis.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code sweep.html}: a self-contained heatmap (uPlot inlined from its webjar, as the backtest report; no
 * network) of a chosen value (marked or realized PnL, drawdown, fills, position) over two chosen axes, the
 * other axes and the dataset as selectors. Only deterministic row fields go in, so the page is the same
 * for every master.
 */
public final class SweepReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist/";
    private static final List<String> FIELDS = List.of("runId", "datasetId", "status", "markedPnl", "realizedPnl",
            "maxDrawdown", "fills", "position", "error");

    private SweepReport() {
    }

    /** Writes the page for {@code rows} (sorted) of {@code spec} to {@code file}. */
    public static void write(Path file, SweepSpec spec, List<JsonNode> rows) throws IOException {
        ObjectNode data = JSON.createObjectNode();
        ArrayNode axes = data.putArray("axes");
        spec.axes().forEach(axes::add);
        ArrayNode out = data.putArray("rows");
        for (JsonNode r : rows) {
            ObjectNode o = out.addObject();
            for (String f : FIELDS) {
                if (r.has(f)) {
                    o.put(f, r.get(f).asText());
                }
            }
            o.set("axes", r.path("axes").deepCopy());
        }
        String html = resource("io/tradingchassis/sweep/sweep.html")
                .replace("/*UPLOT_CSS*/", resource(UPLOT + "uPlot.min.css"))
                .replace("/*UPLOT_JS*/", resource(UPLOT + "uPlot.iife.min.js"))
                .replace("/*TITLE*/", escape(spec.source() + ", " + rows.size() + " runs"))
                .replace("/*DATA*/", JSON.writeValueAsString(data).replace("</", "<\\/"));
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SweepReport.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

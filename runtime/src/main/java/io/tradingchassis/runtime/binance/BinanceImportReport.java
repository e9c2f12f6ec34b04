package io.tradingchassis.runtime.binance;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * What an import saw and built. Counts are of messages (lines), not events.
 *
 * @param depth           depth diff messages
 * @param trade           trade messages
 * @param bookTicker      bookTicker messages
 * @param snapshot        REST depth snapshots
 * @param dropped         diffs dropped before synchronisation ({@code u <= lastUpdateId} of the snapshot)
 * @param applied         diffs applied ({@code depth == dropped + applied})
 * @param gaps            breaks of the update-id chain, each a FeedGap event
 * @param bestBid         the reconstructed book's best bid at the end, {@code [price, qty]} as plain decimals
 *                        without trailing zeros, or {@code null} for an empty side
 * @param bestAsk         the best ask, likewise
 * @param clockOffsetNs   {@code max(exchTsNs - localTsNs)} over the rows: the smallest offset that makes every
 *                        row's feed latency non-negative (SPEC §12); rows timed by a later row are left out
 * @param nonMarketTrades futures trades whose {@code X} is not {@code MARKET}, counted in {@code trade} but
 *                        not imported (not in the JSON)
 * @param events          events written (not in the JSON)
 */
public record BinanceImportReport(long depth, long trade, long bookTicker, long snapshot, long dropped, long applied,
                                  long gaps, List<String> bestBid, List<String> bestAsk, long clockOffsetNs,
                                  long nonMarketTrades, long events) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Copies the best levels. */
    public BinanceImportReport {
        bestBid = bestBid == null ? null : List.copyOf(bestBid);
        bestAsk = bestAsk == null ? null : List.copyOf(bestAsk);
    }

    /**
     * The report as JSON with exactly the keys {@code depth, trade, bookTicker, snapshot, dropped, applied,
     * gaps, best_bid, best_ask, clockOffsetNs}, in that order, one per line, and a final newline.
     */
    public String toJson() {
        StringWriter out = new StringWriter();
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withArrayValueSpacing(Separators.Spacing.AFTER)
                        .withArrayEmptySeparator(""))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance);
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.setPrettyPrinter(pretty);
            g.writeStartObject();
            g.writeNumberField("depth", depth);
            g.writeNumberField("trade", trade);
            g.writeNumberField("bookTicker", bookTicker);
            g.writeNumberField("snapshot", snapshot);
            g.writeNumberField("dropped", dropped);
            g.writeNumberField("applied", applied);
            g.writeNumberField("gaps", gaps);
            writeLevel(g, "best_bid", bestBid);
            writeLevel(g, "best_ask", bestAsk);
            g.writeNumberField("clockOffsetNs", clockOffsetNs);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out + "\n";
    }

    private static void writeLevel(JsonGenerator g, String name, List<String> level) throws IOException {
        g.writeFieldName(name);
        if (level == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (String s : level) {
            g.writeString(s);
        }
        g.writeEndArray();
    }
}

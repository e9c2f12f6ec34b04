package io.tradingchassis.runtime.dataset;

import io.tradingchassis.runtime.codec.EventCodec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What a dataset holds: one instrument of one market, its tick and lot size (exact decimals, so integer
 * ticks and lots convert back to prices and quantities), the source files, and how many events follow.
 * Every event of the dataset carries instrument index {@code 0}: a run maps it to the index of this
 * symbol in its configuration.
 *
 * @param formatVersion the file layout version ({@link Dataset#FORMAT_VERSION} when written by this build)
 * @param codecVersion  the {@link EventCodec#VERSION} the entries are encoded with
 * @param venue         where the data comes from, e.g. {@code binance}
 * @param market        the venue's market, e.g. {@code spot} or {@code usdm}
 * @param symbol        the instrument symbol, e.g. {@code BTCUSDT}
 * @param tickSize      price of one tick, a canonical decimal ({@link #canonicalDecimal}), e.g. {@code 0.01}
 * @param lotSize       quantity of one lot, a canonical decimal, e.g. {@code 0.00001}
 * @param sources       the source files, in the order they were read
 * @param eventCount    the number of entries; {@code 0} in the header a writer starts with
 */
public record DatasetHeader(int formatVersion, int codecVersion, String venue, String market, String symbol,
                            String tickSize, String lotSize, List<DatasetSource> sources, long eventCount) {

    /** Validates every field; strings must be non-empty and the sizes positive canonical decimals. */
    public DatasetHeader {
        requireText(venue, "venue");
        requireText(market, "market");
        requireText(symbol, "symbol");
        requireSize(tickSize, "tickSize");
        requireSize(lotSize, "lotSize");
        sources = List.copyOf(Objects.requireNonNull(sources, "sources"));
        if (eventCount < 0) {
            throw new IllegalArgumentException("eventCount must be >= 0, got " + eventCount);
        }
    }

    /** A header for a new dataset written by this build: current versions, event count 0. */
    public static DatasetHeader of(String venue, String market, String symbol, BigDecimal tickSize,
                                   BigDecimal lotSize, List<DatasetSource> sources) {
        return new DatasetHeader(Dataset.FORMAT_VERSION, EventCodec.VERSION, venue, market, symbol,
                canonicalDecimal(tickSize), canonicalDecimal(lotSize), sources, 0);
    }

    /** This header with {@code count} events. */
    public DatasetHeader withEventCount(long count) {
        return new DatasetHeader(formatVersion, codecVersion, venue, market, symbol, tickSize, lotSize, sources, count);
    }

    /** This header with other sources. */
    public DatasetHeader withSources(List<DatasetSource> newSources) {
        return new DatasetHeader(formatVersion, codecVersion, venue, market, symbol, tickSize, lotSize, newSources,
                eventCount);
    }

    /** The tick size as a decimal. */
    public BigDecimal tickSizeDecimal() {
        return new BigDecimal(tickSize);
    }

    /** The lot size as a decimal. */
    public BigDecimal lotSizeDecimal() {
        return new BigDecimal(lotSize);
    }

    /**
     * The one spelling of a decimal a header stores: plain (no exponent), no trailing zeros ({@code 0.10}
     * is {@code 0.1}, {@code 1.0} is {@code 1}), so the same sizes always give the same bytes and id.
     */
    public static String canonicalDecimal(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static void requireText(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(field + " is empty");
        }
    }

    private static void requireSize(String value, String field) {
        Objects.requireNonNull(value, field);
        BigDecimal d;
        try {
            d = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " \"" + value + "\" is not a decimal number");
        }
        if (d.signum() <= 0) {
            throw new IllegalArgumentException(field + " " + value + " must be > 0");
        }
        if (!value.equals(canonicalDecimal(d))) {
            throw new IllegalArgumentException(field + " \"" + value + "\" is not in canonical form \""
                    + canonicalDecimal(d) + "\"");
        }
    }
}

package io.tradingchassis.bench;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.Bbo;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.BookSnapshot;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.PriceLevel;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.Trade;
import io.tradingchassis.runtime.binance.BinanceImport;
import io.tradingchassis.runtime.binance.BinanceImportOptions;
import io.tradingchassis.runtime.binance.BinanceMarket;
import io.tradingchassis.runtime.binance.ImportProgress;
import io.tradingchassis.runtime.binance.InstrumentSizes;
import io.tradingchassis.runtime.dataset.DatasetReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The streams the fold benchmarks run over, decoded into an {@code Event[]} before measuring so a fold
 * measures the core and not a decoder:
 * <ul>
 *   <li>{@code synthetic}: 1,000,000 seeded events — one 100-level {@code BookSnapshot}, then 85 %
 *       {@code BookDelta} within ten levels of the top, 10 % {@code Trade}, 5 % {@code Bbo};</li>
 *   <li>{@code spot-btcusdt_20240808}, {@code usdm-btcusdt_20240808}: the real Binance days from
 *       {@code ../shared/data/binance} (or {@code -Dtc.shared.dir=…}), imported once with the runtime's
 *       importer ({@code tc import}'s code; spot with lot size 0.000001) into
 *       {@code bench/target/bench-data/} (or {@code -Dtc.bench.data=…}) and reused by later trials.</li>
 * </ul>
 * The market maker's parameters are those of {@code runtime/local/usdm-btcusdt.json}.
 */
final class BenchStreams {
    static final String SYNTHETIC = "synthetic";
    static final String SPOT_DAY = "spot-btcusdt_20240808";
    static final String USDM_DAY = "usdm-btcusdt_20240808";

    static final int SYNTHETIC_EVENTS = 1_000_000;
    static final long SYNTHETIC_SEED = 20240808L;
    private static final long SYNTHETIC_MID = 6_000_000L;

    private BenchStreams() {
    }

    /** The events of a named stream. */
    static Event[] events(String stream) {
        switch (stream) {
            case SYNTHETIC:
                return synthetic(SYNTHETIC_EVENTS, SYNTHETIC_SEED);
            case SPOT_DAY:
            case USDM_DAY:
                return day(dataset(stream));
            default:
                throw new IllegalArgumentException("unknown stream " + stream);
        }
    }

    /** The dataset file of a real day, imported on first use ({@link #importedDay}). */
    static Path dataset(String day) {
        try {
            switch (day) {
                case SPOT_DAY:
                    return importedDay(SPOT_DAY, BinanceMarket.SPOT, new InstrumentSizes(new BigDecimal("0.01"),
                            new BigDecimal("0.000001")));
                case USDM_DAY:
                    return importedDay(USDM_DAY, BinanceMarket.USDM, InstrumentSizes.known(BinanceMarket.USDM,
                            "BTCUSDT"));
                default:
                    throw new IllegalArgumentException("unknown day " + day + "; known: " + SPOT_DAY + ", " + USDM_DAY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes {@code dir} and everything below it (a benchmark's temporary folder). */
    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** A configuration for {@code stream} (its instrument's tick and lot) running {@code strategy}. */
    static CoreConfiguration config(String stream, String strategy) {
        String instrument;
        switch (stream) {
            case SYNTHETIC:
            case SPOT_DAY:
                instrument = "{\"symbol\":\"BTCUSDT\",\"tickSize\":\"0.01\",\"lotSize\":\"0.000001\"}";
                break;
            case USDM_DAY:
                instrument = "{\"symbol\":\"BTCUSDT\",\"tickSize\":\"0.1\",\"lotSize\":\"0.001\"}";
                break;
            default:
                throw new IllegalArgumentException("unknown stream " + stream);
        }
        String strategyJson;
        switch (strategy) {
            case "none":
                strategyJson = "{\"id\":\"none\"}";
                break;
            case "market-maker":
                strategyJson = "{\"id\":\"market-maker\",\"parameters\":{\"instrument\":0,\"halfSpreadTicks\":5,"
                        + "\"quoteQtyLots\":2,\"skewTicksPerLot\":1,\"replaceThresholdTicks\":2}}";
                break;
            case "momentum-taker":
                strategyJson = "{\"id\":\"momentum-taker\"}";
                break;
            default:
                throw new IllegalArgumentException("unknown strategy " + strategy);
        }
        return CoreConfiguration.parse("{\"instruments\":[" + instrument + "],"
                + "\"risk\":{\"maxOrderQtyLots\":1000,\"maxPositionLots\":100,\"maxOpenOrders\":10,"
                + "\"priceBandTicks\":5000},\"rateLimit\":{\"capacity\":5,\"refillPerSecond\":20},"
                + "\"strategy\":" + strategyJson + "}", "bench:" + stream + ":" + strategy);
    }

    /**
     * One 100-level snapshot around a mid of 60,000.00, then {@code count − 1} events drawn against the
     * generator's own copy of the book, so the book stays uncrossed: 85 % BookDelta at most nine ticks
     * from its side's best price (one in sixteen improves the best by a tick where the spread allows;
     * one in eight removes its level while the side keeps more than 20 levels), 10 % Trade at the touch,
     * 5 % Bbo with the current best levels. Local time advances 1–200 µs per event.
     */
    static Event[] synthetic(int count, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Event[] out = new Event[count];
        long t = 1_723_075_200_000_000_000L;
        TreeMap<Long, Long> bidBook = new TreeMap<>();
        TreeMap<Long, Long> askBook = new TreeMap<>();
        List<PriceLevel> bids = new ArrayList<>();
        List<PriceLevel> asks = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long bq = 1 + rnd.nextInt(5_000);
            long aq = 1 + rnd.nextInt(5_000);
            bids.add(new PriceLevel(SYNTHETIC_MID - 1 - i, bq));
            asks.add(new PriceLevel(SYNTHETIC_MID + 1 + i, aq));
            bidBook.put(SYNTHETIC_MID - 1 - i, bq);
            askBook.put(SYNTHETIC_MID + 1 + i, aq);
        }
        out[0] = new BookSnapshot(t, t, 0, bids, asks);
        for (int i = 1; i < count; i++) {
            t += 1_000 + rnd.nextInt(200_000);
            long exch = t - 500_000;
            long bestBid = bidBook.lastKey();
            long bestAsk = askBook.firstKey();
            int kind = rnd.nextInt(100);
            if (kind < 85) {
                boolean bid = rnd.nextBoolean();
                TreeMap<Long, Long> side = bid ? bidBook : askBook;
                int k = rnd.nextInt(16) == 0 ? -1 : Math.min(rnd.nextInt(4) + rnd.nextInt(4) + rnd.nextInt(3), 9);
                long px = bid ? bestBid - k : bestAsk + k;
                if (bid ? px >= bestAsk : px <= bestBid) {
                    px = bid ? bestBid : bestAsk;
                }
                long qty = rnd.nextInt(8) == 0 && side.size() > 20 ? 0 : 1 + rnd.nextInt(5_000);
                if (qty == 0) {
                    side.remove(px);
                } else {
                    side.put(px, qty);
                }
                out[i] = new BookDelta(exch, t, 0, bid ? BookSide.BID : BookSide.ASK, px, qty);
            } else if (kind < 95) {
                boolean buy = rnd.nextBoolean();
                out[i] = new Trade(exch, t, 0, buy ? Side.BUY : Side.SELL, buy ? bestAsk : bestBid,
                        1 + rnd.nextInt(2_000));
            } else {
                out[i] = new Bbo(exch, t, 0, bestBid, bidBook.get(bestBid), bestAsk, askBook.get(bestAsk));
            }
        }
        return out;
    }

    private static Event[] day(Path dataset) {
        try {
            List<Event> events = new ArrayList<>(1 << 20);
            try (DatasetReader r = DatasetReader.open(dataset)) {
                while (r.hasNext()) {
                    events.add(r.next());
                }
            }
            return events.toArray(new Event[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The day's dataset, imported once (the import is deterministic: the same bytes every time). */
    private static Path importedDay(String name, BinanceMarket market, InstrumentSizes sizes) throws IOException {
        Path dir = Paths.get(System.getProperty("tc.bench.data", "bench/target/bench-data"));
        Path dataset = dir.resolve(name + ".tcds");
        if (Files.isRegularFile(dataset)) {
            return dataset;
        }
        Path shared = Paths.get(System.getProperty("tc.shared.dir", "../shared"));
        Path day = shared.resolve("data/binance/" + name + ".gz");
        if (!Files.isRegularFile(day)) {
            throw new IllegalStateException(day + " not found: run from the checkout's root or set -Dtc.shared.dir");
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, name, ".part");
        BinanceImport.run(new BinanceImportOptions(List.of(day), "BTCUSDT", market, sizes), tmp, true,
                ImportProgress.NONE);
        Files.move(tmp, dataset, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return dataset;
    }
}

package io.tradingchassis.replay.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradingchassis.core.config.ConfigurationException;
import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.ConfigurationActivated;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.risk.RiskEngine;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.core.step.StepResult;
import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.replay.log.EventRecords;
import io.tradingchassis.replay.log.GoldenLogWriter;
import io.tradingchassis.runtime.InputSource;
import io.tradingchassis.runtime.backtest.Backtest;
import io.tradingchassis.runtime.backtest.DatasetInput;
import io.tradingchassis.runtime.backtest.SyntheticMarket;
import io.tradingchassis.runtime.binance.BinanceImport;
import io.tradingchassis.runtime.binance.BinanceImportOptions;
import io.tradingchassis.runtime.binance.BinanceMarket;
import io.tradingchassis.runtime.binance.ImportProgress;
import io.tradingchassis.runtime.binance.InstrumentSizes;
import io.tradingchassis.runtime.dataset.Dataset;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A golden scenario ({@code golden/scenarios/NAME.json}): a small, readable recipe that records one
 * golden log. Fields (README "Golden logs"):
 * <ul>
 *   <li>{@code description}: what rule it exercises;</li>
 *   <li>{@code configuration}: the configuration (mostly the {@code scripted} strategy);</li>
 *   <li>{@code market}: {@code "synthetic"} (the configuration's seeded synthetic market), a list of events
 *       written by hand ({@code {"type": "BookSnapshot", …}}), or {@code {"binance": FILE, "symbol": …,
 *       "futures": false, "lotSize": "0.000001", "maxEvents": N}} (a recording under the shared data folder,
 *       imported when recorded, its first {@code maxEvents} events);</li>
 *   <li>{@code venue}: {@code {"failEveryNthSubmit": N}} for the simulated venue (default 0: never), or
 *       {@code "none"}: no runtime — the events are the whole stream, folded in order, and
 *       {@code configurations} lists further configurations a {@code ConfigurationActivated} event may
 *       switch to.</li>
 * </ul>
 */
public final class Scenario {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("description", "configuration", "configurations", "market",
            "venue");

    private final Path file;
    private final String name;
    private final String description;
    private final CoreConfiguration configuration;
    private final List<CoreConfiguration> more;
    private final List<Event> events;
    private final JsonNode binance;
    private final boolean runtime;
    private final int failEveryNthSubmit;

    private Scenario(Path file, String description, CoreConfiguration configuration, List<CoreConfiguration> more,
                     List<Event> events, JsonNode binance, boolean runtime, int failEveryNthSubmit) {
        this.file = file;
        String n = file.getFileName().toString();
        this.name = n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
        this.description = description;
        this.configuration = configuration;
        this.more = List.copyOf(more);
        this.events = events;
        this.binance = binance;
        this.runtime = runtime;
        this.failEveryNthSubmit = failEveryNthSubmit;
    }

    /** The scenario's name: its file name without {@code .json}. */
    public String name() {
        return name;
    }

    /** What it exercises. */
    public String description() {
        return description;
    }

    /** Its (first) configuration. */
    public CoreConfiguration configuration() {
        return configuration;
    }

    /**
     * Reads and checks a scenario file.
     *
     * @throws IllegalArgumentException naming the file and the JSON path of what is wrong
     */
    public static Scenario load(Path file, StrategyCatalog catalog) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": $: a scenario is a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException(file + ": $." + f + ": unknown field (one of " + FIELDS + ")");
            }
        }
        String description = root.path("description").asText("");
        CoreConfiguration cfg = config(file, root.get("configuration"), "$.configuration", catalog);
        List<CoreConfiguration> more = new ArrayList<>();
        JsonNode cs = root.get("configurations");
        if (cs != null) {
            for (int i = 0; i < cs.size(); i++) {
                more.add(config(file, cs.get(i), "$.configurations[" + i + "]", catalog));
            }
        }
        JsonNode venue = root.get("venue");
        boolean runtime = venue == null || !venue.isTextual() || !venue.asText().equals("none");
        int fail = 0;
        if (venue != null && venue.isObject()) {
            fail = venue.path("failEveryNthSubmit").asInt(0);
            if (fail < 0) {
                throw new IllegalArgumentException(file + ": $.venue.failEveryNthSubmit: must be >= 0");
            }
        } else if (venue != null && runtime) {
            throw new IllegalArgumentException(file + ": $.venue: \"none\" or {\"failEveryNthSubmit\": N}");
        }
        if (!more.isEmpty() && runtime) {
            throw new IllegalArgumentException(file + ": $.configurations: only a scenario with \"venue\": \"none\" "
                    + "switches configurations mid-stream");
        }
        JsonNode market = root.get("market");
        List<Event> events = null;
        JsonNode binance = null;
        if (market == null) {
            throw new IllegalArgumentException(file + ": $.market: missing (\"synthetic\", a list of events, or "
                    + "{\"binance\": …})");
        } else if (market.isArray()) {
            events = new ArrayList<>();
            for (int i = 0; i < market.size(); i++) {
                try {
                    events.add(EventRecords.fromJson(market.get(i), "$.market[" + i + "]"));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
                }
            }
        } else if (market.isObject() && market.has("binance")) {
            binance = market;
        } else if (!(market.isTextual() && market.asText().equals("synthetic"))) {
            throw new IllegalArgumentException(file + ": $.market: \"synthetic\", a list of events, or {\"binance\": …}");
        }
        if (!runtime && events == null) {
            throw new IllegalArgumentException(file + ": $.market: a scenario without venue lists its events");
        }
        return new Scenario(file, description, cfg, more, events, binance, runtime, fail);
    }

    private static CoreConfiguration config(Path file, JsonNode node, String path, StrategyCatalog catalog) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(file + ": " + path + ": a configuration object is required");
        }
        try {
            return CoreConfiguration.parse(node.toString(), file + " " + path, catalog);
        } catch (ConfigurationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Records the scenario's golden log to {@code out} (replaced). {@code sharedData} is the folder the
     * Binance recordings are under (for a {@code binance} market); {@code work} a folder for the imported
     * dataset.
     */
    public void record(Path out, Path sharedData, Path work) throws IOException {
        if (!runtime) {
            recordStream(out);
            return;
        }
        String datasetId;
        InputSource market;
        InputSource feed;
        List<AutoCloseable> open = new ArrayList<>();
        try {
            if (events != null) {
                datasetId = Recording.inlineId(events);
                market = new ListInput(events);
                feed = new ListInput(events);
            } else if (binance != null) {
                Path dataset = importBinance(sharedData, work);
                datasetId = Dataset.id(dataset);
                DatasetInput a = DatasetInput.open(dataset, configuration);
                open.add(a);
                DatasetInput b = DatasetInput.open(dataset, configuration);
                open.add(b);
                long max = binance.path("maxEvents").asLong(Long.MAX_VALUE);
                market = new LimitedInput(a, max);
                feed = new LimitedInput(b, max);
                datasetId = datasetId + ",first=" + max;
            } else {
                datasetId = Recording.syntheticId(configuration.syntheticMarket());
                market = SyntheticMarket.of(configuration.syntheticMarket());
                feed = SyntheticMarket.of(configuration.syntheticMarket());
            }
            Recording.record(Backtest.simulated(configuration, market, datasetId, feed, failEveryNthSubmit), out, true,
                    n -> { });
        } finally {
            for (AutoCloseable c : open) {
                try {
                    c.close();
                } catch (Exception e) {
                    // reading only: nothing to lose
                }
            }
        }
    }

    private Path importBinance(Path sharedData, Path work) throws IOException {
        String f = binance.path("binance").asText();
        Path src = sharedData.resolve("binance").resolve(f);
        if (!Files.isRegularFile(src)) {
            throw new IllegalArgumentException(file + ": $.market.binance: " + src + " not found (the shared data "
                    + "folder, ../shared/data beside the checkout)");
        }
        boolean futures = binance.path("futures").asBoolean(false);
        BinanceMarket m = futures ? BinanceMarket.USDM : BinanceMarket.SPOT;
        String symbol = binance.path("symbol").asText();
        InstrumentSizes known = InstrumentSizes.known(m, symbol);
        InstrumentSizes sizes = binance.has("lotSize")
                ? new InstrumentSizes(known.tickSize(), new BigDecimal(binance.get("lotSize").asText()))
                : known;
        Files.createDirectories(work);
        Path out = work.resolve(name + ".tcds");
        BinanceImport.run(new BinanceImportOptions(List.of(src), symbol, m, sizes), out, true, ImportProgress.NONE);
        return out;
    }

    private void recordStream(Path out) throws IOException {
        Map<String, CoreConfiguration> byFp = new HashMap<>();
        byFp.put(configuration.fingerprint(), configuration);
        more.forEach(c -> byFp.put(c.fingerprint(), c));
        State state = new State();
        CoreEngine engine = new CoreEngine(new RiskEngine());
        CoreConfiguration cfg = configuration;
        try (GoldenLogWriter w = GoldenLogWriter.create(out, Recording.header(configuration, more, Recording.inlineId(events)), state,
                true)) {
            for (int i = 0; i < events.size(); i++) {
                Event e = events.get(i);
                if (e instanceof ConfigurationActivated ca && byFp.containsKey(ca.fingerprint())) {
                    cfg = byFp.get(ca.fingerprint());
                }
                StepResult r = engine.processEvent(state, i, e, cfg);
                w.onStep(i, e, r);
            }
            w.finish();
        }
    }
}

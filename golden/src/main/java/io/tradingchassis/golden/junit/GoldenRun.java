package io.tradingchassis.golden.junit;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.replay.golden.LimitedInput;
import io.tradingchassis.replay.golden.ListInput;
import io.tradingchassis.replay.golden.Recording;
import io.tradingchassis.replay.golden.Scenario;
import io.tradingchassis.runtime.InputSource;
import io.tradingchassis.runtime.backtest.Backtest;
import io.tradingchassis.runtime.backtest.DatasetInput;
import io.tradingchassis.runtime.backtest.SyntheticMarket;
import io.tradingchassis.runtime.dataset.Dataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a golden test records: a configuration (which selects the strategy and its parameters) on market
 * data, run as {@code tc backtest} runs it (market, runtime, core, strategy, simulated venue with its own
 * feed of the same data), recorded as a golden log. Immutable; the {@code with…} methods return a copy.
 */
public final class GoldenRun {
    private enum Kind { SYNTHETIC, EVENTS, DATASET, SCENARIO }

    private final Kind kind;
    private final CoreConfiguration configuration;
    private final List<Event> events;
    private final Path file;
    private final long maxEvents;
    private final int failEveryNthSubmit;

    private GoldenRun(Kind kind, CoreConfiguration configuration, List<Event> events, Path file, long maxEvents,
                      int failEveryNthSubmit) {
        this.kind = kind;
        this.configuration = configuration;
        this.events = events;
        this.file = file;
        this.maxEvents = maxEvents;
        this.failEveryNthSubmit = failEveryNthSubmit;
    }

    /**
     * {@code configuration} on its own seeded synthetic market ({@code syntheticMarket} in the configuration).
     *
     * @param configuration the configuration, strategy included
     * @return the run
     */
    public static GoldenRun synthetic(CoreConfiguration configuration) {
        return new GoldenRun(Kind.SYNTHETIC, Objects.requireNonNull(configuration, "configuration"), null, null,
                Long.MAX_VALUE, 0);
    }

    /**
     * {@code configuration} on a hand-written market: {@code market} in order (market and control events, such
     * as a {@code BookSnapshot} then a few {@code BookDelta}s and {@code Trade}s).
     *
     * @param configuration the configuration, strategy included
     * @param market        the market events, in order
     * @return the run
     */
    public static GoldenRun events(CoreConfiguration configuration, List<? extends Event> market) {
        return new GoldenRun(Kind.EVENTS, Objects.requireNonNull(configuration, "configuration"), List.copyOf(market),
                null, Long.MAX_VALUE, 0);
    }

    /**
     * {@code configuration} on a dataset written by {@code tc import} (its instrument must be the
     * configuration's {@code instruments[0]}).
     *
     * @param configuration the configuration, strategy included
     * @param dataset       the dataset file ({@code .tcds})
     * @return the run
     */
    public static GoldenRun dataset(CoreConfiguration configuration, Path dataset) {
        return new GoldenRun(Kind.DATASET, Objects.requireNonNull(configuration, "configuration"), null,
                Objects.requireNonNull(dataset, "dataset"), Long.MAX_VALUE, 0);
    }

    /**
     * A scenario file in the golden corpus's format ({@code description}, {@code configuration},
     * {@code market}, {@code venue}; golden/README.md), whose strategies come from
     * {@link StrategyCatalog#standard()}.
     *
     * @param scenarioJson the scenario file
     * @return the run
     */
    public static GoldenRun scenario(Path scenarioJson) {
        return new GoldenRun(Kind.SCENARIO, null, null, Objects.requireNonNull(scenarioJson, "scenarioJson"),
                Long.MAX_VALUE, 0);
    }

    /**
     * Only the first {@code n} market events (of the synthetic market or the dataset).
     *
     * @param n how many, at least 1
     * @return a copy with the limit
     */
    public GoldenRun firstEvents(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("firstEvents must be at least 1, got " + n);
        }
        if (kind == Kind.SCENARIO || kind == Kind.EVENTS) {
            throw new IllegalStateException("firstEvents applies to a synthetic market or a dataset");
        }
        return new GoldenRun(kind, configuration, events, file, n, failEveryNthSubmit);
    }

    /**
     * The simulated venue fails every {@code n}-th submit with {@code DispatchFailed} (0: never).
     *
     * @param n the period, at least 0
     * @return a copy with the failure injection
     */
    public GoldenRun failEveryNthSubmit(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("failEveryNthSubmit must be at least 0, got " + n);
        }
        if (kind == Kind.SCENARIO) {
            throw new IllegalStateException("a scenario sets its venue in its own file");
        }
        return new GoldenRun(kind, configuration, events, file, maxEvents, n);
    }

    /** Records the run to {@code out} (replaced); {@code work} is a scratch folder, {@code sharedData} where a scenario's recordings are. */
    void record(Path out, Path work, Path sharedData) throws IOException {
        if (kind == Kind.SCENARIO) {
            Scenario.load(file, StrategyCatalog.standard()).record(out, sharedData, work);
            return;
        }
        InputSource market;
        InputSource feed;
        String datasetId;
        DatasetInput a = null;
        DatasetInput b = null;
        try {
            switch (kind) {
                case SYNTHETIC -> {
                    market = limit(SyntheticMarket.of(configuration.syntheticMarket()));
                    feed = limit(SyntheticMarket.of(configuration.syntheticMarket()));
                    datasetId = Recording.syntheticId(configuration.syntheticMarket()) + first();
                }
                case EVENTS -> {
                    market = new ListInput(events);
                    feed = new ListInput(events);
                    datasetId = Recording.inlineId(events);
                }
                default -> {
                    a = DatasetInput.open(file, configuration);
                    b = DatasetInput.open(file, configuration);
                    market = limit(a);
                    feed = limit(b);
                    datasetId = Dataset.id(file) + first();
                }
            }
            Recording.record(Backtest.simulated(configuration, market, datasetId, feed, failEveryNthSubmit), out, true,
                    n -> { });
        } finally {
            if (a != null) {
                a.close();
            }
            if (b != null) {
                b.close();
            }
        }
    }

    private InputSource limit(InputSource in) {
        return maxEvents == Long.MAX_VALUE ? in : new LimitedInput(in, maxEvents);
    }

    private String first() {
        return maxEvents == Long.MAX_VALUE ? "" : ",first=" + maxEvents;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case SYNTHETIC -> "synthetic market" + first();
            case EVENTS -> events.size() + " hand-written events";
            case DATASET -> "dataset " + file + first();
            case SCENARIO -> "scenario " + file;
        };
    }
}

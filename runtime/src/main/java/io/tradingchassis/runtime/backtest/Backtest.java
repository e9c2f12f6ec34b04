package io.tradingchassis.runtime.backtest;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.risk.RiskEngine;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.core.step.StepResult;
import io.tradingchassis.runtime.EventStreamCursor;
import io.tradingchassis.runtime.InputSource;
import io.tradingchassis.runtime.InputTee;
import io.tradingchassis.runtime.Recorder;
import io.tradingchassis.runtime.RuntimeLoop;
import io.tradingchassis.runtime.VenueAdapter;
import io.tradingchassis.runtime.venue.SimulatedVenue;
import io.tradingchassis.runtime.venue.VenueSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * The local backtest (SPEC §12): market data → runtime → core → strategy → simulated venue, recorded
 * whole, with its outputs written to a run folder: the recorded stream (by the caller's recorder),
 * {@code fills.csv}, {@code summary.json} and {@code report.html}. The same inputs give the same run id
 * and the same bytes in every output but the summary's {@code wallClock} section.
 */
public final class Backtest {
    private final CoreConfiguration configuration;
    private final InputSource market;
    private final String datasetId;
    private final VenueAdapter venue;

    /** A backtest of {@code configuration} over {@code market} (identified by {@code datasetId}) against {@code venue}. */
    public Backtest(CoreConfiguration configuration, InputSource market, String datasetId, VenueAdapter venue) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.market = Objects.requireNonNull(market, "market");
        this.datasetId = Objects.requireNonNull(datasetId, "datasetId");
        this.venue = Objects.requireNonNull(venue, "venue");
        if (configuration.instruments().isEmpty()) {
            throw new IllegalArgumentException("the configuration defines no instrument to trade");
        }
    }

    /**
     * A backtest against the simulated venue the configuration's {@code venue} block describes, which reads
     * the market from its own {@code feed}: a second, independent reader of the same market data as
     * {@code market} (null: the venue sees the market only as the runtime merges it).
     *
     * <p>When {@code market} and {@code feed} are both {@link DatasetInput}s of the same dataset file, neither
     * read yet ({@link DatasetInput#sameUnreadDataset}), the dataset is decoded once: the runtime and the
     * venue read it through an {@link InputTee}, each at its own pace, and {@code feed} is left unread (its
     * caller still closes it). The venue sees the same rows in the same order, so the run is the same.
     */
    public static Backtest simulated(CoreConfiguration configuration, InputSource market, String datasetId,
                                     InputSource feed) {
        return simulated(configuration, market, datasetId, feed, 0);
    }

    /**
     * As {@link #simulated(CoreConfiguration, InputSource, String, InputSource)}, with a venue whose every
     * {@code failEveryNthSubmit}-th submission is a transmission failure ({@code DispatchFailed}; 0: never).
     * When {@code market} and {@code feed} are two unread readers of the same dataset, the venue shares the
     * market's decoded rows ({@link InputTee}) instead of decoding the dataset a second time.
     */
    public static Backtest simulated(CoreConfiguration configuration, InputSource market, String datasetId,
                                     InputSource feed, int failEveryNthSubmit) {
        InputSource runtimeMarket = market;
        InputSource venueFeed = feed;
        if (market instanceof DatasetInput m && feed instanceof DatasetInput f && m.sameUnreadDataset(f)) {
            InputTee tee = new InputTee(m);
            runtimeMarket = tee.first();
            venueFeed = tee.second();
        }
        return new Backtest(configuration, runtimeMarket, datasetId,
                new SimulatedVenue(VenueSettings.of(configuration), failEveryNthSubmit, venueFeed));
    }

    /** The configuration the run starts with. */
    public CoreConfiguration configuration() {
        return configuration;
    }

    /** The market data's id. */
    public String datasetId() {
        return datasetId;
    }

    /** The build's version, from the jar's resource (or {@code dev} when run from classes). */
    public static String codeVersion() {
        try (InputStream in = Backtest.class.getResourceAsStream("/io/tradingchassis/runtime/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }

    /** The run's identity; its id is the first 16 hex digits of SHA-256 over the other fields. */
    public RunIdentity identity() {
        String code = codeVersion();
        String strategyId = configuration.strategy().id();
        String strategyVersion = configuration.strategy().version();
        String key = datasetId + "\n" + configuration.fingerprint() + "\n" + strategyId + "\n" + strategyVersion
                + "\n" + code;
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return new RunIdentity(HexFormat.of().formatHex(h).substring(0, 16), datasetId,
                    configuration.fingerprint(), strategyId, strategyVersion, code);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    /**
     * Runs to the end of the market data and writes the outputs into {@code outDir} (created). Every
     * applied entry also goes to {@code stream} (the recorder of the stream). {@code progress} receives
     * the number of entries applied so far, now and then (may be a no-op).
     *
     * @return the run's metrics
     */
    public RunMetrics run(Path outDir, Recorder stream, LongConsumer progress) throws IOException {
        Files.createDirectories(outDir);
        long started = System.nanoTime(); // wall clock: only for the summary's wallClock section
        RunMetrics metrics = record(state -> stream, progress);
        long wall = System.nanoTime() - started;
        RunIdentity id = identity();
        ReportWriter.writeFills(outDir.resolve("fills.csv"), metrics);
        ReportWriter.writeSummary(outDir.resolve("summary.json"), ReportWriter.summary(id, metrics, wall));
        ReportWriter.writeReport(outDir.resolve("report.html"), id, metrics);
        return metrics;
    }

    /**
     * Runs to the end of the market data and writes no file: every applied entry goes to the recorder
     * {@code stream} makes for the run's State (a golden-log writer takes its checkpoints from it; the
     * State must only be read). {@code progress} receives the number of entries applied so far, now and then.
     *
     * @return the run's metrics
     */
    public RunMetrics record(Function<State, ? extends Recorder> stream, LongConsumer progress) {
        State state = new State();
        Recorder out = Objects.requireNonNull(stream.apply(state), "recorder");
        int instrument = configuration.strategy().parameters().asMap().containsKey("instrument")
                ? configuration.strategy().parameters().instrument("instrument")
                : configuration.syntheticMarket().instrument();
        RunMetrics metrics = new RunMetrics(state, configuration, Math.min(instrument,
                configuration.instruments().size() - 1));
        Recorder both = new Recorder() {
            private long n;

            @Override
            public void onStep(long position, Event event, StepResult result) {
                out.onStep(position, event, result);
                metrics.onStep(position, event, result);
                if ((++n & 0xFFFF) == 0) {
                    progress.accept(n);
                }
            }
        };
        EventStreamCursor cursor = new EventStreamCursor(new CoreEngine(new RiskEngine()), state, configuration, both);
        RuntimeLoop loop = new RuntimeLoop(cursor, configuration, market, venue);
        loop.run();
        progress.accept(metrics.entries());
        return metrics;
    }
}

package io.tradingchassis.bench;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.risk.RiskEngine;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.core.step.DispatchRequest;
import io.tradingchassis.runtime.EventStreamCursor;
import io.tradingchassis.runtime.InputSource;
import io.tradingchassis.runtime.InputTee;
import io.tradingchassis.runtime.Recorder;
import io.tradingchassis.runtime.RuntimeLoop;
import io.tradingchassis.runtime.VenueAdapter;
import io.tradingchassis.runtime.backtest.Backtest;
import io.tradingchassis.runtime.backtest.DatasetInput;
import io.tradingchassis.runtime.backtest.RunMetrics;
import io.tradingchassis.runtime.backtest.StreamRecorder;
import io.tradingchassis.runtime.dataset.DatasetReader;
import io.tradingchassis.runtime.venue.SimulatedVenue;
import io.tradingchassis.runtime.venue.VenueSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The local backtest end to end (SPEC §12) on the imported USD-M BTCUSDT day of 2024-08-08 (530,665
 * market rows) with the market maker of {@code runtime/local/usdm-btcusdt.json}, as {@code tc backtest}
 * runs it, and its parts, each one whole run per operation (rows per second = 530,665 / seconds per
 * operation). An ablation, each benchmark adding one part to the one before:
 *
 * <ol>
 *   <li>{@link #a_readDatasetOnly}: decode the dataset once, nothing else (the baseline);</li>
 *   <li>{@link #b_readDatasetTwice}: decode it twice, as the runtime's market input and the venue's own feed
 *       did when each was a reader of its own;</li>
 *   <li>{@link #c_coreFold}: the runtime loop and the core with the market maker over the market input,
 *       against a venue that takes every request and never answers (no simulated venue, no recorder);</li>
 *   <li>{@link #d_coreFoldVenue}: the same against the simulated venue with its own feed of the day (the
 *       market's decoded rows, shared through an {@code InputTee} as {@link Backtest#simulated} does);</li>
 *   <li>{@link #e_backtestNoStream}: {@link Backtest#run} with the run metrics and the fills.csv,
 *       summary.json and report.html outputs, the stream not recorded;</li>
 *   <li>{@link #f_backtestMarketMaker}: everything {@code tc backtest} does, the recorded {@code stream.tcds}
 *       included.</li>
 * </ol>
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar BacktestBench -prof gc} from the checkout's root
 * (the recording is read from {@code ../shared/data/binance}, or {@code -Dtc.shared.dir=…}).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class BacktestBench {
    private Path dir;
    private Path dataset;
    private CoreConfiguration cfg;

    @Setup(Level.Trial)
    public void importDay() throws IOException {
        dir = Files.createTempDirectory("tc-bench");
        dataset = BenchStreams.dataset(BenchStreams.USDM_DAY);
        cfg = CoreConfiguration.load(Paths.get("runtime/local/usdm-btcusdt.json"));
    }

    @TearDown(Level.Trial)
    public void cleanUp() throws IOException {
        BenchStreams.deleteTree(dir);
    }

    /** Baseline: decode the day's events, nothing else. */
    @Benchmark
    public long a_readDatasetOnly() throws IOException {
        return read(dataset);
    }

    /** Decode the day twice (two independent readers). */
    @Benchmark
    public long b_readDatasetTwice() throws IOException {
        return read(dataset) + read(dataset);
    }

    /** Runtime loop and core (market maker) over the day; the venue takes requests and never answers. */
    @Benchmark
    public long c_coreFold() throws IOException {
        try (DatasetInput market = DatasetInput.open(dataset, cfg)) {
            return fold(market, new SilentVenue());
        }
    }

    /** Runtime loop, core and the simulated venue with its own feed; no metrics, no recorder, no outputs. */
    @Benchmark
    public long d_coreFoldVenue() throws IOException {
        try (DatasetInput market = DatasetInput.open(dataset, cfg)) {
            InputTee tee = new InputTee(market); // as Backtest.simulated shares the decoded rows
            return fold(tee.first(), new SimulatedVenue(VenueSettings.of(cfg), 0, tee.second()));
        }
    }

    /** {@link Backtest#run} (metrics and the run's outputs) without recording the stream. */
    @Benchmark
    public long e_backtestNoStream() throws IOException {
        try (DatasetInput market = DatasetInput.open(dataset, cfg); DatasetInput feed = DatasetInput.open(dataset, cfg)) {
            RunMetrics m = Backtest.simulated(cfg, market, "bench", feed).run(dir.resolve("run-e"), Recorder.NONE, n -> { });
            return m.entries();
        }
    }

    /** The whole backtest as tc backtest runs it: two dataset inputs, the stream recorded, the outputs written. */
    @Benchmark
    public long f_backtestMarketMaker() throws IOException {
        Path out = dir.resolve("run-f");
        Files.createDirectories(out);
        try (DatasetInput market = DatasetInput.open(dataset, cfg); DatasetInput feed = DatasetInput.open(dataset, cfg);
             StreamRecorder stream = StreamRecorder.create(out.resolve("stream.tcds"), cfg)) {
            // The venue reads its own copy of the day, as tc backtest gives it (SPEC §12 timeline look-ahead).
            RunMetrics m = Backtest.simulated(cfg, market, "bench", feed).run(out, stream, n -> { });
            stream.commit();
            return m.entries();
        }
    }

    private static long read(Path file) throws IOException {
        long n = 0;
        try (DatasetReader r = DatasetReader.open(file)) {
            while (r.hasNext()) {
                Event e = r.next();
                n += e.localTsNs() & 1;
            }
        }
        return n;
    }

    private long fold(InputSource market, VenueAdapter venue) {
        io.tradingchassis.core.state.State state = new io.tradingchassis.core.state.State(); // CHECKSTYLE:FQN JMH's @State
        EventStreamCursor cursor = new EventStreamCursor(new CoreEngine(new RiskEngine()), state, cfg, Recorder.NONE);
        return new RuntimeLoop(cursor, cfg, market, venue).run();
    }

    /** Takes every request ({@code OrderSubmitted}) and never answers: the core's work without a venue's. */
    private static final class SilentVenue implements VenueAdapter {
        @Override
        public Event submit(DispatchRequest request, long nowNs) {
            return new OrderSubmitted(nowNs, nowNs, request.orderKey(), request.requestId(), request.command());
        }

        @Override
        public void onMarket(Event marketEvent) {
        }

        @Override
        public long peekLocalTsNs() {
            return EXHAUSTED;
        }

        @Override
        public Event poll() {
            throw new IllegalStateException("the silent venue never answers");
        }
    }
}

package io.tradingchassis.bench;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.runtime.Recorder;
import io.tradingchassis.runtime.backtest.Backtest;
import io.tradingchassis.runtime.backtest.DatasetInput;
import io.tradingchassis.runtime.backtest.RunMetrics;
import io.tradingchassis.runtime.binance.BinanceImport;
import io.tradingchassis.runtime.binance.BinanceImportOptions;
import io.tradingchassis.runtime.binance.BinanceMarket;
import io.tradingchassis.runtime.binance.ImportProgress;
import io.tradingchassis.runtime.binance.InstrumentSizes;
import io.tradingchassis.runtime.dataset.DatasetReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * market rows) with the market maker of {@code runtime/local/usdm-btcusdt.json}: dataset reading,
 * runtime merge, core, strategy, simulated venue and the run's fills.csv, summary.json and report.html
 * (the recorded stream is not written). The baseline
 * measured in the same run, {@link #readDatasetOnly}, decodes the same dataset and nothing else.
 * One operation is one whole run; rows per second = 530,665 / (seconds per operation).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar BacktestBench -prof gc} from the checkout's root
 * (the recording is read from {@code ../shared/data/binance}, or {@code -Dtc.shared.dir=…}).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class BacktestBench {
    private Path dir;
    private Path dataset;
    private CoreConfiguration cfg;

    @Setup(Level.Trial)
    public void importDay() throws IOException {
        Path shared = Paths.get(System.getProperty("tc.shared.dir", "../shared"));
        Path day = shared.resolve("data/binance/usdm-btcusdt_20240808.gz");
        if (!Files.isRegularFile(day)) {
            throw new IllegalStateException(day + " not found: run from the checkout's root or set -Dtc.shared.dir");
        }
        dir = Files.createTempDirectory("tc-bench");
        dataset = dir.resolve("usdm.tcds");
        BinanceImport.run(new BinanceImportOptions(List.of(day), "BTCUSDT", BinanceMarket.USDM,
                InstrumentSizes.known(BinanceMarket.USDM, "BTCUSDT")), dataset, true, ImportProgress.NONE);
        cfg = CoreConfiguration.load(Paths.get("runtime/local/usdm-btcusdt.json"));
    }

    @TearDown(Level.Trial)
    public void cleanUp() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The whole backtest over the day: returns the entries applied. */
    @Benchmark
    public long backtestMarketMaker() throws IOException {
        try (DatasetInput market = DatasetInput.open(dataset, cfg); DatasetInput feed = DatasetInput.open(dataset, cfg)) {
            Path out = dir.resolve("run");
            // The venue reads its own copy of the day, as tc backtest gives it (SPEC §12 timeline look-ahead).
            RunMetrics m = Backtest.simulated(cfg, market, "bench", feed).run(out, Recorder.NONE, n -> { });
            return m.entries();
        }
    }

    /** Baseline: decode the day's events, nothing else. */
    @Benchmark
    public long readDatasetOnly() throws IOException {
        long n = 0;
        try (DatasetReader r = DatasetReader.open(dataset)) {
            while (r.hasNext()) {
                Event e = r.next();
                n += e.localTsNs() & 1;
            }
        }
        return n;
    }
}

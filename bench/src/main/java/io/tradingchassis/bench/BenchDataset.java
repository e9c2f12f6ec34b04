package io.tradingchassis.bench;

import io.tradingchassis.runtime.dataset.Dataset;
import java.nio.file.Path;

/**
 * Prints a real day's dataset file and its id ({@code sha256:}…, as {@code tc import} gives it), importing
 * the day into {@code bench/target/bench-data/} first if it is not there ({@link BenchStreams#dataset}).
 * {@code bench/sweep-bench.sh} uses it to write its SWEEP.json. Run from the checkout's root:
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.tradingchassis.bench.BenchDataset usdm-btcusdt_20240808
 * </pre>
 *
 * <p>Output: one line, the absolute path, a tab, the id.
 */
public final class BenchDataset {
    private BenchDataset() {
    }

    /** {@code DAY}: {@code usdm-btcusdt_20240808} or {@code spot-btcusdt_20240808}. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: BenchDataset usdm-btcusdt_20240808|spot-btcusdt_20240808");
            System.exit(2);
        }
        Path file = BenchStreams.dataset(args[0]).toAbsolutePath();
        System.out.println(file + "\t" + Dataset.id(file));
    }
}

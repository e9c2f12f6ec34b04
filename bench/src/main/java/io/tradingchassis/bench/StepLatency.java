package io.tradingchassis.bench;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.step.CoreEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The step latency distribution of the core fold on a stream (wall clock, a benchmark — never part of a
 * run): every step of a pass through {@code processEvent} is timed with {@code System.nanoTime()} into
 * an HdrHistogram, after warm-up passes. The same loop with the step removed (two clock reads) is
 * recorded too, as the timer's own cost: a step's figure includes it.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.tradingchassis.bench.StepLatency
 * [stream] [strategy] [warmupPasses] [measuredPasses] [out.json]} from the checkout's root; defaults
 * {@code usdm-btcusdt_20240808 market-maker 5 5}, JSON on standard output.
 */
public final class StepLatency {
    private StepLatency() {
    }

    /** Runs the measurement; prints one JSON object (and writes it to the optional fifth argument). */
    public static void main(String[] args) throws IOException {
        String stream = args.length > 0 ? args[0] : BenchStreams.USDM_DAY;
        String strategy = args.length > 1 ? args[1] : "market-maker";
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int passes = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Event[] events = BenchStreams.events(stream);
        CoreConfiguration cfg = BenchStreams.config(stream, strategy);
        Histogram steps = new Histogram(3_600_000_000_000L, 3);
        Histogram timer = new Histogram(3_600_000_000_000L, 3);
        long sink = 0;
        for (int p = 0; p < warmup + passes; p++) {
            boolean record = p >= warmup;
            sink += pass(events, cfg, record ? steps : null);
            sink += timerOnly(events.length, record ? timer : null);
        }
        String json = String.format(Locale.ROOT, "{\"stream\":\"%s\",\"strategy\":\"%s\",\"events\":%d,"
                + "\"passes\":%d,\"p50Ns\":%d,\"p99Ns\":%d,\"p999Ns\":%d,\"maxNs\":%d,\"meanNs\":%.1f,"
                + "\"timerP50Ns\":%d,\"timerP99Ns\":%d,\"sink\":%d}",
                stream, strategy, events.length, passes, steps.getValueAtPercentile(50),
                steps.getValueAtPercentile(99), steps.getValueAtPercentile(99.9), steps.getMaxValue(),
                steps.getMean(), timer.getValueAtPercentile(50), timer.getValueAtPercentile(99), sink & 1);
        System.out.println(json);
        if (args.length > 4) {
            Path out = Paths.get(args[4]);
            Files.write(out, (json + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static long pass(Event[] events, CoreConfiguration cfg, Histogram h) {
        CoreEngine engine = new CoreEngine();
        State state = new State();
        long acc = 0;
        for (int i = 0; i < events.length; i++) {
            long t0 = System.nanoTime();
            acc += engine.processEvent(state, i, events[i], cfg).dispositionCount();
            long t1 = System.nanoTime();
            if (h != null) {
                h.recordValue(t1 - t0);
            }
        }
        return acc;
    }

    private static long timerOnly(int n, Histogram h) {
        long acc = 0;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            long t1 = System.nanoTime();
            acc += t1 & 1;
            if (h != null) {
                h.recordValue(t1 - t0);
            }
        }
        return acc;
    }
}

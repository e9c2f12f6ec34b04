package io.tradingchassis.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that reports the CPU time the benchmark's worker threads used per operation
 * ({@code cpu.time.norm}, ns/op) beside the wall-clock score. On a machine shared with other work, wall
 * clock counts the time the thread waited for a core; CPU time does not, so ratios of two benchmarks'
 * {@code cpu.time.norm} in one run stay meaningful when wall-clock scores do not (caches shared with
 * other processes still add noise). Use: {@code -prof io.tradingchassis.bench.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> before = new HashMap<>();

    @Override
    public String getDescription() {
        return "CPU time of the JMH worker threads per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before.clear();
        for (long id : workers()) {
            before.put(id, threads.getThreadCpuTime(id));
        }
    }

    @Override
    @SuppressWarnings("rawtypes") // JMH's InternalProfiler declares the raw Result type
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        long used = 0;
        for (long id : workers()) {
            long now = threads.getThreadCpuTime(id);
            if (now >= 0) {
                used += now - before.getOrDefault(id, 0L);
            }
        }
        long ops = result.getMetadata().getAllOps();
        List<Result> out = new ArrayList<>();
        if (ops > 0) {
            out.add(new ScalarResult("cpu.time.norm", used / (double) ops, "ns/op", AggregationPolicy.AVG));
        }
        return out;
    }

    private List<Long> workers() {
        List<Long> ids = new ArrayList<>();
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().contains("jmh-worker")) {
                ids.add(t.getThreadId());
            }
        }
        return ids;
    }
}

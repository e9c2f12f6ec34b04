package io.tradingchassis.replay.golden;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.config.SyntheticMarketModel;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.state.State;
import io.tradingchassis.replay.log.EventRecords;
import io.tradingchassis.replay.log.GoldenLogWriter;
import io.tradingchassis.replay.log.LogFormat;
import io.tradingchassis.replay.log.LogHeader;
import io.tradingchassis.runtime.backtest.Backtest;
import io.tradingchassis.runtime.backtest.RunMetrics;
import io.tradingchassis.runtime.codec.EventCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Runs a backtest (the same code path as {@code tc backtest}: market → runtime → core → strategy →
 * venue) and records it as a golden log.
 */
public final class Recording {
    private Recording() {
    }

    /** The dataset id of a configuration's synthetic market (as {@code tc backtest} names it). */
    public static String syntheticId(SyntheticMarketModel sm) {
        return "synthetic:seed=" + sm.seed() + ",events=" + sm.events() + ",midTicks=" + sm.midTicks();
    }

    /** {@code inline:sha256:…} over the events' JSON lines: the dataset id of a hand-written market. */
    public static String inlineId(List<Event> events) {
        StringBuilder sb = new StringBuilder();
        for (Event e : events) {
            sb.append(EventRecords.toJson(e)).append('\n');
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return "inline:sha256:" + HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    /** The header of a log of a run of {@code cfg} (then of {@code more}, activated mid-stream) over {@code datasetId}. */
    public static LogHeader header(CoreConfiguration cfg, List<CoreConfiguration> more, String datasetId) {
        List<String> json = new ArrayList<>();
        List<String> fps = new ArrayList<>();
        json.add(cfg.canonicalJson());
        fps.add(cfg.fingerprint());
        for (CoreConfiguration c : more) {
            json.add(c.canonicalJson());
            fps.add(c.fingerprint());
        }
        return new LogHeader(LogFormat.VERSION, EventCodec.VERSION, Backtest.codeVersion(),
                LogFormat.DIGEST_ALGORITHM, datasetId, cfg.strategy().id(), cfg.strategy().version(),
                cfg.checkpointInterval(), json, fps);
    }

    /**
     * Runs the backtest {@code bt} and writes its log to {@code out} (replaced when {@code replace}). On a
     * failure the log keeps what was recorded, without a trailer.
     *
     * @return the run's metrics
     */
    public static RunMetrics record(Backtest bt, Path out, boolean replace, LongConsumer progress) throws IOException {
        LogHeader h = header(bt.configuration(), List.of(), bt.datasetId());
        GoldenLogWriter[] w = new GoldenLogWriter[1];
        try {
            RunMetrics m = bt.record(state -> open(out, h, state, replace, w), progress);
            w[0].finish();
            return m;
        } finally {
            if (w[0] != null) {
                w[0].close();
            }
        }
    }

    private static GoldenLogWriter open(Path out, LogHeader h, State state, boolean replace, GoldenLogWriter[] w) {
        try {
            w[0] = GoldenLogWriter.create(out, h, state, replace);
            return w[0];
        } catch (IOException e) {
            throw new UncheckedIOException(out + ": cannot create the log: " + e.getMessage(), e);
        }
    }
}

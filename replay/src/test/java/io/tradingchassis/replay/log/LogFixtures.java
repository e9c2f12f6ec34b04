package io.tradingchassis.replay.log;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.risk.RiskEngine;
import io.tradingchassis.core.state.InvariantViolation;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.core.step.StepResult;
import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.replay.golden.Recording;
import io.tradingchassis.replay.verify.Replayer;
import io.tradingchassis.runtime.backtest.Backtest;
import io.tradingchassis.runtime.backtest.SyntheticMarket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** Small recorded runs for the golden-log tests, and where each record of a log starts. */
public final class LogFixtures {
    private LogFixtures() {
    }

    /** A market maker on {@code events} synthetic rows, checkpoints every {@code interval} positions. */
    public static CoreConfiguration config(long events, long interval) {
        return CoreConfiguration.parse("{\"instruments\":[{\"symbol\":\"BTCUSDT\",\"tickSize\":\"0.01\","
                + "\"lotSize\":\"0.00001\"}],\"risk\":{\"maxOrderQtyLots\":100000,\"maxPositionLots\":500000,"
                + "\"priceBandTicks\":5000},\"rateLimit\":{\"capacity\":5,\"refillPerSecond\":20},"
                + "\"strategy\":{\"id\":\"market-maker\",\"parameters\":{\"halfSpreadTicks\":1,\"quoteQtyLots\":20}},"
                + "\"checkpointInterval\":" + interval + ",\"syntheticMarket\":{\"seed\":7,\"events\":" + events + "}}",
                "fixture");
    }

    /** Records a run of {@link #config} to {@code out}. */
    public static Path record(Path out, long events, long interval) throws IOException {
        CoreConfiguration cfg = config(events, interval);
        String id = Recording.syntheticId(cfg.syntheticMarket());
        Recording.record(Backtest.simulated(cfg, SyntheticMarket.of(cfg.syntheticMarket()), id,
                SyntheticMarket.of(cfg.syntheticMarket())), out, true, n -> { });
        return out;
    }

    /**
     * Writes {@code b}: the entries of {@code a}, each passed through {@code change}, folded again by the core
     * under {@code a}'s configuration and chained anew; stops (and writes the trailer) at the first entry the
     * core refuses, or where {@code change} gives {@code null}.
     */
    public static void rewrite(Path a, Path b, BiFunction<Long, Event, Event> change) throws IOException {
        try (GoldenLogReader in = GoldenLogReader.open(a)) {
            CoreConfiguration cfg = Replayer.configurations(a, in.header(), StrategyCatalog.standard()).get(0);
            State state = new State();
            CoreEngine engine = new CoreEngine(new RiskEngine());
            try (GoldenLogWriter w = GoldenLogWriter.create(b, in.header(), state, true)) {
                while (in.next()) {
                    if (in.kind() != GoldenLogReader.Kind.ENTRY) {
                        continue;
                    }
                    Event e = change.apply(in.position(), in.event());
                    if (e == null) {
                        break;
                    }
                    StepResult r;
                    try {
                        r = engine.processEvent(state, in.position(), e, cfg);
                    } catch (InvariantViolation v) {
                        break;
                    }
                    w.onStep(in.position(), e, r);
                }
                w.finish();
            }
        }
    }

    /** One record of a log: its kind ('H' header, 'E', 'C', 'T'), byte range and position. */
    public record Span(char kind, long from, long to, long position) {
    }

    /** The records of an intact log, in file order. */
    public static List<Span> spans(Path log) throws IOException {
        List<Span> out = new ArrayList<>();
        try (GoldenLogReader r = GoldenLogReader.open(log)) {
            long prev = r.recordOffsetAfterHeader();
            out.add(new Span('H', 0, prev, -1));
            while (r.next()) {
                char k = r.kind() == GoldenLogReader.Kind.ENTRY ? 'E' : 'C';
                out.add(new Span(k, r.recordOffset(), -1, r.position()));
            }
            out.add(new Span('T', r.recordOffset(), -1, r.lastEntry()));
        }
        List<Span> fixed = new ArrayList<>();
        long size = Files.size(log);
        for (int i = 0; i < out.size(); i++) {
            Span s = out.get(i);
            long to = i + 1 < out.size() ? out.get(i + 1).from() : size;
            fixed.add(new Span(s.kind(), s.from(), i == 0 ? s.to() : to, s.position()));
        }
        return fixed;
    }
}

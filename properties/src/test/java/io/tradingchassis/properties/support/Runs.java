package io.tradingchassis.properties.support;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.risk.RiskEngine;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.core.step.StepResult;
import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.properties.gen.RunSpec;
import io.tradingchassis.runtime.EventStreamCursor;
import io.tradingchassis.runtime.InputSource;
import io.tradingchassis.runtime.RuntimeLoop;
import io.tradingchassis.runtime.venue.SimulatedVenue;
import io.tradingchassis.runtime.venue.VenueSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * Real runs: the runtime's {@link RuntimeLoop} with the {@link SimulatedVenue} reading its own copy of
 * the market (as {@code tc backtest} runs it), so every record and every answer in the stream is
 * consistent with what the core dispatched. The run is recorded whole, with each step's result and
 * State digest, as the runtime saw them.
 */
public final class Runs {
    private Runs() {
    }

    /** What a run recorded: its scenario (configuration and stream), each step's result and State digest. */
    public record Recorded(Scenario scenario, List<StepResult> results, List<String> digests) {
    }

    /** An {@link InputSource} over a list. */
    public static InputSource source(List<Event> events) {
        return new InputSource() {
            private int next;

            @Override
            public long peekLocalTsNs() {
                return next < events.size() ? events.get(next).localTsNs() : EXHAUSTED;
            }

            @Override
            public Event poll() {
                return events.get(next++);
            }
        };
    }

    /** Runs {@code spec} with the built-in {@code scripted} strategy. */
    public static Recorded run(RunSpec spec) {
        return run(spec, "scripted", StrategyCatalog.builtIn(), new RiskEngine());
    }

    /** Runs {@code spec} with {@code strategyId} from {@code catalog} and {@code risk}. */
    public static Recorded run(RunSpec spec, String strategyId, StrategyCatalog catalog, RiskEngine risk) {
        String json = spec.configJson(strategyId);
        CoreConfiguration cfg = CoreConfiguration.parse(json, "run", catalog);
        List<Event> events = new ArrayList<>();
        List<StepResult> results = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        State state = new State();
        EventStreamCursor cursor = new EventStreamCursor(new CoreEngine(risk, catalog), state, cfg,
                (position, event, result) -> {
                    events.add(event);
                    results.add(result.copy());
                    digests.add(state.digest());
                });
        SimulatedVenue venue = new SimulatedVenue(VenueSettings.of(cfg), spec.failEveryNth(), source(spec.market()));
        new RuntimeLoop(cursor, cfg, source(spec.market()), venue).run();
        return new Recorded(new Scenario(json, catalog, events), results, digests);
    }
}

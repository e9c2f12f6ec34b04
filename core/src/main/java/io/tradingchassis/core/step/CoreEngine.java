package io.tradingchassis.core.step;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventStreamEntry;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.risk.RiskEngine;
import io.tradingchassis.core.state.Invariant;
import io.tradingchassis.core.state.InvariantViolation;
import io.tradingchassis.core.state.State;
import java.util.Objects;

/**
 * The processing step (SPEC §5): {@code State = f(Event Stream, Configuration)}, one entry at a time.
 *
 * <p>An engine holds only reusable scratch (the {@link StepResult} it returns and per-step buffers),
 * never State: two engines given the same State, entry and configuration produce the same result. It
 * is single-threaded; use one per stream.
 */
public final class CoreEngine {
    private final StepResult result = new StepResult();
    private final ExecutionPipeline pipeline;

    /** A new engine with the standard risk policies. */
    public CoreEngine() {
        this(new RiskEngine());
    }

    /** A new engine with a custom risk engine (tests, and research on policies). */
    public CoreEngine(RiskEngine risk) {
        this.pipeline = new ExecutionPipeline(risk);
    }

    /**
     * Test hook (package-private): an engine whose pipeline runs {@code strategy} whatever the
     * configuration selects, so step tests can drive exact Intents. Not part of the public API.
     */
    CoreEngine(RiskEngine risk, io.tradingchassis.core.strategy.Strategy strategy) {
        this.pipeline = new ExecutionPipeline(risk, strategy);
    }

    /**
     * Applies one entry: intake (E4), state derivation, then strategy → risk → queue → queue processing,
     * all inside this call. The returned result is reused by the next call on this engine.
     *
     * @throws InvariantViolation when the entry breaks an invariant; {@code state} is then exactly as
     *                            before the call
     */
    public StepResult processEventEntry(State state, EventStreamEntry entry, CoreConfiguration configuration) {
        long pos = entry.position();
        Event e = entry.event();
        if (pos != state.lastPosition() + 1) {
            throw new InvariantViolation(Invariant.E4, pos, "expected position " + (state.lastPosition() + 1)
                    + " after " + state.lastPosition() + ", got " + pos + (pos <= state.lastPosition() ? " (repeat)"
                    : " (gap)"));
        }
        String active = state.control().activeFingerprint();
        if (active != null && e.type() != EventType.CONFIGURATION_ACTIVATED
                && !active.equals(configuration.fingerprint())) {
            throw new InvariantViolation(Invariant.CF1, pos, "the stream activated configuration " + active
                    + " but this step was given " + configuration.fingerprint());
        }
        result.reset(pos, e.type());
        StateDeriver.apply(state, e, pos, configuration, result);
        state.processing(pos, e.type());
        pipeline.run(state, e, configuration, result);
        state.lastPosition(pos);
        return result;
    }

    /**
     * Folds entries into {@code state} in order; returns the result of the last step (or {@code null}
     * when there were none). Equal to calling {@link #processEventEntry} entry by entry. On a violation
     * the entries before the offending one stay applied and the offending one is not.
     */
    public StepResult foldEventStreamEntries(State state, Iterable<EventStreamEntry> entries,
                                             CoreConfiguration configuration) {
        Objects.requireNonNull(entries, "entries");
        StepResult last = null;
        for (EventStreamEntry entry : entries) {
            last = processEventEntry(state, entry, configuration);
        }
        return last;
    }
}

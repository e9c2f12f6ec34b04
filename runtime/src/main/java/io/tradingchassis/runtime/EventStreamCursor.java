package io.tradingchassis.runtime;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.core.step.StepResult;
import java.util.Objects;

/**
 * Owns the next {@code ProcessingPosition} of a stream (SPEC §12): builds each entry, has the core
 * apply it, hands the entry and its result to the recorder, and only then advances. Nothing else
 * allocates positions. When the core throws, the cursor does not advance and nothing is recorded.
 */
public final class EventStreamCursor implements Sequencer {
    private final CoreEngine engine;
    private final State state;
    private final CoreConfiguration configuration;
    private final Recorder recorder;
    private long nextPosition;

    /** A cursor over {@code state}, which must be fresh or restored at its last position. */
    public EventStreamCursor(CoreEngine engine, State state, CoreConfiguration configuration, Recorder recorder) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.state = Objects.requireNonNull(state, "state");
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.nextPosition = state.lastPosition() + 1;
    }

    /**
     * Applies {@code event} at the next position and records it; returns the core's result (valid until
     * the next successful step).
     *
     * @throws io.tradingchassis.core.state.InvariantViolation when the core refuses the entry: the
     *                                                         cursor stays where it was
     */
    @Override
    public StepResult append(Event event) {
        long position = nextPosition;
        StepResult result = engine.processEvent(state, position, event, configuration); // no entry object per step
        recorder.onStep(position, event, result);
        nextPosition = position + 1;
        return result;
    }

    @Override
    public long controlTimeNs() {
        return state.control().controlTimeNs();
    }

    /** The position the next entry will get. */
    public long nextPosition() {
        return nextPosition;
    }

    /** The State the cursor folds into (read it between steps; never mutate it). */
    public State state() {
        return state;
    }

    /** The configuration every step is given. */
    public CoreConfiguration configuration() {
        return configuration;
    }
}

package io.tradingchassis.runtime;

import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.step.StepResult;

/**
 * Receives every applied step, in processing order (SPEC §12): the recorder of a run. Called after the
 * core applied the entry and before the cursor advances; the result is valid only during the call.
 */
@FunctionalInterface
public interface Recorder {
    /** A recorder that keeps nothing. */
    Recorder NONE = (position, event, result) -> { };

    /** The entry at {@code position} carrying {@code event} was applied with {@code result}. */
    void onStep(long position, Event event, StepResult result);
}

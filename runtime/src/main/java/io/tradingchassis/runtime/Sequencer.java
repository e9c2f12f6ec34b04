package io.tradingchassis.runtime;

import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.step.StepResult;

/** Appends events to the stream at the next position: the {@link EventStreamCursor}'s role. */
public interface Sequencer {
    /** Applies and records {@code event} at the next position; throws without advancing on failure. */
    StepResult append(Event event);

    /** Control time after the last applied entry (SPEC §2). */
    long controlTimeNs();
}

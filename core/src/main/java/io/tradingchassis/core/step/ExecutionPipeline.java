package io.tradingchassis.core.step;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.state.State;

/** SPEC §5 steps 3–6: strategy, risk, queue update, queue processing. */
final class ExecutionPipeline {

    void run(State state, Event event, CoreConfiguration cfg, StepResult out) {
        // Filled in by the execution-pipeline issue (#3).
    }
}

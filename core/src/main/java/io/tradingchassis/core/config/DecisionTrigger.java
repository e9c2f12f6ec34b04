package io.tradingchassis.core.config;

import io.tradingchassis.core.event.EventType;
import java.util.Set;

/**
 * When the Strategy runs (SPEC §5 step 3, I1–I4).
 *
 * @param eventTypes the event types that may trigger a decision; default every market, execution
 *                   and Control-Time event type
 * @param everyNth   decide only on every Nth triggering event (a counter kept in Control State, I4);
 *                   default 1 (every one)
 */
public record DecisionTrigger(Set<EventType> eventTypes, long everyNth) {

    /** Copies the set (an immutable, enum-ordered copy). */
    public DecisionTrigger {
        eventTypes = Set.copyOf(eventTypes);
    }

    /** True when the event type is one of the triggering types. */
    public boolean triggers(EventType type) {
        return eventTypes.contains(type);
    }
}

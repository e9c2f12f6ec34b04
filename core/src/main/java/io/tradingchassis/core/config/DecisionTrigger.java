package io.tradingchassis.core.config;

import io.tradingchassis.core.event.EventType;
import java.util.Collections;
import java.util.EnumSet;
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

    /**
     * Copies the set (an immutable, enum-ordered copy). Not {@code Set.copyOf}: its iteration order
     * changes from one JVM run to the next (SPEC §1).
     */
    public DecisionTrigger {
        EnumSet<EventType> copy = EnumSet.noneOf(EventType.class);
        copy.addAll(eventTypes);
        eventTypes = Collections.unmodifiableSet(copy);
    }

    /** True when the event type is one of the triggering types. */
    public boolean triggers(EventType type) {
        return eventTypes.contains(type);
    }
}

package io.tradingchassis.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.event.EventType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DecisionTriggerTest {

    @Test
    void eventTypesIterateInEnumOrderWhateverTheInputOrder() {
        // SPEC §1: no iteration order of a hash container may leak out. Set.copyOf's order varies
        // from one JVM run to the next; a configuration's sets must iterate in a stable order.
        Set<EventType> in = new LinkedHashSet<>(List.of(EventType.CONTROL_TIME, EventType.TRADE, EventType.BBO,
                EventType.ORDER_FILLED, EventType.BOOK_DELTA, EventType.ORDER_ACCEPTED, EventType.FEED_GAP));
        DecisionTrigger t = new DecisionTrigger(in, 1);
        assertEquals(new ArrayList<>(EnumSet.copyOf(in)), new ArrayList<>(t.eventTypes()));
        CoreConfiguration c = CoreConfiguration.defaults();
        assertEquals(new ArrayList<>(EnumSet.copyOf(c.decisionTrigger().eventTypes())),
                new ArrayList<>(c.decisionTrigger().eventTypes()));
    }

    @Test
    void eventTypesAreAnImmutableCopy() {
        Set<EventType> in = EnumSet.of(EventType.TRADE);
        DecisionTrigger t = new DecisionTrigger(in, 2);
        in.add(EventType.BBO);
        assertFalse(t.triggers(EventType.BBO));
        assertTrue(t.triggers(EventType.TRADE));
        assertThrows(UnsupportedOperationException.class, () -> t.eventTypes().add(EventType.BBO));
        assertEquals(2, t.everyNth());
    }

    @Test
    void anEmptyTriggerSetIsAllowedAndTriggersNothing() {
        DecisionTrigger t = new DecisionTrigger(Set.of(), 1);
        for (EventType e : EventType.values()) {
            assertFalse(t.triggers(e));
        }
        assertEquals(Set.of(), CoreConfiguration.parse("{\"decisionTrigger\":{\"eventTypes\":[]}}", "t")
                .decisionTrigger().eventTypes());
    }
}

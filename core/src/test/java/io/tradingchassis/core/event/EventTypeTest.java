package io.tradingchassis.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Event type codes are part of digests and logs: stable, unique, one per concrete event record. */
class EventTypeTest {

    /** One instance of every concrete event record. */
    static List<Event> samples() {
        return List.of(
                new BookDelta(1, 2, 0, BookSide.BID, 100, 1),
                new BookSnapshot(1, 2, 0, List.of(), List.of()),
                new Trade(1, 2, 0, Side.BUY, 100, 1),
                new Bbo(1, 2, 0, 99, 1, 101, 1),
                new OrderAccepted(1, 2, 7),
                new OrderRejected(1, 2, 7, 3, "r"),
                new OrderFilled(1, 2, 7, 1, 100, 0),
                new OrderCancelled(1, 2, 7, OrderCancelled.UNSOLICITED),
                new OrderReplaced(1, 2, 7, 3, 100, 2),
                new OrderExpired(1, 2, 7),
                new OrderSubmitted(1, 2, 7, 3, new OrderCommand(CommandType.NEW, 0, Side.BUY, 100, 1)),
                new DispatchFailed(1, 2, 7, 3, "r"),
                new SessionStart(1, 2),
                new KillSwitch(1, 2, true),
                new ConfigurationActivated(1, 2, "sha256:00"),
                new FeedGap(1, 2, 0),
                new ControlTime(2, 2, 2, ControlTimeReason.RATE_LIMIT_RECOVERY));
    }

    @Test
    void codesArePinnedNeverRenumbered() {
        // These numbers are in golden logs and digests: changing one invalidates every recording.
        Map<EventType, Integer> pinned = new EnumMap<>(EventType.class);
        pinned.put(EventType.BOOK_DELTA, 1);
        pinned.put(EventType.BOOK_SNAPSHOT, 2);
        pinned.put(EventType.TRADE, 3);
        pinned.put(EventType.BBO, 4);
        pinned.put(EventType.ORDER_ACCEPTED, 10);
        pinned.put(EventType.ORDER_REJECTED, 11);
        pinned.put(EventType.ORDER_FILLED, 12);
        pinned.put(EventType.ORDER_CANCELLED, 13);
        pinned.put(EventType.ORDER_REPLACED, 14);
        pinned.put(EventType.ORDER_EXPIRED, 15);
        pinned.put(EventType.ORDER_SUBMITTED, 20);
        pinned.put(EventType.DISPATCH_FAILED, 21);
        pinned.put(EventType.SESSION_START, 30);
        pinned.put(EventType.KILL_SWITCH, 31);
        pinned.put(EventType.CONFIGURATION_ACTIVATED, 32);
        pinned.put(EventType.FEED_GAP, 33);
        pinned.put(EventType.CONTROL_TIME, 34);
        for (EventType t : EventType.values()) {
            assertEquals(pinned.get(t), t.code(), t.name());
        }
    }

    @Test
    void codesAreUniqueAndRoundTrip() {
        Set<Integer> codes = new HashSet<>();
        for (EventType t : EventType.values()) {
            assertTrue(codes.add(t.code()), "duplicate code " + t.code());
            assertEquals(t, EventType.ofCode(t.code()));
        }
        assertThrows(IllegalArgumentException.class, () -> EventType.ofCode(0));
        assertThrows(IllegalArgumentException.class, () -> EventType.ofCode(99));
    }

    @Test
    void everyConcreteEventRecordHasItsOwnTypeAndTheRightCategory() {
        Map<EventType, Class<?>> seen = new EnumMap<>(EventType.class);
        for (Event e : samples()) {
            assertEquals(null, seen.put(e.type(), e.getClass()), "two records share " + e.type());
            EventType.Category c = e.type().category();
            Class<?> family = c == EventType.Category.MARKET ? MarketEvent.class
                    : c == EventType.Category.EXECUTION ? ExecutionEvent.class
                    : c == EventType.Category.INTENT_RECORD ? IntentRecordEvent.class : ControlEvent.class;
            assertTrue(family.isInstance(e), e.getClass().getSimpleName() + " is not a " + family.getSimpleName());
        }
        assertEquals(EventType.values().length, seen.size(), "every EventType has a sample");
        assertEquals(concreteEventRecords(), new HashSet<>(seen.values()),
                "the sealed hierarchy and EventType list the same records");
    }

    @Test
    void recordsAndAnswersNameTheRequestIdSpec6() {
        // Ordering contract: the dispatch records and the venue's answers to a request name its request id;
        // OrderAccepted and OrderFilled answer no request of their own (they are about the Order).
        Set<EventType> naming = EnumSet.of(EventType.ORDER_SUBMITTED, EventType.DISPATCH_FAILED,
                EventType.ORDER_REJECTED, EventType.ORDER_CANCELLED, EventType.ORDER_REPLACED);
        for (Event e : samples()) {
            boolean hasRequestId = false;
            for (RecordComponent c : e.getClass().getRecordComponents()) {
                if (c.getName().equals("requestId")) {
                    assertEquals(long.class, c.getType(), e.getClass().getSimpleName());
                    hasRequestId = true;
                }
            }
            assertEquals(naming.contains(e.type()), hasRequestId, e.getClass().getSimpleName());
        }
        assertEquals(0, OrderCancelled.UNSOLICITED, "a venue-initiated cancel names no request");
        assertNotEquals(new OrderRejected(1, 2, 7, 3, "r"), new OrderRejected(1, 2, 7, 4, "r"),
                "the request id is part of the event's value (E3)");
    }

    @Test
    void controlTimeIsAControlEventSpec3() {
        assertEquals(EventType.Category.CONTROL, EventType.CONTROL_TIME.category());
    }

    private static Set<Class<?>> concreteEventRecords() {
        Set<Class<?>> out = new HashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(Event.class));
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (c.isSealed()) {
                for (Class<?> p : c.getPermittedSubclasses()) {
                    todo.push(p);
                }
            } else {
                assertTrue(c.isRecord(), c + " is a concrete event but not a record (E3: immutable values)");
                out.add(c);
            }
        }
        assertNotNull(out);
        return out;
    }
}

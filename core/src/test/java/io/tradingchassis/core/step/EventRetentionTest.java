package io.tradingchassis.core.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventStreamEntry;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.Trade;
import io.tradingchassis.core.state.State;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The core never retains an event after its step (issue #11 item 7): a reader may decode every entry
 * into one reused (flyweight) event object, which is only correct if nothing the core keeps — State,
 * the engine's scratch, the returned StepResult — still points at the event once {@code processEvent}
 * returns. Checked by walking everything reachable from the engine, the State and the result (fields
 * by reflection, arrays, and the elements of JDK collections) after steps of every event type, with
 * strategy {@code none} and with strategies that read the triggering event through their view.
 */
class EventRetentionTest {

    @Test
    void no_event_is_reachable_after_steps_of_every_type() {
        List<EventStreamEntry> stream = RandomStreams.generate(FoldDeterminismTest.SEED, 2_000);
        CoreConfiguration cfg = RandomStreams.config();
        CoreEngine engine = new CoreEngine();
        State state = new State();
        int checked = 0;
        for (int i = 0; i < stream.size(); i++) {
            EventStreamEntry e = stream.get(i);
            StepResult r = engine.processEvent(state, e.position(), e.event(), cfg);
            if (i % 7 == 0 || i == stream.size() - 1) {
                assertNull(findEvent(engine, state, r), "after step " + i + " (" + e.event().type() + ")");
                checked++;
            }
        }
        assertTrue(checked > 250, "steps checked: " + checked);
    }

    @Test
    void no_event_is_reachable_after_strategies_read_it() {
        for (String strategy : new String[] {"market-maker", "momentum-taker"}) {
            CoreConfiguration cfg = CoreConfiguration.parse("{\"instruments\":[{\"symbol\":\"X\",\"tickSize\":\"0.01\","
                    + "\"lotSize\":\"1\"}],\"strategy\":{\"id\":\"" + strategy + "\"}}", "test");
            CoreEngine engine = new CoreEngine();
            State state = new State();
            long decisions = 0;
            for (int i = 0; i < 600; i++) {
                Event e = i % 3 == 2
                        ? new Trade(i, i, 0, Side.BUY, 1_010, 1)
                        : new BookDelta(i, i, 0, (i & 1) == 0 ? BookSide.BID : BookSide.ASK,
                                (i & 1) == 0 ? 1_000 - (i % 5) : 1_010 + (i % 5), 1 + (i % 9));
                StepResult r = engine.processEvent(state, i, e, cfg);
                decisions += r.strategyRan() ? 1 : 0;
                if (i % 5 == 0) {
                    assertNull(findEvent(engine, state, r), strategy + " after step " + i);
                }
            }
            assertTrue(decisions > 100, strategy + " decided " + decisions + " times");
        }
    }

    @Test
    void the_walk_finds_an_event_that_is_held() {
        // The check can fail: an object that does hold an event (here, an entry) is reported.
        Event e = new BookDelta(1, 1, 0, BookSide.BID, 100, 1);
        assertEquals("EventStreamEntry.event", findEvent(new EventStreamEntry(0, e)));
    }

    /** The path of the first Event reachable from the roots, or {@code null}. */
    private static String findEvent(Object... roots) {
        IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
        Deque<Object[]> todo = new ArrayDeque<>(); // {object, path}
        for (Object root : roots) {
            todo.push(new Object[] {root, root.getClass().getSimpleName()});
        }
        while (!todo.isEmpty()) {
            Object[] item = todo.pop();
            Object o = item[0];
            String path = (String) item[1];
            if (o == null || seen.put(o, Boolean.TRUE) != null) {
                continue;
            }
            if (o instanceof Event) {
                return path;
            }
            Class<?> c = o.getClass();
            if (c.isArray()) {
                if (!c.getComponentType().isPrimitive()) {
                    for (int i = 0; i < Array.getLength(o); i++) {
                        todo.push(new Object[] {Array.get(o, i), path + "[" + i + "]"});
                    }
                }
                continue;
            }
            if (c.isEnum() || c.getName().startsWith("java.") || c.getName().startsWith("jdk.")
                    || c.getName().startsWith("sun.")) {
                // JDK objects are not opened by reflection; collections are walked through their API.
                if (o instanceof Collection<?> col) {
                    for (Object x : col) {
                        todo.push(new Object[] {x, path + "{}"});
                    }
                } else if (o instanceof Map<?, ?> map) {
                    for (Map.Entry<?, ?> x : map.entrySet()) {
                        todo.push(new Object[] {x.getKey(), path + "{key}"});
                        todo.push(new Object[] {x.getValue(), path + "{value}"});
                    }
                }
                continue;
            }
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                        continue;
                    }
                    f.setAccessible(true);
                    try {
                        todo.push(new Object[] {f.get(o), path + "." + f.getName()});
                    } catch (IllegalAccessException ex) {
                        throw new AssertionError(ex);
                    }
                }
            }
        }
        return null;
    }
}

package io.tradingchassis.runtime.codec;

import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventType;
import java.nio.ByteBuffer;

/**
 * The layout of one event type after the common head (type code, {@code exchTsNs}, {@code localTsNs}):
 * how its own fields are written and read. One subclass per type in {@link EventLayouts}; adding a type
 * is one new subclass and one line in {@link EventLayouts#ALL}, adding a field changes only that
 * type's subclass (and {@link EventCodec#VERSION}).
 *
 * @param <E> the event record
 */
abstract class EventLayout<E extends Event> {

    final EventType type;
    final Class<E> eventClass;

    EventLayout(EventType type, Class<E> eventClass) {
        this.type = type;
        this.eventClass = eventClass;
    }

    /** Most bytes {@link #writeFields} can take for {@code e}. */
    abstract int maxFieldsLength(E e);

    /** Writes the fields after the head; the buffer's bounds checks catch a short buffer. */
    abstract void writeFields(E e, ByteBuffer b);

    /**
     * Reads the fields after the head and builds the event.
     *
     * @param start   the offset of the event's first byte, for messages
     * @param version the codec version the bytes were written with ({@link EventCodec#OLDEST_READABLE_VERSION}
     *                to {@link EventCodec#VERSION}): a layout that changed reads an older form by it
     */
    abstract E readFields(ByteBuffer b, int start, long exchTsNs, long localTsNs, int version);

    final int maxFieldsLengthOf(Event e) {
        return maxFieldsLength(eventClass.cast(e));
    }

    final void writeFieldsOf(Event e, ByteBuffer b) {
        writeFields(eventClass.cast(e), b);
    }
}

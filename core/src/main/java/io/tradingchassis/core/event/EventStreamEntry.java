package io.tradingchassis.core.event;

import java.util.Objects;

/**
 * One entry of the Event Stream: a processing position and an event (SPEC §2). The position is a
 * plain {@code long} so building an entry allocates only the entry itself.
 */
public record EventStreamEntry(long position, Event event) {

    /** Validates the entry shape; sequencing (E4) is checked by the core against State. */
    public EventStreamEntry {
        Objects.requireNonNull(event, "event");
        if (position < ProcessingPosition.FIRST) {
            throw new IllegalArgumentException("position must be >= 0, got " + position);
        }
    }

    /** The position as a value type. */
    public ProcessingPosition processingPosition() {
        return new ProcessingPosition(position);
    }
}

package io.tradingchassis.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EventStreamEntryTest {

    private static final Event E = new SessionStart(1, 2);

    @Test
    void positionIsNeverNegativeE4() {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> new EventStreamEntry(-1, E));
        assertEquals("position must be >= 0, got -1", x.getMessage());
    }

    @Test
    void eventIsRequired() {
        assertThrows(NullPointerException.class, () -> new EventStreamEntry(0, null));
    }

    @Test
    void processingPositionWrapsThePosition() {
        EventStreamEntry e = new EventStreamEntry(ProcessingPosition.FIRST, E);
        assertEquals(new ProcessingPosition(0), e.processingPosition());
        assertEquals(E, e.event());
    }
}

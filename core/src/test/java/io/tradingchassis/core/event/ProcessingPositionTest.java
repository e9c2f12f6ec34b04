package io.tradingchassis.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcessingPositionTest {

    @Test
    void firstIsZeroAndNextIsPlusOneE4() {
        assertEquals(0, ProcessingPosition.FIRST);
        assertEquals(new ProcessingPosition(1), new ProcessingPosition(0).next());
    }

    @Test
    void negativePositionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ProcessingPosition(-1));
    }

    @Test
    void positionsOrderNumerically() {
        assertTrue(new ProcessingPosition(2).compareTo(new ProcessingPosition(10)) < 0);
        assertTrue(new ProcessingPosition(Long.MAX_VALUE).compareTo(new ProcessingPosition(0)) > 0);
        assertEquals(0, new ProcessingPosition(5).compareTo(new ProcessingPosition(5)));
    }
}

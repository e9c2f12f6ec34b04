package io.tradingchassis.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ControlStateTest {

    @Test
    void initialControlState() {
        ControlState c = new ControlState();
        assertEquals(ControlState.NO_TIME, c.controlTimeNs());
        assertEquals(ControlState.NO_TIME, c.lastControlTimeDeadlineNs());
        assertFalse(c.sessionStarted());
        assertFalse(c.killSwitch());
        assertNull(c.activeFingerprint());
        assertFalse(c.feedGap(0));
        assertFalse(c.feedGap(1_000));
        assertEquals(0, c.decisionCounter());
    }

    @Test
    void controlTimeIsTheMaxOfObservedLocalTimestamps() {
        ControlState c = new ControlState();
        c.observe(100);
        c.observe(50); // a late event
        assertEquals(100, c.controlTimeNs());
        c.observe(-5); // even a negative timestamp counts once it is the max
        assertEquals(100, c.controlTimeNs());
        c.observe(101);
        assertEquals(101, c.controlTimeNs());
    }

    @Test
    void feedGapFlagsArePerInstrument() {
        ControlState c = new ControlState();
        c.feedGap(3, true);
        assertTrue(c.feedGap(3));
        assertFalse(c.feedGap(2));
        c.feedGap(7, false); // clearing beyond the array is a no-op
        assertFalse(c.feedGap(7));
        c.feedGap(3, false);
        assertFalse(c.feedGap(3));
    }

    @Test
    void decisionCounterCountsI4() {
        ControlState c = new ControlState();
        assertEquals(1, c.countTriggeringEvent());
        assertEquals(2, c.countTriggeringEvent());
        assertEquals(2, c.decisionCounter());
    }

    @Test
    void copyIsIndependent() {
        ControlState c = new ControlState();
        c.observe(10);
        c.feedGap(1, true);
        ControlState k = c.copy();
        c.observe(20);
        c.feedGap(1, false);
        c.killSwitch(true);
        c.activeFingerprint("sha256:00");
        c.lastControlTimeDeadlineNs(20);
        c.countTriggeringEvent();
        assertEquals(10, k.controlTimeNs());
        assertTrue(k.feedGap(1), "feed-gap array is cloned");
        assertFalse(k.killSwitch());
        assertNull(k.activeFingerprint());
        assertEquals(ControlState.NO_TIME, k.lastControlTimeDeadlineNs());
        assertEquals(0, k.decisionCounter());
    }
}

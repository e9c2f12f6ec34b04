package io.tradingchassis.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InvariantViolationTest {

    @Test
    void messageIsOneLineNamingInvariantPositionValuesAndRule() {
        InvariantViolation v = new InvariantViolation(Invariant.L4, 42, "OrderAccepted for order 7: FILLED -> ACCEPTED");
        assertEquals(Invariant.L4, v.invariant());
        assertEquals(42, v.position());
        assertEquals("L4 violated at position 42: OrderAccepted for order 7: FILLED -> ACCEPTED (rule: "
                + Invariant.L4.rule() + ")", v.getMessage());
        assertFalse(v.getMessage().contains("\n"));
    }

    @Test
    void everyInvariantHasARuleInWords() {
        for (Invariant i : Invariant.values()) {
            assertTrue(i.rule().length() > 10, i.name());
            assertFalse(i.rule().contains("\n"), i.name());
        }
    }

    @Test
    void theInvariantsTheCoreChecksAreTheSpecIdsPlusTheLocalRefinements() {
        // SPEC §11 ids the deriver raises, plus EV1/EV2/CT1 (project-local refinements).
        for (String id : new String[] {"E4", "L3", "L4", "EC4", "EC5", "EV1", "EV2", "CT1"}) {
            assertEquals(id, Invariant.valueOf(id).name());
        }
    }
}

package io.tradingchassis.core.event;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommandTypeTest {

    @Test
    void dominancePrecedenceIsCancelOverReplaceOverNewEc4() {
        assertTrue(CommandType.CANCEL.precedence() > CommandType.REPLACE.precedence());
        assertTrue(CommandType.REPLACE.precedence() > CommandType.NEW.precedence());
    }
}

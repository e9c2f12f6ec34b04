package io.tradingchassis.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.ControlTimeReason;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.TimeInForce;
import io.tradingchassis.core.view.OrderStatus;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Digests (and later logs) encode enums by explicit documented codes, never {@code ordinal()}: these
 * pins make a renumbering a visible, reviewed change (README "Semantics"; EventType has its own pins).
 */
class EnumCodesTest {

    @Test
    void codesArePinned() {
        assertEquals(List.of(0, 1), Arrays.stream(Side.values()).map(Side::code).toList());
        assertEquals(List.of(0, 1, 2), Arrays.stream(CommandType.values()).map(CommandType::code).toList());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6),
                Arrays.stream(OrderStatus.values()).map(OrderStatus::code).toList());
        assertEquals(List.of(0, 1, 2, 3), Arrays.stream(TimeInForce.values())
                .map(TimeInForce::code).toList());
        assertEquals(List.of(0, 1), Arrays.stream(ControlTimeReason.values())
                .map(ControlTimeReason::code).toList());
        assertEquals(List.of("SUBMITTED", "ACCEPTED", "PARTIALLY_FILLED", "FILLED", "CANCELLED", "REJECTED", "EXPIRED"),
                Arrays.stream(OrderStatus.values()).map(Enum::name).toList());
    }

    @Test
    void theDigestReadsTheCodeNotTheDeclarationOrder() {
        // Two orders that differ only in side: the encoding must carry Side.code(), so they differ.
        State buy = new State();
        buy.execution().orders().submit(1, 0, Side.BUY, 100, 1, 0);
        State sell = new State();
        sell.execution().orders().submit(1, 0, Side.SELL, 100, 1, 0);
        Assertions.assertNotEquals(buy.digest(), sell.digest());
    }

    @Test
    void strategyMemoryIsPartOfTheDigestSnapshotAndRestore() {
        State a = new State();
        State b = new State();
        assertEquals(a.digest(), b.digest());
        a.control().commitMemory(new long[] {0, 7}, 2);
        Assertions.assertNotEquals(a.digest(), b.digest(), "memory reaches the digest");
        State snap = a.snapshot();
        assertEquals(a.digest(), snap.digest());
        a.control().commitMemory(new long[] {0, 8}, 2);
        assertEquals(7, snap.control().memory(1), "the snapshot is a value copy");
        b.control().commitMemory(new long[] {0, 7, 0, 0}, 4);
        assertEquals(snap.digest(), b.digest(), "trailing zero slots read like slots never written");
    }
}

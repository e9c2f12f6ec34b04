package io.tradingchassis.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** E3: an appended event is immutable, including the level lists of a snapshot. */
class BookSnapshotTest {

    @Test
    void levelListsAreCopiedSoTheCallerCannotChangeTheEventE3() {
        List<PriceLevel> bids = new ArrayList<>(List.of(new PriceLevel(99, 1)));
        List<PriceLevel> asks = new ArrayList<>(List.of(new PriceLevel(101, 2)));
        BookSnapshot s = new BookSnapshot(1, 2, 0, bids, asks);
        bids.add(new PriceLevel(98, 5));
        asks.clear();
        assertEquals(List.of(new PriceLevel(99, 1)), s.bids());
        assertEquals(List.of(new PriceLevel(101, 2)), s.asks());
    }

    @Test
    void levelListsAreUnmodifiableE3() {
        BookSnapshot s = new BookSnapshot(1, 2, 0, List.of(new PriceLevel(99, 1)), List.of());
        assertThrows(UnsupportedOperationException.class, () -> s.bids().add(new PriceLevel(1, 1)));
        assertThrows(UnsupportedOperationException.class, () -> s.asks().clear());
    }

    @Test
    void nullLevelListIsRefused() {
        assertThrows(NullPointerException.class, () -> new BookSnapshot(1, 2, 0, null, List.of()));
    }

    @Test
    void equalContentIsAnEqualValue() {
        assertEquals(new BookSnapshot(1, 2, 0, List.of(new PriceLevel(99, 1)), List.of()),
                new BookSnapshot(1, 2, 0, new ArrayList<>(List.of(new PriceLevel(99, 1))), new ArrayList<>()));
    }
}

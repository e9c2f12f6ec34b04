package io.tradingchassis.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.intent.Disposition;
import io.tradingchassis.core.intent.Reason;
import io.tradingchassis.core.queue.DominanceQueue;
import io.tradingchassis.core.queue.QueueOutput;
import io.tradingchassis.core.queue.QueueProcessor;
import org.junit.jupiter.api.Test;

/** The Strategy's working-key projection (SPEC §5 step 3) over pending, inflight and live work. */
class StateViewTest {

    private static final QueueOutput IGNORE = new QueueOutput() {
        @Override
        public void onDisposition(long intentId, long orderKey, CommandType type, Disposition d, Reason r) {
        }

        @Override
        public void onDispatch(PendingCommand command) {
        }

        @Override
        public void onObligation(long deadlineNs, long scopeKey) {
        }
    };

    private final CoreConfiguration cfg = CoreConfiguration.parse(
            "{\"instruments\":[{\"symbol\":\"X\",\"tickSize\":\"1\",\"lotSize\":\"1\"}]}", "test");

    @Test
    void pendingCancelOverAnInflightNewShowsTheNewsPriceAndIsCancelling() {
        State s = new State();
        ExecutionState x = s.execution();
        DominanceQueue.admit(x, 0, CommandType.NEW, 7, 0, Side.BUY, 100, 3, IGNORE);
        new QueueProcessor().process(x, cfg, 1_000, false, IGNORE); // the NEW is inflight, no Order yet
        DominanceQueue.admit(x, 1, CommandType.CANCEL, 7, 0, Side.BUY, 0, 0, IGNORE); // waits on EC5
        x.rebuildWorkingIndex();
        assertEquals(1, s.workingCount());
        assertEquals(7, s.workingKey(0));
        assertEquals(Side.BUY, s.workingSide(0));
        assertEquals(100, s.workingPriceTicks(0), "heading price comes from the inflight NEW");
        assertEquals(3, s.workingQtyLots(0));
        assertTrue(s.workingCancelling(0));
    }

    @Test
    void workingKeysAreAscendingAndPendingReplaceDecidesThePrice() {
        State s = new State();
        ExecutionState x = s.execution();
        x.addOrder(new Order(20, 0, Side.SELL, 105, 2, 0));
        x.transition(x.order(20), io.tradingchassis.core.view.OrderStatus.ACCEPTED);
        DominanceQueue.admit(x, 0, CommandType.NEW, 9, 0, Side.BUY, 99, 1, IGNORE);
        DominanceQueue.admit(x, 1, CommandType.REPLACE, 20, 0, Side.SELL, 107, 2, IGNORE);
        x.rebuildWorkingIndex();
        assertEquals(2, s.workingCount());
        assertEquals(9, s.workingKey(0));
        assertEquals(20, s.workingKey(1));
        assertEquals(99, s.workingPriceTicks(0));
        assertEquals(107, s.workingPriceTicks(1), "a pending REPLACE decides where the key is heading");
    }
}

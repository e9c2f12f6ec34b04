package io.tradingchassis.core.step;

import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.risk.RiskView;
import io.tradingchassis.core.state.ExecutionState;
import io.tradingchassis.core.state.Order;
import io.tradingchassis.core.state.PendingCommand;
import io.tradingchassis.core.state.PendingQueue;
import io.tradingchassis.core.state.State;
import org.agrona.collections.Long2ObjectHashMap;

/** The risk policies' read-only view of State (SPEC §5 step 4); holds State privately. */
final class RiskContext extends StateReader implements RiskView {
    RiskContext bind(State s) {
        bindState(s);
        return this;
    }

    void unbind() {
        bindState(null);
    }





    @Override
    public int keyInstrument(long orderKey) {
        ExecutionState x = state().execution();
        Order o = x.orders().get(orderKey);
        if (o != null) {
            return o.instrument();
        }
        PendingCommand c = target(x, orderKey);
        return c == null ? -1 : c.instrument();
    }

    @Override
    public Side keySide(long orderKey) {
        ExecutionState x = state().execution();
        Order o = x.orders().get(orderKey);
        if (o != null) {
            return o.side();
        }
        PendingCommand c = target(x, orderKey);
        return c == null ? null : c.side();
    }

    private static PendingCommand target(ExecutionState x, long key) {
        PendingCommand c = x.inflight().get(key);
        return c != null ? c : x.queue().forKey(key);
    }

    @Override
    public long sameSideExposureLots(int instrument, Side side, long excludeKey) {
        ExecutionState x = state().execution();
        long sign = side.sign();
        long sum = x.orders().openLeavesLots(instrument, sign);
        Order excluded = x.orders().get(excludeKey);
        if (excluded != null && !excluded.status().isTerminal() && excluded.instrument() == instrument
                && excluded.side().sign() == sign) {
            sum -= excluded.leavesLots();
        }
        PendingQueue q = x.queue();
        for (int p = 0; p < q.size(); p++) {
            PendingCommand c = q.at(p);
            if (c.type() == CommandType.NEW && c.orderKey() != excludeKey && c.instrument() == instrument
                    && c.side().sign() == sign) {
                sum += c.qtyLots();
            }
        }
        Long2ObjectHashMap<PendingCommand>.ValueIterator it = x.inflight().iterator();
        while (it.hasNext()) { // a sum: iteration order cannot reach the verdict
            PendingCommand c = it.next();
            if (c.type() == CommandType.NEW && x.orders().get(c.orderKey()) == null && c.orderKey() != excludeKey
                    && c.instrument() == instrument && c.side().sign() == sign) {
                sum += c.qtyLots();
            }
        }
        return sum;
    }

    @Override
    public long openOrderCount() {
        ExecutionState x = state().execution();
        long n = x.orders().liveCount();
        PendingQueue q = x.queue();
        for (int p = 0; p < q.size(); p++) {
            if (q.at(p).type() == CommandType.NEW) {
                n++;
            }
        }
        Long2ObjectHashMap<PendingCommand>.ValueIterator it = x.inflight().iterator();
        while (it.hasNext()) {
            PendingCommand c = it.next();
            if (c.type() == CommandType.NEW && x.orders().get(c.orderKey()) == null) {
                n++;
            }
        }
        return n;
    }

}

package io.tradingchassis.properties.support;

import io.tradingchassis.core.event.Bbo;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSnapshot;
import io.tradingchassis.core.event.ConfigurationActivated;
import io.tradingchassis.core.event.ControlTime;
import io.tradingchassis.core.event.DispatchFailed;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.FeedGap;
import io.tradingchassis.core.event.KillSwitch;
import io.tradingchassis.core.event.OrderAccepted;
import io.tradingchassis.core.event.OrderCancelled;
import io.tradingchassis.core.event.OrderExpired;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.event.OrderRejected;
import io.tradingchassis.core.event.OrderReplaced;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.SessionStart;
import io.tradingchassis.core.event.Trade;

/** Event helpers: the same event with other timestamps. */
public final class Events {
    private Events() {
    }

    /** {@code e} with {@code exchTsNs} and {@code localTsNs} replaced (a Control-Time event keeps its deadline). */
    public static Event withTimes(Event e, long exch, long local) {
        if (e instanceof BookDelta x) {
            return new BookDelta(exch, local, x.instrument(), x.side(), x.priceTicks(), x.qtyLots());
        } else if (e instanceof BookSnapshot x) {
            return new BookSnapshot(exch, local, x.instrument(), x.bids(), x.asks());
        } else if (e instanceof Trade x) {
            return new Trade(exch, local, x.instrument(), x.aggressorSide(), x.priceTicks(), x.qtyLots());
        } else if (e instanceof Bbo x) {
            return new Bbo(exch, local, x.instrument(), x.bidTicks(), x.bidLots(), x.askTicks(), x.askLots());
        } else if (e instanceof OrderAccepted x) {
            return new OrderAccepted(exch, local, x.orderId());
        } else if (e instanceof OrderRejected x) {
            return new OrderRejected(exch, local, x.orderId(), x.requestId(), x.reason());
        } else if (e instanceof OrderFilled x) {
            return new OrderFilled(exch, local, x.orderId(), x.fillQtyLots(), x.fillPriceTicks(), x.leavesLots(),
                    x.liquidity());
        } else if (e instanceof OrderCancelled x) {
            return new OrderCancelled(exch, local, x.orderId(), x.requestId());
        } else if (e instanceof OrderReplaced x) {
            return new OrderReplaced(exch, local, x.orderId(), x.requestId(), x.priceTicks(), x.qtyLots());
        } else if (e instanceof OrderExpired x) {
            return new OrderExpired(exch, local, x.orderId());
        } else if (e instanceof OrderSubmitted x) {
            return new OrderSubmitted(exch, local, x.orderId(), x.requestId(), x.command());
        } else if (e instanceof DispatchFailed x) {
            return new DispatchFailed(exch, local, x.orderId(), x.requestId(), x.reason());
        } else if (e instanceof SessionStart) {
            return new SessionStart(exch, local);
        } else if (e instanceof KillSwitch x) {
            return new KillSwitch(exch, local, x.on());
        } else if (e instanceof ConfigurationActivated x) {
            return new ConfigurationActivated(exch, local, x.fingerprint());
        } else if (e instanceof FeedGap x) {
            return new FeedGap(exch, local, x.instrument());
        } else if (e instanceof ControlTime x) {
            return new ControlTime(exch, local, x.deadlineNs(), x.reason());
        }
        throw new IllegalArgumentException("unknown event " + e);
    }
}

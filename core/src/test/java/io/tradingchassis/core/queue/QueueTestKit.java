package io.tradingchassis.core.queue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventStreamEntry;
import io.tradingchassis.core.event.OrderAccepted;
import io.tradingchassis.core.event.OrderCommand;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.intent.Disposition;
import io.tradingchassis.core.intent.Reason;
import io.tradingchassis.core.risk.RiskEngine;
import io.tradingchassis.core.state.ExecutionState;
import io.tradingchassis.core.state.PendingCommand;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.core.step.DispatchRequest;
import io.tradingchassis.core.step.StepResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Shared fixtures for the queue, risk, strategy and execution-pipeline tests: a one-instrument
 * configuration builder, an engine driver with a test clock, and a recording {@link QueueOutput}.
 * Test code only; holds no hidden state beyond the driver it is asked to build.
 */
public final class QueueTestKit {

    /** The single instrument (index 0) every fixture configuration defines. */
    public static final String INSTRUMENT = "{\"symbol\":\"BTCUSDT\",\"tickSize\":\"0.1\",\"lotSize\":\"0.001\"}";

    /** Start of the test clock: 1 000 s in ns. */
    public static final long T0 = 1_000_000_000_000L;

    private QueueTestKit() {
    }

    /** A one-instrument configuration plus {@code extraFields} (comma-separated JSON members, or ""). */
    public static CoreConfiguration config(String extraFields) {
        String json = "{\"instruments\":[" + INSTRUMENT + "]" + (extraFields.isEmpty() ? "" : "," + extraFields) + "}";
        return CoreConfiguration.parse(json, "test");
    }

    /** {@code "rateLimit":{...}} member. */
    public static String rateLimit(long capacity, long refillPerSecond) {
        return "\"rateLimit\":{\"capacity\":" + capacity + ",\"refillPerSecond\":" + refillPerSecond + "}";
    }

    /** {@code "risk":{...}} member. */
    public static String risk(long maxOrderQty, long maxPosition, long maxOpenOrders, long priceBand) {
        return "\"risk\":{\"maxOrderQtyLots\":" + maxOrderQty + ",\"maxPositionLots\":" + maxPosition
                + ",\"maxOpenOrders\":" + maxOpenOrders + ",\"priceBandTicks\":" + priceBand + "}";
    }

    /** {@code "commandPriority":[...]} member. */
    public static String priority(CommandType... order) {
        StringBuilder sb = new StringBuilder("\"commandPriority\":[");
        for (int i = 0; i < order.length; i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(order[i].name()).append('"');
        }
        return sb.append(']').toString();
    }

    /** {@code "strategy":{"id":..., "parameters":{...}}} member; {@code params} is "" or JSON members. */
    public static String strategy(String id, String params) {
        return "\"strategy\":{\"id\":\"" + id + "\",\"parameters\":{" + params + "}}";
    }

    /** One reported disposition. */
    public record Disp(long intentId, long orderKey, CommandType type, Disposition disposition, Reason reason) {
    }

    /** A {@link QueueOutput} that records everything, in call order (dispatches are copied). */
    public static final class Recorder implements QueueOutput {
        public final List<Disp> dispositions = new ArrayList<>();
        public final List<DispatchRequest> dispatches = new ArrayList<>();
        public boolean hasObligation;
        public long obligationDeadlineNs;
        public long obligationScopeKey;
        public int obligationCalls;

        /** Forgets everything (start of a step). */
        public void clear() {
            dispositions.clear();
            dispatches.clear();
            hasObligation = false;
            obligationDeadlineNs = 0;
            obligationScopeKey = 0;
            obligationCalls = 0;
        }

        @Override
        public void onDisposition(long intentId, long orderKey, CommandType type, Disposition d, Reason reason) {
            dispositions.add(new Disp(intentId, orderKey, type, d, reason));
        }

        @Override
        public void onDispatch(PendingCommand command) {
            dispatches.add(new DispatchRequest(command.requestId(), command.orderKey(), command.type(),
                    command.instrument(), command.side(), command.priceTicks(), command.qtyLots()));
        }

        @Override
        public void onObligation(long deadlineNs, long scopeKey) {
            hasObligation = true;
            obligationDeadlineNs = deadlineNs;
            obligationScopeKey = scopeKey;
            obligationCalls++;
        }

        /** The dispositions reported for one intent id. */
        public List<Disp> of(long intentId) {
            List<Disp> out = new ArrayList<>();
            for (Disp d : dispositions) {
                if (d.intentId() == intentId) {
                    out.add(d);
                }
            }
            return out;
        }
    }

    /** One engine, one State, one configuration and a test clock. */
    public static final class Driver {
        public final CoreConfiguration cfg;
        public final CoreEngine engine;
        public final State state = new State();
        private long clock = T0;
        private long nextRecordRequestId = 1_000_000;

        public Driver(CoreConfiguration cfg) {
            this(cfg, new CoreEngine());
        }

        public Driver(CoreConfiguration cfg, RiskEngine risk) {
            this(cfg, new CoreEngine(risk));
        }

        /** A driver around a given engine (e.g. one built with a test strategy in the step package). */
        public Driver(CoreConfiguration cfg, CoreEngine engine) {
            this.cfg = cfg;
            this.engine = engine;
        }

        /** Execution State. */
        public ExecutionState x() {
            return state.execution();
        }

        /** The test clock (the last timestamp handed out). */
        public long now() {
            return clock;
        }

        /** Advances the clock by {@code dtNs} (may be 0) and returns it. */
        public long advance(long dtNs) {
            clock += dtNs;
            return clock;
        }

        /** The next timestamp: 1 µs later. */
        public long tick() {
            return advance(1_000);
        }

        /** Sets the clock (never backwards). */
        public void at(long t) {
            if (t < clock) {
                throw new IllegalArgumentException("clock would go back from " + clock + " to " + t);
            }
            clock = t;
        }

        /** Applies {@code e} at the next position; returns an independent copy of the result. */
        public StepResult apply(Event e) {
            return engine.processEventEntry(state, new EventStreamEntry(state.lastPosition() + 1, e), cfg).copy();
        }

        /** Sets the top of book: one bid level and one ask level (two BookDelta entries). */
        public StepResult book(long bidPx, long bidQty, long askPx, long askQty) {
            long t = tick();
            apply(new BookDelta(t, t, 0, BookSide.BID, bidPx, bidQty));
            t = tick();
            return apply(new BookDelta(t, t, 0, BookSide.ASK, askPx, askQty));
        }

        /** An OrderSubmitted NEW record at the next tick. */
        public OrderSubmitted submittedNew(long key, Side side, long px, long qty) {
            long t = tick();
            return new OrderSubmitted(t, t, key, nextRecordRequestId++,
                    new OrderCommand(CommandType.NEW, 0, side, px, qty));
        }

        /** Creates an Accepted order with nothing inflight (OrderSubmitted NEW, then OrderAccepted). */
        public void liveOrder(long key, Side side, long px, long qty) {
            apply(submittedNew(key, side, px, qty));
            long t = tick();
            apply(new OrderAccepted(t, t, key));
        }
    }
}

package io.tradingchassis.core.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.Bbo;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.BookSnapshot;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.ConfigurationActivated;
import io.tradingchassis.core.event.ControlTime;
import io.tradingchassis.core.event.ControlTimeReason;
import io.tradingchassis.core.event.DispatchFailed;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventStreamEntry;
import io.tradingchassis.core.event.FeedGap;
import io.tradingchassis.core.event.KillSwitch;
import io.tradingchassis.core.event.OrderAccepted;
import io.tradingchassis.core.event.OrderCancelled;
import io.tradingchassis.core.event.OrderCommand;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.event.OrderRejected;
import io.tradingchassis.core.event.OrderReplaced;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.PriceLevel;
import io.tradingchassis.core.event.SessionStart;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.Trade;
import io.tradingchassis.core.state.Invariant;
import io.tradingchassis.core.state.InvariantViolation;
import io.tradingchassis.core.state.L2Book;
import io.tradingchassis.core.state.Order;
import io.tradingchassis.core.state.PendingCommand;
import io.tradingchassis.core.state.State;
import java.util.List;

/**
 * Test driver around one {@link CoreEngine} and one {@link State}: builds events with increasing
 * {@code localTsNs}, appends them at the next position, and checks violations leave State untouched
 * (SPEC §5: never half-applied).
 */
public final class Harness {

    /** Two instruments: index 0 and 1. The default strategy ("none") emits nothing. */
    public static final String TWO_INSTRUMENTS_JSON = "{\"instruments\":["
            + "{\"symbol\":\"BTCUSDT\",\"tickSize\":\"0.1\",\"lotSize\":\"0.001\"},"
            + "{\"symbol\":\"ETHUSDT\",\"tickSize\":\"0.01\",\"lotSize\":\"0.01\"}]}";

    /** Start of the test clock, in ns. */
    public static final long T0 = 1_000_000_000L;

    /** The two-instrument configuration. */
    public static CoreConfiguration twoInstruments() {
        return CoreConfiguration.parse(TWO_INSTRUMENTS_JSON, "test");
    }

    public final CoreConfiguration cfg;
    public final CoreEngine engine = new CoreEngine();
    public State state = new State();
    private long clock = T0;

    public Harness() {
        this(twoInstruments());
    }

    public Harness(CoreConfiguration cfg) {
        this.cfg = cfg;
    }

    /** The next position the stream expects. */
    public long nextPosition() {
        return state.lastPosition() + 1;
    }

    /** The next local timestamp: 1 µs after the previous one. */
    public long tick() {
        clock += 1_000;
        return clock;
    }

    /** The last timestamp handed out. */
    public long clock() {
        return clock;
    }

    /** Applies {@code e} at the next position and returns the result. */
    public StepResult apply(Event e) {
        return engine.processEventEntry(state, new EventStreamEntry(nextPosition(), e), cfg);
    }

    /** Applies several events in order. */
    public void applyAll(Event... events) {
        for (Event e : events) {
            apply(e);
        }
    }

    /** Expects {@code e} at the next position to violate {@code invariant}; see {@link #violatesAt}. */
    public InvariantViolation violates(Invariant invariant, Event e) {
        return violatesAt(invariant, nextPosition(), e);
    }

    /**
     * Expects the entry {@code (position, e)} to violate {@code invariant}, and asserts the caller's
     * State is exactly unchanged (same digest, same lastPosition) and the message names the invariant
     * id and the position.
     */
    public InvariantViolation violatesAt(Invariant invariant, long position, Event e) {
        String digestBefore = state.digest();
        long lastBefore = state.lastPosition();
        long controlBefore = state.control().controlTimeNs();
        InvariantViolation v = assertThrows(InvariantViolation.class,
                () -> engine.processEventEntry(state, new EventStreamEntry(position, e), cfg));
        assertEquals(invariant, v.invariant(), () -> "wrong invariant: " + v.getMessage());
        assertEquals(position, v.position(), "violation position");
        assertTrue(v.getMessage().startsWith(invariant.name() + " violated at position " + position + ":"),
                () -> "message must name the invariant and the position: " + v.getMessage());
        assertEquals(digestBefore, state.digest(), () -> "State changed by a violating entry: " + v.getMessage());
        assertEquals(lastBefore, state.lastPosition(), "lastPosition changed by a violating entry");
        assertEquals(controlBefore, state.control().controlTimeNs(), "control time changed by a violating entry");
        return v;
    }

    // ------------------------------------------------------------------ accessors

    /** The order while it is live (or became terminal in the last step... it retires at the step's end), or null. */
    public Order order(long id) {
        return state.execution().orders().get(id);
    }

    /** Request id of the key's inflight request, or {@code NO_REQUEST_FOR_TEST} when none. */
    public long inflightRequest(long id) {
        PendingCommand c = state.execution().inflight().get(id);
        return c == null ? NO_REQUEST_FOR_TEST : c.requestId();
    }

    /** A request id no request carries: answers naming it are EV1. */
    public static final long NO_REQUEST_FOR_TEST = 999_999_999L;

    private long nextRequestId = 1;

    /** The request id for the next record of a stream without a Strategy (the records establish requests). */
    public long nextRecordRequestId() {
        return nextRequestId++;
    }

    /** The book of an instrument, or null when it was never touched. */
    public L2Book book(int instrument) {
        return state.market().bookOrNull(instrument);
    }

    // ------------------------------------------------------------------ event factories (each takes a tick)

    public BookDelta delta(int instrument, BookSide side, long px, long qty) {
        long t = tick();
        return new BookDelta(t - 7, t, instrument, side, px, qty);
    }

    public BookSnapshot snapshot(int instrument, List<PriceLevel> bids, List<PriceLevel> asks) {
        long t = tick();
        return new BookSnapshot(t - 7, t, instrument, bids, asks);
    }

    public Trade trade(int instrument, Side aggressor, long px, long qty) {
        long t = tick();
        return new Trade(t - 7, t, instrument, aggressor, px, qty);
    }

    public Bbo bbo(int instrument, long bidPx, long bidQty, long askPx, long askQty) {
        long t = tick();
        return new Bbo(t - 7, t, instrument, bidPx, bidQty, askPx, askQty);
    }

    public OrderSubmitted submitNew(long id, int instrument, Side side, long px, long qty) {
        long t = tick();
        return new OrderSubmitted(t, t, id, nextRecordRequestId(),
                new OrderCommand(CommandType.NEW, instrument, side, px, qty));
    }

    /** A REPLACE record for an existing order (instrument and side copied from it when it exists). */
    public OrderSubmitted submitReplace(long id, long px, long qty) {
        Order o = order(id);
        long t = tick();
        return new OrderSubmitted(t, t, id, nextRecordRequestId(), new OrderCommand(CommandType.REPLACE,
                o == null ? 0 : o.instrument(),
                o == null ? Side.BUY : o.side(), px, qty));
    }

    /** A CANCEL record for an existing order. */
    public OrderSubmitted submitCancel(long id) {
        Order o = order(id);
        long t = tick();
        return new OrderSubmitted(t, t, id, nextRecordRequestId(), new OrderCommand(CommandType.CANCEL,
                o == null ? 0 : o.instrument(),
                o == null ? Side.BUY : o.side(), 0, 0));
    }

    public OrderAccepted accepted(long id) {
        long t = tick();
        return new OrderAccepted(t - 7, t, id);
    }

    public OrderRejected rejected(long id) {
        long t = tick();
        return new OrderRejected(t - 7, t, id, inflightRequest(id), "test reject");
    }

    public OrderFilled filled(long id, long qty, long px, long leaves) {
        long t = tick();
        return new OrderFilled(t - 7, t, id, qty, px, leaves);
    }

    /** A cancel answering the key's inflight CANCEL, or an unsolicited one when no CANCEL is inflight. */
    public OrderCancelled cancelled(long id) {
        long t = tick();
        PendingCommand c = state.execution().inflight().get(id);
        return new OrderCancelled(t - 7, t, id, c != null && c.type() == CommandType.CANCEL ? c.requestId()
                : OrderCancelled.UNSOLICITED);
    }

    public OrderReplaced replaced(long id, long px, long qty) {
        long t = tick();
        return new OrderReplaced(t - 7, t, id, inflightRequest(id), px, qty);
    }

    public DispatchFailed dispatchFailed(long id) {
        long t = tick();
        return new DispatchFailed(t, t, id, inflightRequest(id), "connection reset");
    }

    public SessionStart sessionStart() {
        long t = tick();
        return new SessionStart(t, t);
    }

    public KillSwitch killSwitch(boolean on) {
        long t = tick();
        return new KillSwitch(t, t, on);
    }

    public ConfigurationActivated configurationActivated(String fingerprint) {
        long t = tick();
        return new ConfigurationActivated(t, t, fingerprint);
    }

    public FeedGap feedGap(int instrument) {
        long t = tick();
        return new FeedGap(t, t, instrument);
    }

    /** A Control-Time event as the runtime injects it: {@code localTsNs == deadlineNs}. */
    public ControlTime controlTime(long deadlineNs) {
        if (deadlineNs > clock) {
            clock = deadlineNs;
        }
        return new ControlTime(deadlineNs, deadlineNs, deadlineNs, ControlTimeReason.RATE_LIMIT_RECOVERY);
    }

    /** Submits and accepts a BUY/SELL order: it ends Accepted with nothing inflight. */
    public void acceptedOrder(long id, int instrument, Side side, long px, long qty) {
        apply(submitNew(id, instrument, side, px, qty));
        apply(accepted(id));
    }
}

package io.tradingchassis.core.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

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
import io.tradingchassis.core.state.InvariantViolation;
import io.tradingchassis.core.state.State;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * SPEC §5 and §11 on hostile input: a stream of arbitrary, mostly malformed events (wrong ids, extreme
 * and negative numbers, nulls where a record allows them, wrong positions) through the full pipeline
 * with a market maker. Each step either applies, or throws {@link InvariantViolation} with a one-line
 * message and leaves State exactly as it was (same digest, same position). No other exception —
 * NullPointerException, ArithmeticException, IndexOutOfBounds — may escape the core.
 */
class HostileStreamTest {

    private static final CoreConfiguration CFG = CoreConfiguration.parse("{\"instruments\":["
            + "{\"symbol\":\"A\",\"tickSize\":\"1\",\"lotSize\":\"1\"},{\"symbol\":\"B\",\"tickSize\":\"1\","
            + "\"lotSize\":\"1\"}],\"strategy\":{\"id\":\"market-maker\",\"parameters\":{\"halfSpreadTicks\":3}},"
            + "\"rateLimit\":{\"capacity\":3,\"refillPerSecond\":2}}", "hostile");

    @Test
    void everyStepAppliesOrViolatesWithStateUnchanged() {
        AtomicInteger applied = new AtomicInteger();
        AtomicInteger violated = new AtomicInteger();
        qt().withFixedSeed(1105L).withExamples(60)
                .forAll(longs().all())
                .checkAssert(seed -> {
                    Random r = new Random(seed);
                    State state = new State();
                    CoreEngine engine = new CoreEngine();
                    long clock = 1_000_000_000L;
                    for (int i = 0; i < 1_500; i++) {
                        clock += r.nextInt(3) == 0 ? 0 : r.nextInt(400_000_000);
                        long pos = r.nextInt(50) == 0 ? state.lastPosition() + r.nextInt(5) - 2 : state.lastPosition() + 1;
                        if (pos < 0) {
                            pos = 0;
                        }
                        Event e = hostile(r, clock, state);
                        String before = state.digest();
                        long lastBefore = state.lastPosition();
                        try {
                            StepResult res = engine.processEventEntry(state, new EventStreamEntry(pos, e), CFG);
                            applied.incrementAndGet();
                            // Answer every dispatch with its record, as a runtime would.
                            for (int d = 0; d < res.dispatchCount(); d++) {
                                OrderCommand c = res.dispatch(d).toOrderCommand();
                                long key = res.dispatch(d).orderKey();
                                engine.processEventEntry(state, new EventStreamEntry(state.lastPosition() + 1,
                                        new OrderSubmitted(clock, clock, key, c)), CFG);
                            }
                        } catch (InvariantViolation v) {
                            violated.incrementAndGet();
                            assertEquals(before, state.digest(), () -> "seed " + seed + ": State changed by " + v);
                            assertEquals(lastBefore, state.lastPosition());
                            assertTrue(!v.getMessage().contains("\n"), "one line: " + v.getMessage());
                        }
                    }
                });
        assertTrue(applied.get() > 10_000, "applied steps: " + applied.get());
        assertTrue(violated.get() > 10_000, "violating steps: " + violated.get());
    }

    /** Regression (found by the property above): a mismatching record once created the Order first. */
    @Test
    void aRecordThatDoesNotMatchItsDispatchIsEv1AndCreatesNoOrder() {
        State state = new State();
        CoreEngine engine = new CoreEngine();
        engine.processEventEntry(state, new EventStreamEntry(0, new BookDelta(1, 1, 0, BookSide.BID, 95, 5)), CFG);
        StepResult r = engine.processEventEntry(state,
                new EventStreamEntry(1, new BookDelta(2, 2, 0, BookSide.ASK, 105, 5)), CFG);
        assertEquals(2, r.dispatchCount(), "the maker quotes both sides");
        long key = r.dispatch(0).orderKey();
        OrderCommand sent = r.dispatch(0).toOrderCommand();
        OrderCommand wrong = new OrderCommand(sent.type(), sent.instrument(), sent.side(), sent.priceTicks(),
                sent.qtyLots() + 1);
        String before = state.digest();
        InvariantViolation v = org.junit.jupiter.api.Assertions.assertThrows(InvariantViolation.class,
                () -> engine.processEventEntry(state, new EventStreamEntry(2, new OrderSubmitted(3, 3, key, wrong)),
                        CFG));
        assertEquals(io.tradingchassis.core.state.Invariant.EV1, v.invariant());
        assertEquals(before, state.digest());
        assertEquals(null, state.execution().orders().get(key), "no Order from a rejected record");
        engine.processEventEntry(state, new EventStreamEntry(2, new OrderSubmitted(3, 3, key, sent)), CFG);
        assertEquals(io.tradingchassis.core.view.OrderStatus.SUBMITTED, state.execution().orders().get(key).status());
    }

    private static long num(Random r) {
        switch (r.nextInt(8)) {
            case 0:
                return Long.MAX_VALUE - r.nextInt(3);
            case 1:
                return Long.MIN_VALUE + r.nextInt(3);
            case 2:
                return -r.nextInt(5);
            case 3:
                return 0;
            default:
                return 90 + r.nextInt(20);
        }
    }

    private static long orderId(Random r, State s) {
        long[] ids = s.execution().orders().ids();
        if (ids.length > 0 && r.nextInt(4) != 0) {
            return ids[r.nextInt(ids.length)];
        }
        long[] inflight = s.execution().inflight().keys();
        if (inflight.length > 0 && r.nextBoolean()) {
            return inflight[r.nextInt(inflight.length)];
        }
        return r.nextInt(20) - 2;
    }

    private static Event hostile(Random r, long t, State s) {
        int inst = r.nextInt(10) == 0 ? r.nextInt(7) - 3 : r.nextInt(2);
        Side side = r.nextInt(20) == 0 ? null : r.nextBoolean() ? Side.BUY : Side.SELL;
        BookSide bs = r.nextInt(20) == 0 ? null : r.nextBoolean() ? BookSide.BID : BookSide.ASK;
        long id = orderId(r, s);
        switch (r.nextInt(17)) {
            case 0:
            case 1:
            case 2:
                return new BookDelta(t, t, inst, bs, num(r), r.nextInt(6) == 0 ? num(r) : r.nextInt(5));
            case 3:
                return new BookSnapshot(t, t, inst, List.of(new PriceLevel(num(r), num(r)), new PriceLevel(95, 2)),
                        List.of(new PriceLevel(105, 1), new PriceLevel(num(r), 3)));
            case 4:
                return new Trade(t, t, inst, side, num(r), num(r));
            case 5:
                return new Bbo(t, t, inst, num(r), num(r), num(r), num(r));
            case 6:
                return new OrderAccepted(t, t, id);
            case 7:
                return new OrderRejected(t, t, id, r.nextBoolean() ? null : "no");
            case 8:
                return new OrderFilled(t, t, id, num(r) % 4, num(r), num(r) % 4);
            case 9:
                return new OrderCancelled(t, t, id);
            case 10:
                return new OrderReplaced(t, t, id, num(r), num(r));
            case 11:
                CommandType type = r.nextInt(10) == 0 ? null : CommandType.values()[r.nextInt(3)];
                return new OrderSubmitted(t, t, id, r.nextInt(20) == 0 ? null
                        : new OrderCommand(type, inst, side, num(r), num(r)));
            case 12:
                return new DispatchFailed(t, t, id, "down");
            case 13:
                return new KillSwitch(t, t, r.nextInt(4) == 0);
            case 14:
                return r.nextBoolean() ? new FeedGap(t, t, inst) : new SessionStart(t, t);
            case 15:
                return new ConfigurationActivated(t, t, r.nextBoolean() ? CFG.fingerprint() : "sha256:00");
            default:
                long deadline = r.nextBoolean() ? t : num(r);
                return new ControlTime(t, r.nextBoolean() ? deadline : t, deadline, ControlTimeReason.RATE_LIMIT_RECOVERY);
        }
    }
}

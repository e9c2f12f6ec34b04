package io.tradingchassis.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.ControlTime;
import io.tradingchassis.core.event.ControlTimeReason;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.intent.Disposition;
import io.tradingchassis.core.intent.IntentView;
import io.tradingchassis.core.intent.Reason;
import io.tradingchassis.core.queue.QueueTestKit;
import io.tradingchassis.core.queue.QueueTestKit.Driver;
import io.tradingchassis.core.risk.RiskPoliciesTest.Bench;
import io.tradingchassis.core.risk.RiskPoliciesTest.Intent;
import io.tradingchassis.core.risk.RiskPoliciesTest.Planned;
import io.tradingchassis.core.state.L2Book;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.core.step.StepResult;
import io.tradingchassis.core.strategy.OrderKeys;
import io.tradingchassis.core.strategy.Strategy;
import io.tradingchassis.core.testkit.TestStrategies;
import io.tradingchassis.core.view.BookView;
import io.tradingchassis.core.view.OrderView;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC §5 step 4, R2: exactly one verdict per Intent; anything thrown inside Risk is a denial. */
class RiskEngineTest {
    static final RiskPolicy ALLOW = (s, c, in) -> Reason.NONE;
    static final RiskPolicy THROWS = (s, c, in) -> {
        throw new IllegalStateException("policy bug");
    };
    static final RiskPolicy NULL = (s, c, in) -> null;

    final CoreConfiguration cfg = QueueTestKit.config("");
    final IntentView in = new Intent(CommandType.NEW, 1, 0, Side.BUY, 1000, 1);

    /**
     * A RiskView with nothing in it: the policies of these unit tests never read it (policies that do
     * are tested against the engine's own view in {@link RiskPoliciesTest}).
     */
    static final RiskView EMPTY = new RiskView() {
        @Override
        public boolean killSwitch() {
            return false;
        }

        @Override
        public BookView book(int instrument) {
            return new L2Book();
        }

        @Override
        public long positionLots(int instrument) {
            return 0;
        }

        @Override
        public OrderView order(long orderKey) {
            return null;
        }

        @Override
        public int keyInstrument(long orderKey) {
            return -1;
        }

        @Override
        public Side keySide(long orderKey) {
            return null;
        }

        @Override
        public long sameSideExposureLots(int instrument, Side side, long excludeKey) {
            return 0;
        }

        @Override
        public long openOrderCount() {
            return 0;
        }

        @Override
        public long orderKeyHighWater() {
            return Long.MIN_VALUE;
        }
    };

    Reason check(RiskPolicy... policies) {
        return new RiskEngine(List.of(policies)).check(EMPTY, cfg, in);
    }

    static RiskPolicy deny(Reason r) {
        return (s, c, in) -> r;
    }

    static RiskPolicy throwing(Supplier<? extends Throwable> t) {
        return (s, c, in) -> RiskEngineTest.<RuntimeException>sneakyThrow(t.get());
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> Reason sneakyThrow(Throwable t) throws E {
        throw (E) t;
    }

    @Test
    void R2_throwingPolicy_isPolicyError() {
        assertEquals(Reason.POLICY_ERROR, check(THROWS));
        assertEquals(Reason.POLICY_ERROR, check(ALLOW, THROWS, ALLOW));
        assertFalse(RiskEngine.allowed(Reason.POLICY_ERROR));
    }

    @Test
    void R2_policyReturningNull_isPolicyError() {
        assertEquals(Reason.POLICY_ERROR, check(NULL));
        assertEquals(Reason.POLICY_ERROR, check(ALLOW, NULL));
    }

    @Test
    void R2_sneakyCheckedException_isPolicyError_neverEscapes() {
        assertEquals(Reason.POLICY_ERROR, check(throwing(() -> new IOException("checked, thrown sneakily"))));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("StackOverflowError", (Supplier<Throwable>) StackOverflowError::new),
                Arguments.of("OutOfMemoryError",
                        (Supplier<Throwable>) () -> new OutOfMemoryError("simulated by a test policy")),
                Arguments.of("LinkageError", (Supplier<Throwable>) () -> new LinkageError("policy class changed")),
                Arguments.of("NoClassDefFoundError", (Supplier<Throwable>) () -> new NoClassDefFoundError("Missing")),
                Arguments.of("ExceptionInInitializerError",
                        (Supplier<Throwable>) () -> new ExceptionInInitializerError("static init failed")),
                Arguments.of("AssertionError", (Supplier<Throwable>) () -> new AssertionError("assert in a policy")),
                Arguments.of("exception whose toString() throws", (Supplier<Throwable>) HostileException::new),
                Arguments.of("error whose toString() throws", (Supplier<Throwable>) HostileError::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void R2_anErrorOrAHostileThrowableFromAPolicy_isPolicyError(String name, Supplier<Throwable> t) {
        assertEquals(Reason.POLICY_ERROR, contained(() -> check(throwing(t))), name);
        assertEquals(Reason.POLICY_ERROR, contained(() -> check(ALLOW, throwing(t), deny(Reason.KILL_SWITCH))), name);
    }

    /**
     * Runs {@code check}; anything escaping it becomes a test failure here (JUnit would otherwise
     * rethrow an OutOfMemoryError and abort the whole run instead of reporting this test).
     */
    private static Reason contained(Supplier<Reason> check) {
        try {
            return check.get();
        } catch (Throwable escaped) {
            throw new AssertionError("escaped RiskEngine.check: " + escaped.getClass().getName());
        }
    }

    /** An exception that cannot even be described: toString() and getMessage() throw. */
    static final class HostileException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HostileException() {
            super(null, null, false, false);
        }

        @Override
        public String getMessage() {
            throw new IllegalStateException("getMessage() of a hostile exception");
        }

        @Override
        public String toString() {
            throw new IllegalStateException("toString() of a hostile exception");
        }
    }

    /** An Error that cannot be described either. */
    static final class HostileError extends Error {
        private static final long serialVersionUID = 1L;

        HostileError() {
            super(null, null, false, false);
        }

        @Override
        public String toString() {
            throw new StackOverflowError();
        }
    }

    @Test
    void firstDenialWins_inOrder() {
        assertEquals(Reason.MAX_POSITION, check(deny(Reason.MAX_POSITION), deny(Reason.PRICE_BAND)));
        assertEquals(Reason.PRICE_BAND, check(ALLOW, deny(Reason.PRICE_BAND), deny(Reason.MAX_POSITION)));
        // a denial before a throwing policy wins: the throwing one is never consulted
        assertEquals(Reason.KILL_SWITCH, check(deny(Reason.KILL_SWITCH), THROWS));
        // a throwing policy before a denial: the error is the verdict
        assertEquals(Reason.POLICY_ERROR, check(THROWS, deny(Reason.KILL_SWITCH)));
    }

    @Test
    void laterPoliciesAreNotConsultedAfterADenial() {
        List<String> calls = new ArrayList<>();
        RiskPolicy a = (s, c, x) -> {
            calls.add("a");
            return Reason.NONE;
        };
        RiskPolicy b = (s, c, x) -> {
            calls.add("b");
            return Reason.MAX_OPEN_ORDERS;
        };
        RiskPolicy e = (s, c, x) -> {
            calls.add("c");
            return Reason.NONE;
        };
        assertEquals(Reason.MAX_OPEN_ORDERS, check(a, b, e));
        assertEquals(List.of("a", "b"), calls);
    }

    @Test
    void allAllow_isAllowed_andNoPoliciesIsAllowed() {
        assertEquals(Reason.NONE, check(ALLOW, ALLOW));
        assertEquals(Reason.NONE, check());
        assertTrue(RiskEngine.allowed(Reason.NONE));
    }

    @Test
    void policiesSeeTheViewsTheyAreGiven() {
        List<Object> seen = new ArrayList<>();
        RiskPolicy spy = (s, c, x) -> {
            seen.add(s);
            seen.add(c);
            seen.add(x);
            return Reason.NONE;
        };
        new RiskEngine(List.of(spy)).check(EMPTY, cfg, in);
        assertEquals(List.of(EMPTY, cfg, in), seen);
    }

    @Test
    void engineCopiesThePolicyList() {
        List<RiskPolicy> ps = new ArrayList<>(List.of(ALLOW));
        RiskEngine engine = new RiskEngine(ps);
        ps.add(deny(Reason.KILL_SWITCH)); // later changes to the caller's list do not leak in
        assertEquals(Reason.NONE, engine.check(EMPTY, cfg, in));
    }

    // ------------------------------------------------------------------ inside a real step

    @Test
    void policiesDoNotMutateState_standardChain() {
        // Two identical streams; in one, the step's Intent is judged five times by the standard chain
        // against the engine's own RiskView before the gate denies it, in the other it is denied unseen.
        // Risk reads State, never writes it: both end in the same State.
        Bench judged = exposedBench();
        Bench unseen = exposedBench();
        assertEquals(judged.d.state.digest(), unseen.d.state.digest(), "the two set-ups are equal");
        RiskEngine std = new RiskEngine();
        Intent buy = new Intent(CommandType.NEW, 900, 0, Side.BUY, 1000, 3);
        List<Object> verdicts = judged.run(Planned.ask((v, c, i) -> {
            List<Reason> five = new ArrayList<>();
            for (int k = 0; k < 5; k++) {
                five.add(std.check(v, c, i));
            }
            return five;
        }, buy));
        assertEquals(List.of(List.of(Reason.NONE, Reason.NONE, Reason.NONE, Reason.NONE, Reason.NONE)), verdicts);
        unseen.run(new Planned(buy, Planned.DECOY));
        assertEquals(unseen.d.state.digest(), judged.d.state.digest(), "Risk reads State, never writes it");
    }

    private static Bench exposedBench() {
        Bench b = new Bench("");
        b.book(990, 1010);
        b.liveOrder(1, 0, Side.BUY, 1000, 2);
        b.inflightNew(2, Side.SELL, 1001, 1);
        return b;
    }

    @Test
    void throughTheEngine_anErrorInAPolicyIsAPolicyErrorDenial_andTheStepApplies() {
        // SPEC §5: a step is atomic whatever a risk policy throws, Errors included.
        Strategy emitsOne = (view, out) -> out.newOrder(OrderKeys.fresh(view.position(), 0), 0, Side.BUY, 1000, 1);
        RiskPolicy overflowing = (s, c, x) -> {
            throw new StackOverflowError();
        };
        CoreConfiguration c = TestStrategies.config("{\"instruments\":[" + QueueTestKit.INSTRUMENT + "]}",
                "emits-one", emitsOne);
        Driver d = new Driver(c, new CoreEngine(new RiskEngine(List.of(ALLOW, overflowing))));
        for (int k = 0; k < 3; k++) {
            long t = d.tick();
            StepResult r = d.apply(new ControlTime(t, t, t, ControlTimeReason.RATE_LIMIT_RECOVERY));
            assertEquals(k, d.state.lastPosition(), "the step applied");
            assertNull(r.strategyFailure());
            assertEquals(1, r.dispositionCount(), r.toString());
            assertEquals(Disposition.DENIED, r.disposition(0));
            assertEquals(Reason.POLICY_ERROR, r.dispositionReason(0));
            assertEquals(0, r.dispatchCount());
            assertEquals(0, d.x().queue().size());
            assertEquals(0, d.x().inflight().size());
        }
    }
}

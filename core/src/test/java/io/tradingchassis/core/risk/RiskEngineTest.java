package io.tradingchassis.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.intent.IntentBuffer;
import io.tradingchassis.core.intent.Reason;
import io.tradingchassis.core.queue.QueueTestKit;
import io.tradingchassis.core.queue.QueueTestKit.Driver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SPEC §5 step 4, R2: exactly one verdict per Intent; an exception inside Risk is a denial. */
class RiskEngineTest {
    static final RiskPolicy ALLOW = (s, c, in, i) -> Reason.NONE;
    static final RiskPolicy THROWS = (s, c, in, i) -> {
        throw new IllegalStateException("policy bug");
    };
    static final RiskPolicy NULL = (s, c, in, i) -> null;

    Driver d;
    IntentBuffer in;

    @BeforeEach
    void setUp() {
        d = new Driver(QueueTestKit.config(""));
        d.book(990, 5, 1010, 5);
        in = new IntentBuffer();
        in.newOrder(1, 0, Side.BUY, 1000, 1);
    }

    static RiskPolicy deny(Reason r) {
        return (s, c, in, i) -> r;
    }

    @Test
    void R2_throwingPolicy_isPolicyError() {
        assertEquals(Reason.POLICY_ERROR, new RiskEngine(List.of(THROWS)).check(d.state, d.cfg, in, 0));
        assertEquals(Reason.POLICY_ERROR, new RiskEngine(List.of(ALLOW, THROWS, ALLOW)).check(d.state, d.cfg, in, 0));
        assertFalse(RiskEngine.allowed(Reason.POLICY_ERROR));
    }

    @Test
    void R2_policyReturningNull_isPolicyError() {
        assertEquals(Reason.POLICY_ERROR, new RiskEngine(List.of(NULL)).check(d.state, d.cfg, in, 0));
        assertEquals(Reason.POLICY_ERROR, new RiskEngine(List.of(ALLOW, NULL)).check(d.state, d.cfg, in, 0));
    }

    @Test
    void R2_sneakyCheckedException_isPolicyError_neverEscapes() {
        RiskPolicy sneaky = (s, c, in, i) -> RiskEngineTest.<RuntimeException>sneakyThrow(
                new java.io.IOException("checked, thrown sneakily"));
        assertEquals(Reason.POLICY_ERROR, new RiskEngine(List.of(sneaky)).check(d.state, d.cfg, in, 0));
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> Reason sneakyThrow(Throwable t) throws E {
        throw (E) t;
    }

    @Test
    void firstDenialWins_inOrder() {
        assertEquals(Reason.MAX_POSITION, new RiskEngine(List.of(deny(Reason.MAX_POSITION),
                deny(Reason.PRICE_BAND))).check(d.state, d.cfg, in, 0));
        assertEquals(Reason.PRICE_BAND, new RiskEngine(List.of(ALLOW, deny(Reason.PRICE_BAND),
                deny(Reason.MAX_POSITION))).check(d.state, d.cfg, in, 0));
        // a denial before a throwing policy wins: the throwing one is never consulted
        assertEquals(Reason.KILL_SWITCH, new RiskEngine(List.of(deny(Reason.KILL_SWITCH), THROWS))
                .check(d.state, d.cfg, in, 0));
        // a throwing policy before a denial: the error is the verdict
        assertEquals(Reason.POLICY_ERROR, new RiskEngine(List.of(THROWS, deny(Reason.KILL_SWITCH)))
                .check(d.state, d.cfg, in, 0));
    }

    @Test
    void laterPoliciesAreNotConsultedAfterADenial() {
        List<String> calls = new ArrayList<>();
        RiskPolicy a = (s, c, x, i) -> {
            calls.add("a");
            return Reason.NONE;
        };
        RiskPolicy b = (s, c, x, i) -> {
            calls.add("b");
            return Reason.MAX_OPEN_ORDERS;
        };
        RiskPolicy e = (s, c, x, i) -> {
            calls.add("c");
            return Reason.NONE;
        };
        assertEquals(Reason.MAX_OPEN_ORDERS, new RiskEngine(List.of(a, b, e)).check(d.state, d.cfg, in, 0));
        assertEquals(List.of("a", "b"), calls);
    }

    @Test
    void allAllow_isAllowed_andNoPoliciesIsAllowed() {
        assertEquals(Reason.NONE, new RiskEngine(List.of(ALLOW, ALLOW)).check(d.state, d.cfg, in, 0));
        assertEquals(Reason.NONE, new RiskEngine(List.of()).check(d.state, d.cfg, in, 0));
        assertTrue(RiskEngine.allowed(Reason.NONE));
    }

    @Test
    void policiesDoNotMutateState_standardChain() {
        String before = d.state.digest();
        RiskEngine std = new RiskEngine();
        for (int k = 0; k < 5; k++) {
            std.check(d.state, d.cfg, in, 0);
        }
        assertEquals(before, d.state.digest(), "Risk reads State, never writes it");
    }

    @Test
    void engineCopiesThePolicyList() {
        List<RiskPolicy> ps = new ArrayList<>(List.of(ALLOW));
        RiskEngine engine = new RiskEngine(ps);
        ps.add(deny(Reason.KILL_SWITCH)); // later changes to the caller's list do not leak in
        assertEquals(Reason.NONE, engine.check(d.state, d.cfg, in, 0));
    }
}

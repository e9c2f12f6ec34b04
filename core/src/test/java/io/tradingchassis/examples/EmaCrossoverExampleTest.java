package io.tradingchassis.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.ConfigurationException;
import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.Bbo;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventStreamEntry;
import io.tradingchassis.core.event.OrderAccepted;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.core.step.DispatchRequest;
import io.tradingchassis.core.step.StepResult;
import io.tradingchassis.core.strategy.StrategyCatalog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The example user strategy end to end through the public API only: discovered by ServiceLoader,
 * selected and fingerprinted by the configuration, run by the engine, its memory kept in State (SPEC
 * §5 step 3, §10; issue: "users plug in their own strategies").
 */
class EmaCrossoverExampleTest {

    static final String CONFIG = "{\"instruments\":[{\"symbol\":\"BTCUSDT\",\"tickSize\":\"0.1\",\"lotSize\":\"0.001\"}],"
            + "\"strategy\":{\"id\":\"ema-crossover\",\"parameters\":{\"fastPeriod\":3,\"slowPeriod\":6}}}";

    /** A run: the engine, its State, and a venue that submits, accepts and fills every dispatch at once. */
    static final class Run {
        final CoreConfiguration cfg;
        final CoreEngine engine = new CoreEngine();
        State state = new State();
        final List<String> trades = new ArrayList<>();
        long t = 1_000_000_000L;

        Run(CoreConfiguration cfg) {
            this.cfg = cfg;
        }

        StepResult apply(Event e) {
            return engine.processEventEntry(state, new EventStreamEntry(state.lastPosition() + 1, e), cfg);
        }

        /** One best bid/offer around {@code mid} (spread 2 ticks), then the venue's answers to what it dispatched. */
        void quote(long mid) {
            t += 1_000_000;
            StepResult r = apply(new Bbo(t, t, 0, mid - 1, 5, mid + 1, 5));
            List<DispatchRequest> sent = new ArrayList<>();
            for (int i = 0; i < r.dispatchCount(); i++) {
                sent.add(r.dispatch(i)); // values: safe to keep across steps
            }
            for (DispatchRequest d : sent) {
                trades.add(d.side() + "@" + d.priceTicks());
                t += 1;
                apply(new OrderSubmitted(t, t, d.orderKey(), d.requestId(), d.command()));
                apply(new OrderAccepted(t, t, d.orderKey()));
                apply(new OrderFilled(t, t, d.orderKey(), d.qtyLots(), d.priceTicks(), 0));
            }
        }

        void path(long... mids) {
            for (long m : mids) {
                quote(m);
            }
        }
    }

    static long[] ramp(long from, long step, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = from + step * i;
        }
        return out;
    }

    @Test
    void serviceLoaderFindsTheExampleAndTheFingerprintCoversItsIdVersionAndParameters() {
        assertTrue(StrategyCatalog.standard().ids().contains(EmaCrossoverProvider.ID), StrategyCatalog.standard().ids().toString());
        CoreConfiguration cfg = CoreConfiguration.parse(CONFIG, "example");
        assertTrue(cfg.canonicalJson().contains("\"strategy\":{\"id\":\"ema-crossover\",\"parameters\":{"
                + "\"fastPeriod\":3,\"instrument\":0,\"maxPositionLots\":5,\"orderQtyLots\":1,\"slowPeriod\":6},"
                + "\"version\":\"1.0\"}"), cfg.canonicalJson());
        CoreConfiguration slower = CoreConfiguration.parse(CONFIG.replace("\"slowPeriod\":6", "\"slowPeriod\":7"), "x");
        assertNotEquals(cfg.fingerprint(), slower.fingerprint(), "a parameter is part of the fingerprint");
        CoreConfiguration spelledOut = CoreConfiguration.parse(CONFIG.replace("\"slowPeriod\":6",
                "\"slowPeriod\":6,\"orderQtyLots\":1,\"instrument\":0"), "x");
        assertEquals(cfg.fingerprint(), spelledOut.fingerprint(), "defaults written out change nothing");
    }

    @Test
    void itsOwnValidationIsAConfigurationErrorNamingThePath() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> CoreConfiguration.parse(
                CONFIG.replace("\"fastPeriod\":3", "\"fastPeriod\":6"), "bad.json"));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("$.strategy.parameters")
                && e.getMessage().contains("fastPeriod must be below slowPeriod"), e.getMessage());
    }

    @Test
    void tradesOnEachCrossAndOnlyThen() {
        Run run = new Run(CoreConfiguration.parse(CONFIG, "example"));
        run.path(ramp(1000, 0, 10));   // flat: fast == slow, no side yet
        run.path(ramp(1000, 2, 10));   // rising: the first side (+1) is set, nothing to cross
        assertEquals(List.of(), run.trades);
        run.path(ramp(1018, -3, 10));  // falling: fast crosses below slow → sell at the bid
        assertEquals(1, run.trades.size(), run.trades.toString());
        assertTrue(run.trades.get(0).startsWith("SELL@"), run.trades.toString());
        run.path(ramp(991, 4, 10));    // rising again: cross above → buy at the ask
        assertEquals(2, run.trades.size(), run.trades.toString());
        assertTrue(run.trades.get(1).startsWith("BUY@"), run.trades.toString());
        assertEquals(0, run.state.execution().positions().positionLots(0), "sold one lot, bought it back");
        assertEquals(40, run.state.control().memory(EmaCrossoverStrategy.SAMPLES), "memory is State");
    }

    @Test
    void memoryInStateMakesSnapshotRestoreEqualToContinuing() {
        CoreConfiguration cfg = CoreConfiguration.parse(CONFIG, "example");
        Run direct = new Run(cfg);
        direct.path(ramp(1000, 2, 12));
        State snapshot = direct.state.snapshot();
        long tAtSnapshot = direct.t;
        direct.path(ramp(1022, -3, 12));
        direct.path(ramp(989, 4, 12));

        Run restored = new Run(cfg); // a fresh engine: nothing carried over but State
        restored.state = snapshot;
        restored.t = tAtSnapshot;
        restored.path(ramp(1022, -3, 12));
        restored.path(ramp(989, 4, 12));
        assertEquals(direct.trades, restored.trades);
        assertEquals(direct.state.digest(), restored.state.digest());
        assertTrue(direct.trades.size() >= 2, direct.trades.toString());
    }
}

package io.tradingchassis.core.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.EventStreamEntry;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.Trade;
import io.tradingchassis.core.intent.IntentSink;
import io.tradingchassis.core.queue.QueueTestKit;
import io.tradingchassis.core.queue.QueueTestKit.Driver;
import io.tradingchassis.core.risk.RiskEngine;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.core.step.StepResult;
import io.tradingchassis.core.testkit.TestStrategies;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The strategy catalog (STYLE habit 11: a provider is the public door): built-ins registered like any
 * provider, {@code with} validating declarations and refusing a repeated id, ServiceLoader discovery,
 * selection by id through the configuration and the engine, and stream-derived order keys (E5: same
 * keys on every replay).
 */
public class StrategyCatalogTest {

    static final String ONE_INSTRUMENT = "{\"instruments\":[" + QueueTestKit.INSTRUMENT + "]}";

    /** A valid provider; each field can be overridden to make it invalid. */
    static StrategyProvider provider(String id, String version, Supplier<List<ParameterSpec>> params, int slots) {
        return new StrategyProvider() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String version() {
                return version;
            }

            @Override
            public List<ParameterSpec> parameters() {
                return params.get();
            }

            @Override
            public int memorySlots() {
                return slots;
            }

            @Override
            public Strategy create(StrategyParameters parameters) {
                return new NoStrategy();
            }
        };
    }

    static StrategyProvider provider(String id) {
        return provider(id, "1", List::of, 0);
    }

    // ================================================================== built-ins

    @Test
    void builtInIds_sorted() {
        assertEquals(List.of("market-maker", "momentum-taker", "none", "scripted"), StrategyCatalog.builtIn().ids());
        assertEquals(List.of(MarketMakerStrategy.ID, MomentumTakerStrategy.ID, NoStrategy.ID, ScriptedStrategy.ID),
                StrategyCatalog.builtIn().ids());
        assertEquals("StrategyCatalog[market-maker, momentum-taker, none, scripted]",
                StrategyCatalog.builtIn().toString());
    }

    @Test
    void builtInVersions() {
        StrategyCatalog c = StrategyCatalog.builtIn();
        assertEquals("1", c.provider(NoStrategy.ID).version());
        assertEquals("1", c.provider(MarketMakerStrategy.ID).version());
        assertEquals("2", c.provider(MomentumTakerStrategy.ID).version());
        for (String id : c.ids()) {
            assertEquals(id, c.provider(id).id());
            assertFalse(c.provider(id).description().isBlank(), id + " describes itself");
        }
    }

    @Test
    void createsEveryBuiltInStrategy_byItsId_fromTheResolvedConfiguration() {
        Map<String, Class<? extends Strategy>> expected = Map.of(NoStrategy.ID, NoStrategy.class,
                MarketMakerStrategy.ID, MarketMakerStrategy.class,
                MomentumTakerStrategy.ID, MomentumTakerStrategy.class, ScriptedStrategy.ID, ScriptedStrategy.class);
        for (String id : StrategyCatalog.builtIn().ids()) {
            CoreConfiguration c = QueueTestKit.config(QueueTestKit.strategy(id, ""));
            assertEquals(id, c.strategy().id());
            assertSame(StrategyCatalog.builtIn().provider(id), c.strategy().provider(),
                    "resolved against the built-in provider");
            Strategy s = c.strategy().provider().create(c.strategy().parameters());
            assertInstanceOf(expected.get(id), s, id);
        }
        CoreConfiguration none = QueueTestKit.config("");
        assertEquals(NoStrategy.ID, none.strategy().id(), "the default");
        assertInstanceOf(NoStrategy.class, none.strategy().provider().create(none.strategy().parameters()));
    }

    @Test
    void providerOfAnUnknownId_isNull() {
        assertNull(StrategyCatalog.builtIn().provider("nope"));
        assertNull(StrategyCatalog.builtIn().provider("NONE"), "ids are case-sensitive");
    }

    // ================================================================== with(...)

    @Test
    void with_addsAProvider_andLeavesTheOriginalUnchanged() {
        StrategyProvider mine = provider("my-strategy-2");
        StrategyCatalog more = StrategyCatalog.builtIn().with(mine);
        assertEquals(List.of("market-maker", "momentum-taker", "my-strategy-2", "none", "scripted"), more.ids());
        assertSame(mine, more.provider("my-strategy-2"));
        assertEquals(List.of("market-maker", "momentum-taker", "none", "scripted"), StrategyCatalog.builtIn().ids(),
                "immutable: with returns a new catalog");
        assertEquals(more.ids(), more.with().ids(), "with nothing: the same providers");
    }

    @Test
    void with_refusesARepeatedId() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StrategyCatalog.builtIn().with(provider(NoStrategy.ID)));
        assertTrue(e.getMessage().contains("\"none\" is provided twice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> StrategyCatalog.builtIn().with(provider("twin"), provider("twin")));
        assertTrue(e.getMessage().contains("\"twin\" is provided twice"), e.getMessage());
        StrategyCatalog once = StrategyCatalog.builtIn().with(provider("twin"));
        assertThrows(IllegalArgumentException.class, () -> once.with(provider("twin")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Market-maker", "1abc", "-abc", "a_b", "a b", "a.b", "é",
        "a12345678901234567890123456789012345678901234567890123456789012345"})
    void with_refusesABadId(String id) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StrategyCatalog.builtIn().with(provider(id)));
        assertTrue(e.getMessage().contains("strategy id"), e.getMessage());
    }

    @Test
    void with_acceptsTheLongestAndShortestIds() {
        String longest = "a" + "b-1".repeat(21); // 64 characters
        assertEquals(64, longest.length());
        assertEquals(List.of("a", longest), StrategyCatalog.builtIn().with(provider("a"), provider(longest)).ids()
                .stream().filter(i -> i.startsWith("a")).toList());
        assertThrows(IllegalArgumentException.class, () -> StrategyCatalog.builtIn().with(provider(null)));
    }

    @Test
    void with_refusesABlankOrMissingVersion() {
        for (String v : new String[] {null, "", " ", "\t", "v".repeat(65)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> StrategyCatalog.builtIn().with(provider("x", v, List::of, 0)), "version " + v);
            assertTrue(e.getMessage().contains("needs a version"), e.getMessage());
        }
        assertEquals("v".repeat(64), StrategyCatalog.builtIn().with(provider("x", "v".repeat(64), List::of, 0))
                .provider("x").version());
    }

    @Test
    void with_refusesADuplicateParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StrategyCatalog.builtIn().with(provider("x", "1", () -> List.of(
                        ParameterSpec.integer("size", 1, 1, 5, "a size"),
                        ParameterSpec.bool("size", false, "the same name again")), 0)));
        assertTrue(e.getMessage().contains("declares parameter size twice"), e.getMessage());
    }

    @Test
    void with_refusesNullParametersAndANullProvider() {
        assertThrows(IllegalArgumentException.class,
                () -> StrategyCatalog.builtIn().with(provider("x", "1", () -> null, 0)));
        assertThrows(IllegalArgumentException.class, () -> StrategyCatalog.builtIn().with((StrategyProvider) null));
    }

    @Test
    void with_refusesADefaultOutOfItsBounds() {
        // The declaration itself refuses it; a provider declaring it fails when the catalog reads it.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StrategyCatalog.builtIn().with(provider("x", "1",
                        () -> List.of(ParameterSpec.integer("size", 9, 1, 5, "default 9 above 5")), 0)));
        assertTrue(e.getMessage().contains("default 9 not in [1, 5]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ParameterSpec.integer("size", 0, 1, 5, "below"));
        assertThrows(IllegalArgumentException.class, () -> ParameterSpec.integer("size", 3, 5, 1, "min > max"));
        ParameterSpec.integer("size", 1, 1, 5, "at min");
        ParameterSpec.integer("size", 5, 1, 5, "at max");
    }

    @Test
    void parameterDeclarationsAreValidated() {
        long max = ParameterSpec.MAX_VALUE;
        assertEquals((1L << 53) - 1, max);
        assertEquals(CoreConfiguration.MAX_EXACT_INTEGER, max, "every value fits the fingerprint exactly");
        for (String bad : new String[] {null, "", "1x", "a-b", "a_b", "a b", "x".repeat(65)}) {
            assertThrows(IllegalArgumentException.class, () -> ParameterSpec.integer(bad, 0, 0, 1, "bad name"),
                    "name " + bad);
        }
        ParameterSpec.integer("x".repeat(64), 0, 0, 1, "64 characters");
        assertThrows(IllegalArgumentException.class, () -> ParameterSpec.integer("big", 0, 0, max + 1, "over 2^53-1"));
        assertThrows(IllegalArgumentException.class, () -> ParameterSpec.integer("neg", 0, -max - 1, 0, "under"));
        ParameterSpec.integer("wide", 0, -max, max, "the whole exact range");
        assertThrows(IllegalArgumentException.class,
                () -> new ParameterSpec("flag", ParameterType.BOOLEAN, 0, 0, 2, "a boolean is 0 or 1"));
        assertThrows(IllegalArgumentException.class,
                () -> new ParameterSpec("inst", ParameterType.INSTRUMENT, 0, -1, 3, "an index is >= 0"));
        assertThrows(NullPointerException.class, () -> new ParameterSpec("x", null, 0, 0, 1, "no type"));
        ParameterSpec flag = ParameterSpec.bool("flag", true, "on");
        assertEquals(1, flag.defaultValue());
        assertEquals(0, flag.min());
        assertEquals(1, flag.max());
        ParameterSpec inst = ParameterSpec.instrument("inst", "an instrument");
        assertEquals(ParameterType.INSTRUMENT, inst.type());
        assertEquals(0, inst.defaultValue());
    }

    @Test
    void with_refusesMemorySlotsOutOfRange() {
        for (int slots : new int[] {-1, StrategyCatalog.MAX_MEMORY_SLOTS + 1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> StrategyCatalog.builtIn().with(provider("x", "1", List::of, slots)), "slots " + slots);
            assertTrue(e.getMessage().contains("memorySlots"), e.getMessage());
        }
        assertEquals(1024, StrategyCatalog.MAX_MEMORY_SLOTS);
        StrategyCatalog.builtIn().with(provider("x", "1", List::of, 0), provider("y", "1", List::of, 1024));
    }

    @Test
    void aRefusedWithAddsNothing() {
        StrategyCatalog before = StrategyCatalog.builtIn();
        assertThrows(IllegalArgumentException.class, () -> before.with(provider("good"), provider("Bad")));
        assertNull(before.provider("good"));
    }

    // ================================================================== ServiceLoader

    /** Found through META-INF/services by {@link #discover_findsProvidersListedInMetaInfServices}. */
    public static final class DiscoverableProvider implements StrategyProvider {
        /** ServiceLoader needs a public no-argument constructor. */
        public DiscoverableProvider() {
        }

        @Override
        public String id() {
            return "discovered-in-test";
        }

        @Override
        public String version() {
            return "7";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.integer("depth", 3, 1, 10, "levels to read"));
        }

        @Override
        public Strategy create(StrategyParameters parameters) {
            return new NoStrategy();
        }
    }

    /** Claims a built-in's id: discovery must refuse it, never silently override. */
    public static final class ImpostorProvider implements StrategyProvider {
        /** ServiceLoader needs a public no-argument constructor. */
        public ImpostorProvider() {
        }

        @Override
        public String id() {
            return MarketMakerStrategy.ID;
        }

        @Override
        public String version() {
            return "666";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of();
        }

        @Override
        public Strategy create(StrategyParameters parameters) {
            return new NoStrategy();
        }
    }

    /** A class loader over a throwaway directory holding only a services file listing {@code providers}. */
    private static URLClassLoader servicesLoader(Path dir, Class<?>... providers) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        StringBuilder sb = new StringBuilder("# test providers\n");
        for (Class<?> c : providers) {
            sb.append(c.getName()).append('\n');
        }
        Files.writeString(services.resolve(StrategyProvider.class.getName()), sb.toString(), StandardCharsets.UTF_8);
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, StrategyCatalogTest.class.getClassLoader());
    }

    @Test
    void discover_findsProvidersListedInMetaInfServices(@TempDir Path dir) throws IOException {
        try (URLClassLoader loader = servicesLoader(dir, DiscoverableProvider.class)) {
            StrategyCatalog found = StrategyCatalog.discover(loader);
            assertTrue(found.ids().contains("discovered-in-test"), found.toString());
            assertTrue(found.ids().containsAll(StrategyCatalog.builtIn().ids()), "the built-ins are always there");
            assertEquals("7", found.provider("discovered-in-test").version());
            // it is selectable by a configuration parsed against that catalog
            CoreConfiguration c = CoreConfiguration.parse("{\"strategy\":{\"id\":\"discovered-in-test\"}}", "t", found);
            assertEquals(3, c.strategy().parameter("depth"));
            assertEquals("7", c.strategy().version());
        }
    }

    @Test
    void discover_refusesAProviderClaimingABuiltInId(@TempDir Path dir) throws IOException {
        try (URLClassLoader loader = servicesLoader(dir, ImpostorProvider.class)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> StrategyCatalog.discover(loader));
            assertTrue(e.getMessage().contains("\"market-maker\" is provided twice"), e.getMessage());
        }
    }

    @Test
    void standard_holdsTheBuiltIns_andIsComputedOnce() {
        // Which extra providers standard() finds depends on the test class path's services files (core's
        // test resources may list example strategies); discover(loader) above tests the mechanism.
        StrategyCatalog s = StrategyCatalog.standard();
        assertTrue(s.ids().containsAll(StrategyCatalog.builtIn().ids()), s.toString());
        for (String id : StrategyCatalog.builtIn().ids()) {
            assertSame(StrategyCatalog.builtIn().provider(id), s.provider(id));
        }
        assertSame(s, StrategyCatalog.standard());
    }

    // ================================================================== selection through the engine

    @Test
    void anEngineWithItsOwnCatalog_refusesAStrategyItDoesNotHave_beforeChangingState() {
        CoreConfiguration cfg = TestStrategies.config(ONE_INSTRUMENT, "nope", new NoStrategy());
        CoreEngine engine = new CoreEngine(new RiskEngine(), StrategyCatalog.builtIn());
        State state = new State();
        String before = state.digest();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> engine.processEventEntry(
                state, new EventStreamEntry(0, new BookDelta(1, 1, 0, BookSide.BID, 100, 1)), cfg));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
        assertTrue(e.getMessage().contains("[market-maker, momentum-taker, none, scripted]"), "lists the catalog: "
                + e.getMessage());
        assertEquals(before, state.digest(), "nothing applied");
        assertEquals(State.NO_POSITION, state.lastPosition());
    }

    @Test
    void anEngineWithItsOwnCatalog_refusesAnotherVersionOfAStrategy() {
        CoreConfiguration cfg = CoreConfiguration.parse("{\"strategy\":{\"id\":\"x\"}}", "t",
                StrategyCatalog.builtIn().with(provider("x", "2", List::of, 0)));
        CoreEngine engine = new CoreEngine(new RiskEngine(), StrategyCatalog.builtIn().with(provider("x", "1",
                List::of, 0)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> engine.processEventEntry(
                new State(), new EventStreamEntry(0, new BookDelta(1, 1, 0, BookSide.BID, 100, 1)), cfg));
        assertTrue(e.getMessage().contains("version 2") && e.getMessage().contains("version 1"), e.getMessage());
    }

    @Test
    void noneStrategy_neverDecides_neverEmits() {
        NoStrategy none = new NoStrategy();
        assertFalse(none.wantsDecision(null), "it reads nothing, so it needs no view");
        List<CommandType> emitted = new ArrayList<>();
        IntentSink sink = (t, k, i, s, px, q, tif) -> emitted.add(t);
        none.decide(null, sink);
        assertTrue(emitted.isEmpty());
        // through the engine: the Strategy stage is skipped on every event
        Driver d = new Driver(QueueTestKit.config(""));
        StepResult r = d.book(990, 5, 1010, 5);
        assertFalse(r.strategyRan());
        long t = d.tick();
        r = d.apply(new Trade(t, t, 0, Side.BUY, 1010, 1));
        assertFalse(r.strategyRan());
        assertEquals(0, r.dispositionCount());
    }

    // ================================================================== order keys

    @Test
    void orderKeys_positionTimes16PlusSlot_uniqueAcrossPositionsAndSlots() {
        assertEquals(0, OrderKeys.fresh(0, 0));
        assertEquals(15, OrderKeys.fresh(0, 15));
        assertEquals(16, OrderKeys.fresh(1, 0));
        assertEquals(12_345L * 16 + 2, OrderKeys.fresh(12_345, 2));
        Set<Long> seen = new HashSet<>();
        long previous = Long.MIN_VALUE;
        for (long p = 0; p < 200; p++) {
            for (int s = 0; s < OrderKeys.SLOTS; s++) {
                long k = OrderKeys.fresh(p, s);
                assertTrue(seen.add(k));
                assertTrue(k > previous, "strictly increasing with (position, slot): fresh for the Queue");
                previous = k;
            }
        }
        assertThrows(IllegalArgumentException.class, () -> OrderKeys.fresh(5, -1));
        assertThrows(IllegalArgumentException.class, () -> OrderKeys.fresh(5, OrderKeys.SLOTS));
    }
}

package io.tradingchassis.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.strategy.NoStrategy;
import io.tradingchassis.core.strategy.ParameterSpec;
import io.tradingchassis.core.strategy.Strategy;
import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.core.strategy.StrategyParameters;
import io.tradingchassis.core.strategy.StrategyProvider;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC §10: loading, defaults, and errors that name the JSON path and the rule. */
class CoreConfigurationTest {

    /** A configuration with every field spelled out (non-default values). */
    static final String FULL = "{\n"
            + "  \"schemaVersion\": 1,\n"
            + "  \"instruments\": [\n"
            + "    {\"symbol\": \"BTCUSDT\", \"tickSize\": \"0.1\", \"lotSize\": \"0.001\"},\n"
            + "    {\"symbol\": \"ETHUSDT\", \"tickSize\": \"0.01\", \"lotSize\": \"0.01\"}\n"
            + "  ],\n"
            + "  \"risk\": {\"maxOrderQtyLots\": 50, \"maxPositionLots\": 200, \"maxOpenOrders\": 8,"
            + " \"priceBandTicks\": 30},\n"
            + "  \"rateLimit\": {\"capacity\": 5, \"refillPerSecond\": 2},\n"
            + "  \"mergeOrder\": [\"MARKET\", \"EXECUTION\", \"CONTROL_TIME\"],\n"
            + "  \"commandPriority\": [\"CANCEL\", \"NEW\", \"REPLACE\"],\n"
            + "  \"decisionTrigger\": {\"eventTypes\": [\"TRADE\", \"BOOK_DELTA\", \"CONTROL_TIME\"], \"everyNth\": 3},\n"
            + "  \"strategy\": {\"id\": \"market-maker\", \"parameters\": {\"instrument\": 1, \"halfSpreadTicks\": 4,"
            + " \"quoteQtyLots\": 2, \"skewTicksPerLot\": 1, \"replaceThresholdTicks\": 2}},\n"
            + "  \"checkpointInterval\": 500,\n"
            + "  \"venue\": {\"entryLatencyNs\": 1000, \"responseLatencyNs\": 2000, \"feedLeadNs\": 300}\n"
            + "}\n";

    private static ConfigurationException error(String json, StrategyCatalog catalog) {
        return assertThrows(ConfigurationException.class, () -> CoreConfiguration.parse(json, "test.json", catalog));
    }

    /** Asserts the error's path, that the message names the path and the rule, and is one line. */
    private static ConfigurationException assertError(String json, String path, String ruleFragment) {
        return assertError(json, StrategyCatalog.standard(), path, ruleFragment);
    }

    /** {@link #assertError(String, String, String)} with strategies resolved against {@code catalog}. */
    private static ConfigurationException assertError(String json, StrategyCatalog catalog, String path,
                                                      String ruleFragment) {
        ConfigurationException e = error(json, catalog);
        assertEquals(path, e.path(), () -> "path of: " + e.getMessage());
        assertEquals("test.json", e.source());
        assertTrue(e.getMessage().startsWith("test.json: " + path + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(ruleFragment), () -> "rule \"" + ruleFragment + "\" not in: "
                + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), () -> "one line: " + e.getMessage());
        return e;
    }

    // ================================================================== defaults

    @Test
    void emptyObjectResolvesToTheDocumentedDefaults() {
        CoreConfiguration c = CoreConfiguration.parse("{}", "test");
        assertEquals(1, c.schemaVersion());
        assertEquals(List.of(), c.instruments());
        assertEquals(new RiskLimits(1_000, 10_000, 100, 1_000), c.risk());
        assertEquals(new RateLimit(10, 10), c.rateLimit());
        assertEquals(List.of(MergeSource.CONTROL_TIME, MergeSource.EXECUTION, MergeSource.MARKET), c.mergeOrder());
        assertEquals(List.of(CommandType.CANCEL, CommandType.REPLACE, CommandType.NEW), c.commandPriority());
        Set<EventType> trigger = EnumSet.noneOf(EventType.class);
        for (EventType t : EventType.values()) {
            if (t.category() == EventType.Category.MARKET || t.category() == EventType.Category.EXECUTION) {
                trigger.add(t);
            }
        }
        trigger.add(EventType.CONTROL_TIME);
        assertEquals(trigger, c.decisionTrigger().eventTypes(), "every market, execution and Control-Time event");
        assertEquals(1, c.decisionTrigger().everyNth());
        assertEquals("none", c.strategy().id());
        assertEquals("1", c.strategy().version());
        assertEquals(Map.of(), c.strategy().parameters().asMap());
        assertEquals(10_000, c.checkpointInterval());
        assertEquals(new VenueModel(0, 0, 0), c.venue());
        assertEquals(c, CoreConfiguration.defaults());
    }

    @Test
    void fullConfigurationIsReadFieldByField() {
        CoreConfiguration c = CoreConfiguration.parse(FULL, "test");
        assertEquals(2, c.instruments().size());
        assertEquals(new InstrumentSpec("ETHUSDT", new BigDecimal("0.01"), new BigDecimal("0.01")),
                c.instruments().get(1));
        assertEquals(new RiskLimits(50, 200, 8, 30), c.risk());
        assertEquals(new RateLimit(5, 2), c.rateLimit());
        assertEquals(List.of(MergeSource.MARKET, MergeSource.EXECUTION, MergeSource.CONTROL_TIME), c.mergeOrder());
        assertEquals(List.of(CommandType.CANCEL, CommandType.NEW, CommandType.REPLACE), c.commandPriority());
        assertEquals(0, c.commandRank(CommandType.CANCEL));
        assertEquals(1, c.commandRank(CommandType.NEW));
        assertEquals(2, c.commandRank(CommandType.REPLACE));
        assertEquals(EnumSet.of(EventType.BOOK_DELTA, EventType.TRADE, EventType.CONTROL_TIME),
                c.decisionTrigger().eventTypes());
        assertTrue(c.decisionTrigger().triggers(EventType.TRADE));
        assertFalse(c.decisionTrigger().triggers(EventType.BBO));
        assertEquals(3, c.decisionTrigger().everyNth());
        assertEquals("market-maker", c.strategy().id());
        assertEquals("1", c.strategy().version());
        assertEquals(4, c.strategy().parameter("halfSpreadTicks"));
        assertEquals(1, c.strategy().parameter("instrument"));
        assertEquals(500, c.checkpointInterval());
        assertEquals(new VenueModel(1000, 2000, 300), c.venue());
    }

    @Test
    void strategyParametersNotWrittenAreMaterializedWithTheirDefaults() {
        CoreConfiguration c = CoreConfiguration.parse("{\"instruments\":[{\"symbol\":\"X\",\"tickSize\":1,"
                + "\"lotSize\":1}],\"strategy\":{\"id\":\"momentum-taker\"}}", "test");
        Map<String, Long> expected = new TreeMap<>();
        for (ParameterSpec p : StrategyCatalog.builtIn().provider("momentum-taker").parameters()) {
            expected.put(p.name(), p.defaultValue());
        }
        assertEquals(4, expected.size());
        assertEquals(expected, c.strategy().parameters().asMap());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(c.strategy().parameters().asMap().keySet()),
                "sorted");
        assertEquals("2", c.strategy().version(), "the catalog's version");
    }

    @Test
    void tickAndLotSizeAreExactDecimalsFromStringsOrNumbers() {
        CoreConfiguration c = CoreConfiguration.parse("{\"instruments\":[{\"symbol\":\"A\",\"tickSize\":0.1,"
                + "\"lotSize\":\"0.00001000\"},{\"symbol\":\"B\",\"tickSize\":\"1e2\",\"lotSize\":5}]}", "test");
        assertEquals(0, new BigDecimal("0.1").compareTo(c.instruments().get(0).tickSize()));
        assertEquals("0.00001", c.instruments().get(0).lotSize().toPlainString());
        assertEquals("100", c.instruments().get(1).tickSize().toPlainString());
    }

    @Test
    void loadReadsAFileAndNamesItInErrors(@TempDir Path dir) throws IOException {
        Path ok = dir.resolve("ok.json");
        Files.writeString(ok, FULL, StandardCharsets.UTF_8);
        assertEquals(CoreConfiguration.parse(FULL, "x"), CoreConfiguration.load(ok));

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"risk\":{\"maxOpenOrders\":-1}}", StandardCharsets.UTF_8);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> CoreConfiguration.load(bad));
        assertEquals(bad.toString(), e.source());
        assertEquals("$.risk.maxOpenOrders", e.path());
        assertTrue(e.getMessage().startsWith(bad + ": $.risk.maxOpenOrders: "), e.getMessage());

        Path missing = dir.resolve("missing.json");
        e = assertThrows(ConfigurationException.class, () -> CoreConfiguration.load(missing));
        assertEquals("$", e.path());
        assertTrue(e.getMessage().contains("cannot read file"), e.getMessage());
    }

    // ================================================================== unknown keys

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{\"foo\": 1}                                                            | $.foo                        | foo",
        "{\"schemaversion\": 1}                                                  | $.schemaversion              | schemaversion",
        "{\"risk\": {\"maxOrderQty\": 5}}                                        | $.risk.maxOrderQty           | maxOrderQty",
        "{\"rateLimit\": {\"capacity\": 5, \"burst\": 2}}                        | $.rateLimit.burst            | burst",
        "{\"venue\": {\"latencyNs\": 5}}                                         | $.venue.latencyNs            | latencyNs",
        "{\"decisionTrigger\": {\"every\": 5}}                                   | $.decisionTrigger.every      | every",
        "{\"strategy\": {\"name\": \"none\"}}                                    | $.strategy.name              | name",
        "{\"strategy\": {\"id\": \"none\", \"parameters\": {\"x\": 1}}}          | $.strategy.parameters.x      | x",
        "{\"strategy\": {\"id\": \"market-maker\", \"parameters\": {\"spread\": 1}}} | $.strategy.parameters.spread | spread",
    })
    void unknownKeyIsAnErrorNamingTheKeyAndItsJsonPath(String json, String path, String key) {
        String withInstrument = json.contains("market-maker")
                ? json.replace("{\"strategy\"", "{\"instruments\":[{\"symbol\":\"A\",\"tickSize\":1,\"lotSize\":1}],"
                        + "\"strategy\"")
                : json;
        assertError(withInstrument, path, "unknown key \"" + key + "\"");
    }

    @Test
    void unknownKeyInsideAnInstrumentNamesTheArrayIndex() {
        assertError("{\"instruments\":[{\"symbol\":\"A\",\"tickSize\":1,\"lotSize\":1},"
                + "{\"symbol\":\"B\",\"tickSize\":1,\"lotSize\":1,\"tick\":2}]}", "$.instruments[1].tick",
                "unknown key \"tick\"");
    }

    @Test
    void unknownKeyMessageListsTheAllowedKeys() {
        ConfigurationException e = assertError("{\"risk\":{\"maxOrderQty\":5}}", "$.risk.maxOrderQty", "allowed here");
        assertTrue(e.getMessage().contains("maxOrderQtyLots"), e.getMessage());
    }

    // ================================================================== invalid values

    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource(delimiter = '|', value = {
        // instruments
        "{\"instruments\":[{\"symbol\":\"A\",\"tickSize\":\"-0.01\",\"lotSize\":1}]} | $.instruments[0].tickSize | must be > 0",
        "{\"instruments\":[{\"symbol\":\"A\",\"tickSize\":-0.01,\"lotSize\":1}]}     | $.instruments[0].tickSize | must be > 0",
        "{\"instruments\":[{\"symbol\":\"A\",\"tickSize\":0,\"lotSize\":1}]}         | $.instruments[0].tickSize | must be > 0",
        "{\"instruments\":[{\"symbol\":\"A\",\"tickSize\":1,\"lotSize\":\"0\"}]}     | $.instruments[0].lotSize  | must be > 0",
        "{\"instruments\":[{\"symbol\":\"A\",\"tickSize\":\"abc\",\"lotSize\":1}]}   | $.instruments[0].tickSize | must be a decimal number",
        "{\"instruments\":[{\"symbol\":\"A\",\"tickSize\":true,\"lotSize\":1}]}      | $.instruments[0].tickSize | must be a decimal string",
        "{\"instruments\":[{\"symbol\":\"A\",\"lotSize\":1}]}                        | $.instruments[0].tickSize | required",
        "{\"instruments\":[{\"tickSize\":1,\"lotSize\":1}]}                          | $.instruments[0].symbol   | required",
        "{\"instruments\":[{\"symbol\":\" \",\"tickSize\":1,\"lotSize\":1}]}         | $.instruments[0].symbol   | must not be blank",
        "{\"instruments\":[{\"symbol\":7,\"tickSize\":1,\"lotSize\":1}]}             | $.instruments[0].symbol   | must be a string",
        "{\"instruments\":[{\"symbol\":\"A\",\"tickSize\":1,\"lotSize\":1},{\"symbol\":\"A\",\"tickSize\":2,\"lotSize\":1}]} | $.instruments[1].symbol | duplicate symbol \"A\"",
        "{\"instruments\":{\"symbol\":\"A\"}}                                        | $.instruments             | must be an array",
        "{\"instruments\":[5]}                                                       | $.instruments[0]          | must be a JSON object",
        // rate limit
        "{\"rateLimit\":{\"capacity\":0}}                                            | $.rateLimit.capacity        | must be in [1, 1000000000]",
        "{\"rateLimit\":{\"capacity\":-3}}                                           | $.rateLimit.capacity        | must be in [1, 1000000000]",
        "{\"rateLimit\":{\"capacity\":2.5}}                                          | $.rateLimit.capacity        | must be an integer",
        "{\"rateLimit\":{\"capacity\":\"10\"}}                                       | $.rateLimit.capacity        | must be an integer in [1, 1000000000] (got string",
        "{\"rateLimit\":{\"capacity\":1000000001}}                                   | $.rateLimit.capacity        | must be in [1, 1000000000]",
        "{\"rateLimit\":{\"refillPerSecond\":0}}                                     | $.rateLimit.refillPerSecond | must be in [1, 1000000000]",
        "{\"rateLimit\":{\"refillPerSecond\":0.5}}                                   | $.rateLimit.refillPerSecond | must be an integer",
        // risk
        "{\"risk\":{\"maxOrderQtyLots\":0}}                                          | $.risk.maxOrderQtyLots | must be in [1,",
        "{\"risk\":{\"maxPositionLots\":-1}}                                         | $.risk.maxPositionLots | must be in [0,",
        "{\"risk\":{\"priceBandTicks\":-5}}                                        | $.risk.priceBandTicks  | must be in [0,",
        "{\"risk\":{\"maxOpenOrders\":null}}                                        | $.risk.maxOpenOrders   | must not be null; omit the key",
        "{\"risk\":[]}                                                               | $.risk                 | must be a JSON object",
        // merge order / command priority
        "{\"mergeOrder\":[\"MARKET\",\"MARKET\",\"EXECUTION\"]}                      | $.mergeOrder[1]      | duplicate MARKET",
        "{\"mergeOrder\":[\"MARKET\",\"EXECUTION\"]}                                 | $.mergeOrder         | exactly once",
        "{\"mergeOrder\":[]}                                                         | $.mergeOrder         | exactly once",
        "{\"mergeOrder\":[\"MARKET\",\"EXECUTION\",\"CLOCK\"]}                       | $.mergeOrder[2]      | unknown value \"CLOCK\"",
        "{\"mergeOrder\":\"MARKET\"}                                                 | $.mergeOrder         | must be an array",
        "{\"commandPriority\":[\"NEW\",\"NEW\",\"CANCEL\"]}                          | $.commandPriority[1] | duplicate NEW",
        "{\"commandPriority\":[\"NEW\",\"CANCEL\"]}                                  | $.commandPriority    | exactly once",
        "{\"commandPriority\":[\"cancel\",\"REPLACE\",\"NEW\"]}                      | $.commandPriority[0] | unknown value \"cancel\"",
        // decision trigger
        "{\"decisionTrigger\":{\"everyNth\":0}}                                      | $.decisionTrigger.everyNth      | must be in [1,",
        "{\"decisionTrigger\":{\"eventTypes\":[\"TICK\"]}}                           | $.decisionTrigger.eventTypes[0] | unknown value \"TICK\"",
        "{\"decisionTrigger\":{\"eventTypes\":[\"TRADE\",\"TRADE\"]}}                | $.decisionTrigger.eventTypes[1] | duplicate event type TRADE",
        "{\"decisionTrigger\":{\"eventTypes\":\"TRADE\"}}                            | $.decisionTrigger.eventTypes    | must be an array",
        // strategy
        "{\"strategy\":{\"id\":\"martingale\"}}                                      | $.strategy.id | unknown strategy \"martingale\"",
        "{\"strategy\":{\"id\":3}}                                                   | $.strategy.id | must be a string",
        "{\"instruments\":[{\"symbol\":\"A\",\"tickSize\":1,\"lotSize\":1}],\"strategy\":{\"id\":\"market-maker\",\"parameters\":{\"halfSpreadTicks\":0}}} | $.strategy.parameters.halfSpreadTicks | must be in [1,",
        "{\"instruments\":[{\"symbol\":\"A\",\"tickSize\":1,\"lotSize\":1}],\"strategy\":{\"id\":\"momentum-taker\",\"parameters\":{\"tradesInRow\":-2}}} | $.strategy.parameters.tradesInRow | must be in [1,",
        "{\"instruments\":[{\"symbol\":\"A\",\"tickSize\":1,\"lotSize\":1},{\"symbol\":\"B\",\"tickSize\":1,\"lotSize\":1}],\"strategy\":{\"id\":\"market-maker\",\"parameters\":{\"instrument\":2}}} | $.strategy.parameters.instrument | must be the index of a configured instrument (0..1), got 2",
        "{\"strategy\":{\"id\":\"market-maker\"}}                                    | $.strategy.parameters.instrument | must be the index of a configured instrument",
        // top level
        "{\"checkpointInterval\":0}                                                  | $.checkpointInterval | must be in [1,",
        "{\"checkpointInterval\":1.5}                                                | $.checkpointInterval | must be an integer",
        "{\"venue\":{\"entryLatencyNs\":-1}}                                         | $.venue.entryLatencyNs    | must be in [0,",
        "{\"venue\":{\"feedLeadNs\":\"0\"}}                                          | $.venue.feedLeadNs        | must be an integer",
        "{\"schemaVersion\":0}                                                       | $.schemaVersion | must be in [1,",
        "{\"schemaVersion\":\"1\"}                                                   | $.schemaVersion | must be an integer",
        "[]                                                                          | $               | must be a JSON object",
        "null                                                                        | $               | must be a JSON object",
        "42                                                                          | $               | must be a JSON object",
    })
    void invalidValueIsAnErrorNamingThePathAndTheRule(String json, String path, String rule) {
        assertError(json, path, rule);
    }

    @Test
    void newerSchemaVersionIsRefusedWithAClearMessage() {
        ConfigurationException e = assertError("{\"schemaVersion\":2}", "$.schemaVersion", "newer");
        assertTrue(e.getMessage().contains("2"), e.getMessage());
    }

    @Test
    void newerSchemaIsReportedAsNewerEvenWhenItHasKeysThisBuildDoesNotKnow() {
        // A newer schema naturally brings new keys: the actionable message is "upgrade", not "unknown key".
        assertError("{\"someFutureKey\": true, \"schemaVersion\": 99}", "$.schemaVersion", "newer");
        assertError("{\"risk\": {\"futureLimit\": 1}, \"schemaVersion\": 2}", "$.schemaVersion", "newer");
    }

    @Test
    void schemaVersionOneIsAccepted() {
        assertEquals(1, CoreConfiguration.parse("{\"schemaVersion\":1}", "test").schemaVersion());
        assertEquals(1, CoreConfiguration.parse("{\"schemaVersion\":1.0}", "test").schemaVersion());
    }

    @Test
    void integersAboveTwoToThe53MinusOneAreRefused() {
        long max = (1L << 53) - 1;
        assertEquals(max, CoreConfiguration.MAX_EXACT_INTEGER);
        assertEquals(max, CoreConfiguration.parse("{\"risk\":{\"maxOrderQtyLots\":" + max + "}}", "t")
                .risk().maxOrderQtyLots());
        assertError("{\"risk\":{\"maxOrderQtyLots\":" + (max + 1) + "}}", "$.risk.maxOrderQtyLots",
                "must be in [1, " + max + "]");
        assertError("{\"checkpointInterval\":1e16}", "$.checkpointInterval", "must be in [1, " + max + "]");
        assertError("{\"venue\":{\"feedLeadNs\":123456789012345678901234567890}}", "$.venue.feedLeadNs",
                "must be in [0, " + max + "]");
    }

    @Test
    void hugeExponentsAreRefusedWithAShortErrorNotExpandedIntoMemory() {
        // "1e999999999" is 11 characters; its plain form has a billion digits (this used to throw
        // OutOfMemoryError while formatting the error message, or ArithmeticException for a tick size).
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            ConfigurationException e = assertError("{\"checkpointInterval\": 1e999999999}", "$.checkpointInterval",
                    "must be in [1, ");
            assertTrue(e.getMessage().length() < 300, e.getMessage());
            assertError("{\"checkpointInterval\": 1e-999999999}", "$.checkpointInterval", "must be an integer");
            assertError("{\"venue\": {\"feedLeadNs\": -1e999999999}}", "$.venue.feedLeadNs", "must be in [0, ");
            String tpl = "{\"instruments\":[{\"symbol\":\"A\",\"tickSize\":%s,\"lotSize\":1}]}";
            assertError(String.format(tpl, "\"1e999999999\""), "$.instruments[0].tickSize", "at most 100 digits");
            assertError(String.format(tpl, "1e-999999999"), "$.instruments[0].tickSize", "at most 100 digits");
            assertError(String.format(tpl, "\"-1e-999999999\""), "$.instruments[0].tickSize", "must be > 0");
        });
    }

    @Test
    void tickSizesWithUpToAHundredDigitsAreAccepted() {
        String tpl = "{\"instruments\":[{\"symbol\":\"A\",\"tickSize\":\"%s\",\"lotSize\":1}]}";
        assertEquals("1" + "0".repeat(99), CoreConfiguration.parse(String.format(tpl, "1e99"), "t").instruments()
                .get(0).tickSize().toPlainString());
        assertEquals("0." + "0".repeat(99) + "1", CoreConfiguration.parse(String.format(tpl, "1e-100"), "t")
                .instruments().get(0).tickSize().toPlainString());
    }

    // ================================================================== strategy section

    /**
     * A provider declaring one parameter of each type (an instrument "leg", a boolean "hedge" default
     * true, an integer "depth" in [1, 10] default 3) at {@code version}.
     */
    static StrategyProvider gadget(String version) {
        return new StrategyProvider() {
            @Override
            public String id() {
                return "gadget";
            }

            @Override
            public String version() {
                return version;
            }

            @Override
            public List<ParameterSpec> parameters() {
                return List.of(ParameterSpec.instrument("leg", "the instrument it trades"),
                        ParameterSpec.bool("hedge", true, "hedge fills"),
                        ParameterSpec.integer("depth", 3, 1, 10, "book levels it reads"));
            }

            @Override
            public Strategy create(StrategyParameters parameters) {
                return new NoStrategy();
            }
        };
    }

    static final StrategyCatalog GADGETS = StrategyCatalog.builtIn().with(gadget("3"));

    /** Two instruments and {@code "strategy": {"id": "gadget", <members>}}. */
    static String gadgetJson(String members) {
        return "{\"instruments\":[{\"symbol\":\"A\",\"tickSize\":1,\"lotSize\":1},"
                + "{\"symbol\":\"B\",\"tickSize\":1,\"lotSize\":1}],"
                + "\"strategy\":{\"id\":\"gadget\"" + (members.isEmpty() ? "" : "," + members) + "}}";
    }

    static CoreConfiguration gadgetConfig(String members) {
        return CoreConfiguration.parse(gadgetJson(members), "test", GADGETS);
    }

    @Test
    void resolvedStrategySectionIsIdVersionAndEveryParameter() {
        JsonNode st = CoreConfiguration.parse(FULL, "test").resolvedJson().get("strategy");
        List<String> keys = new ArrayList<>();
        st.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("id", "version", "parameters"), keys);
        assertEquals("market-maker", st.get("id").textValue());
        assertEquals("1", st.get("version").textValue(), "the catalog's version, written out");
        assertEquals(5, st.get("parameters").size());
        assertTrue(CoreConfiguration.parse("{}", "test").canonicalJson().contains(
                "\"strategy\":{\"id\":\"none\",\"parameters\":{},\"version\":\"1\"}"),
                CoreConfiguration.defaults().canonicalJson());
        // every type resolved, defaults written out; a BOOLEAN as a JSON boolean
        CoreConfiguration g = gadgetConfig("");
        assertTrue(g.canonicalJson().contains("\"strategy\":{\"id\":\"gadget\",\"parameters\":"
                + "{\"depth\":3,\"hedge\":true,\"leg\":0},\"version\":\"3\"}"), g.canonicalJson());
    }

    @Test
    void unknownStrategyIdListsTheCatalogsIds() {
        String json = "{\"strategy\":{\"id\":\"martingale\"}}";
        assertError(json, StrategyCatalog.builtIn(), "$.strategy.id",
                "unknown strategy \"martingale\"; known: [market-maker, momentum-taker, none, scripted]");
        assertError(json, GADGETS, "$.strategy.id",
                "unknown strategy \"martingale\"; known: [gadget, market-maker, momentum-taker, none, scripted]");
        ConfigurationException e = assertError(json, "$.strategy.id", "unknown strategy \"martingale\"; known: [");
        for (String id : StrategyCatalog.standard().ids()) {
            assertTrue(e.getMessage().contains(id), e.getMessage());
        }
        assertError("{\"strategy\":{\"id\":\"gadget\"}}", StrategyCatalog.builtIn(), "$.strategy.id",
                "unknown strategy \"gadget\"");
    }

    @Test
    void versionInTheFileMustBeTheCatalogsVersion() {
        assertEquals(gadgetConfig(""), gadgetConfig("\"version\":\"3\""), "the same version: same meaning");
        assertEquals(gadgetConfig("").fingerprint(), gadgetConfig("\"version\":\"3\"").fingerprint());
        assertError(gadgetJson("\"version\":\"2\""), GADGETS, "$.strategy.version",
                "strategy \"gadget\" is at version \"3\" in this catalog");
        assertError(gadgetJson("\"version\":3"), GADGETS, "$.strategy.version", "is at version \"3\"");
        assertError(gadgetJson("\"version\":\"\""), GADGETS, "$.strategy.version", "is at version \"3\"");
        assertError(gadgetJson("\"version\":null"), GADGETS, "$.strategy.version", "must not be null");
        // a file written for momentum-taker 1 (the run counter in the book) is refused by this build's 2
        assertError("{\"instruments\":[{\"symbol\":\"A\",\"tickSize\":1,\"lotSize\":1}],\"strategy\":"
                + "{\"id\":\"momentum-taker\",\"version\":\"1\"}}", "$.strategy.version", "is at version \"2\"");
    }

    @Test
    void booleanParameterIsAJsonBoolean() {
        assertTrue(gadgetConfig("").strategy().parameters().bool("hedge"), "default true");
        assertEquals(1, gadgetConfig("\"parameters\":{\"hedge\":true}").strategy().parameter("hedge"));
        assertEquals(0, gadgetConfig("\"parameters\":{\"hedge\":false}").strategy().parameter("hedge"));
        assertFalse(gadgetConfig("\"parameters\":{\"hedge\":false}").strategy().parameters().bool("hedge"));
        for (String bad : new String[] {"\"true\"", "1", "0", "[]", "{}"}) {
            assertError(gadgetJson("\"parameters\":{\"hedge\":" + bad + "}"), GADGETS,
                    "$.strategy.parameters.hedge", "must be true or false (got ");
        }
        assertError(gadgetJson("\"parameters\":{\"hedge\":null}"), GADGETS, "$.strategy.parameters.hedge",
                "must not be null");
    }

    @Test
    void instrumentParameterMustIndexAConfiguredInstrument() {
        assertEquals(0, gadgetConfig("").strategy().parameters().instrument("leg"), "default 0");
        assertEquals(1, gadgetConfig("\"parameters\":{\"leg\":1}").strategy().parameters().instrument("leg"));
        assertEquals(1, gadgetConfig("\"parameters\":{\"leg\":1.0}").strategy().parameters().instrument("leg"));
        assertError(gadgetJson("\"parameters\":{\"leg\":2}"), GADGETS, "$.strategy.parameters.leg",
                "must be the index of a configured instrument (0..1), got 2 with 2 instrument(s)");
        assertError(gadgetJson("\"parameters\":{\"leg\":9007199254740991}"), GADGETS,
                "$.strategy.parameters.leg", "must be the index of a configured instrument");
        assertError(gadgetJson("\"parameters\":{\"leg\":-1}"), GADGETS, "$.strategy.parameters.leg",
                "must be in [0, ");
        assertError(gadgetJson("\"parameters\":{\"leg\":0.5}"), GADGETS, "$.strategy.parameters.leg",
                "must be an integer");
        assertError(gadgetJson("\"parameters\":{\"leg\":\"1\"}"), GADGETS, "$.strategy.parameters.leg",
                "must be an integer");
        // no instruments at all: even the default index 0 names nothing
        assertError("{\"strategy\":{\"id\":\"gadget\"}}", GADGETS, "$.strategy.parameters.leg",
                "got 0 with 0 instrument(s)");
    }

    @Test
    void integerParameterIsCheckedAgainstItsDeclaredBounds() {
        assertEquals(3, gadgetConfig("").strategy().parameter("depth"), "default");
        assertEquals(10, gadgetConfig("\"parameters\":{\"depth\":1e1}").strategy().parameter("depth"));
        assertEquals(1, gadgetConfig("\"parameters\":{\"depth\":1}").strategy().parameter("depth"));
        assertError(gadgetJson("\"parameters\":{\"depth\":0}"), GADGETS, "$.strategy.parameters.depth",
                "must be in [1, 10] (got 0)");
        assertError(gadgetJson("\"parameters\":{\"depth\":11}"), GADGETS, "$.strategy.parameters.depth",
                "must be in [1, 10] (got 11)");
        assertError(gadgetJson("\"parameters\":{\"depth\":true}"), GADGETS, "$.strategy.parameters.depth",
                "must be an integer in [1, 10]");
    }

    @Test
    void parametersMustBeAnObjectOfDeclaredNames() {
        assertError(gadgetJson("\"parameters\":[]"), GADGETS, "$.strategy.parameters", "must be a JSON object");
        assertError(gadgetJson("\"parameters\":null"), GADGETS, "$.strategy.parameters", "must not be null");
        ConfigurationException e = assertError(gadgetJson("\"parameters\":{\"size\":1}"), GADGETS,
                "$.strategy.parameters.size", "unknown key \"size\"");
        assertTrue(e.getMessage().contains("[depth, hedge, leg]"), "lists the declared names: " + e.getMessage());
    }

    // ================================================================== hostile input: long values

    /**
     * Longest message a refused hostile input may produce: the source, the path, the rule with a clipped
     * value and, at most, the list of allowed names (the event types are the longest, about 250 characters).
     */
    private static final int SHORT_MESSAGE = 500;

    private static String instrumentWith(String field, String value) {
        String tick = field.equals("tickSize") ? value : "1";
        String lot = field.equals("lotSize") ? value : "1";
        return "{\"instruments\":[{\"symbol\":\"A\",\"tickSize\":" + tick + ",\"lotSize\":" + lot + "}]}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"tickSize", "lotSize"})
    void aMegabyteDecimalStringIsRefusedByItsLengthBeforeItIsParsed(String field) {
        // new BigDecimal of 1 MB of digits took ~18 s (4 MB: minutes); the length is checked first.
        String value = "\"" + "1".repeat(1_000_000) + "\"";
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            ConfigurationException e = assertError(instrumentWith(field, value), "$.instruments[0]." + field,
                    "at most 1000 characters");
            assertTrue(e.getMessage().contains("\"" + "1".repeat(40) + "\u2026\" (1000000 characters)"),
                    e.getMessage());
            assertTrue(e.getMessage().length() < SHORT_MESSAGE, e.getMessage());
        });
    }

    @Test
    void aLongDecimalWithinTheLengthLimitIsShownClippedInTheDigitRule() {
        // 900 digits pass the length check and break the digit rule; the message shows 40 of them.
        for (String value : new String[] {"\"" + "7".repeat(900) + "\"", "7".repeat(900), "0." + "7".repeat(900)}) {
            ConfigurationException e = assertError(instrumentWith("tickSize", value), "$.instruments[0].tickSize",
                    "at most 100 digits");
            assertTrue(e.getMessage().length() < SHORT_MESSAGE, e.getMessage());
            assertTrue(e.getMessage().contains(" characters)"), e.getMessage());
        }
    }

    @Test
    void aLongIntegerIsShownClipped() {
        ConfigurationException e = assertError("{\"checkpointInterval\":" + "9".repeat(900) + "}",
                "$.checkpointInterval", "must be in [1, ");
        assertTrue(e.getMessage().length() < SHORT_MESSAGE, e.getMessage());
        e = assertError("{\"checkpointInterval\":" + "9".repeat(900) + ".5}", "$.checkpointInterval",
                "must be an integer");
        assertTrue(e.getMessage().length() < SHORT_MESSAGE, e.getMessage());
    }

    @Test
    void aLongUnknownKeyIsClippedInThePathAndTheMessage() {
        String key = "k".repeat(40_000);
        ConfigurationException e = assertError("{\"risk\":{\"" + key + "\":1}}", "$.risk." + "k".repeat(40) + "\u2026",
                "unknown key \"" + "k".repeat(40) + "\u2026\" (40000 characters); allowed here: [");
        assertTrue(e.getMessage().length() < SHORT_MESSAGE, e.getMessage());
    }

    @Test
    void longStringValuesAreClippedWhereverTheyAreEchoed() {
        String big = "M".repeat(1_000_000);
        String clipped = "\"" + "M".repeat(40) + "\u2026\" (1000000 characters)";
        String[][] cases = {
            {"{\"mergeOrder\":[\"" + big + "\"]}", "$.mergeOrder[0]", "unknown value " + clipped},
            {"{\"decisionTrigger\":{\"eventTypes\":[\"" + big + "\"]}}", "$.decisionTrigger.eventTypes[0]",
                "unknown value " + clipped},
            {"{\"rateLimit\":{\"capacity\":\"" + big + "\"}}", "$.rateLimit.capacity", "(got string " + clipped},
            {"{\"instruments\":[{\"symbol\":\"" + big + "\",\"tickSize\":1,\"lotSize\":1},{\"symbol\":\"" + big
                + "\",\"tickSize\":1,\"lotSize\":1}]}", "$.instruments[1].symbol", "duplicate symbol " + clipped},
            {"{\"instruments\":[{\"symbol\":\"A\",\"tickSize\":\"x" + big + "\",\"lotSize\":1}]}",
                "$.instruments[0].tickSize", "at most 1000 characters"},
        };
        for (String[] c : cases) {
            ConfigurationException e = assertError(c[0], c[1], c[2]);
            assertTrue(e.getMessage().length() < SHORT_MESSAGE, e.getMessage());
        }
    }

    @Test
    void aLargeContainerOfTheWrongKindIsDescribedNotPrinted() {
        String array = "[" + "1,".repeat(200_000) + "1]";
        ConfigurationException e = assertError("{\"risk\":" + array + "}", "$.risk", "(got array of 200001 elements)");
        assertTrue(e.getMessage().length() < SHORT_MESSAGE, e.getMessage());
        e = assertError("{\"instruments\":{\"a\":1,\"b\":2}}", "$.instruments", "(got object with 2 members)");
        assertTrue(e.getMessage().length() < SHORT_MESSAGE, e.getMessage());
    }

    @Test
    void aLongDuplicateKeyIsClippedInTheMalformedJsonMessage() {
        String key = "d".repeat(40_000);
        ConfigurationException e = assertError("{\"" + key + "\":1,\"" + key + "\":2}", "$", "malformed JSON");
        assertTrue(e.getMessage().contains("Duplicate field 'ddd"), e.getMessage());
        assertTrue(e.getMessage().length() < SHORT_MESSAGE, e.getMessage());
    }

    @Test
    void noMessageEchoesAMegabyteValueWhole() {
        // The strategy section echoes its id itself; ConfigurationException caps any rule as a backstop.
        String big = "s".repeat(1_000_000);
        ConfigurationException e = assertError("{\"strategy\":{\"id\":\"" + big + "\"}}", "$.strategy.id",
                "unknown strategy");
        assertTrue(e.getMessage().length() < 3000, () -> "message of " + e.getMessage().length() + " characters");
        assertTrue(e.getMessage().contains(" characters)"), e.getMessage().substring(0, 100));
    }

    // ================================================================== hostile input: broken Unicode

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\\ud800         | \\ud800 at index 0",
        "AB\\udc00       | \\udc00 at index 2",
        "A\\ud800B       | \\ud800 at index 1",
        "\\ud83d\\ude02\\ude02 | \\ude02 at index 2",
    })
    void aLoneSurrogateInASymbolIsAConfigurationErrorNotAnInternalOne(String symbol, String where) {
        // RFC 8785 cannot encode a lone surrogate: this used to fail in the fingerprint, an IllegalStateException.
        ConfigurationException e = assertError("{\"instruments\":[{\"symbol\":\"" + symbol
                + "\",\"tickSize\":1,\"lotSize\":1}]}", "$.instruments[0].symbol",
                "must be valid Unicode (RFC 7493 §2.1): lone surrogate " + where);
        assertEquals(-1, loneSurrogateIndex(e.getMessage()), e.getMessage());
    }

    @Test
    void aSurrogatePairInASymbolIsFine() {
        CoreConfiguration c = CoreConfiguration.parse("{\"instruments\":[{\"symbol\":\"\\ud83d\\ude02\","
                + "\"tickSize\":1,\"lotSize\":1}]}", "t");
        assertEquals("\ud83d\ude02", c.instruments().get(0).symbol());
    }

    @Test
    void messagesEscapeLoneSurrogatesOfTheInput() {
        // Echoed values stay valid Unicode, so a UTF-8 terminal shows backslash-ud800, not a replacement character.
        ConfigurationException e = assertError("{\"mergeOrder\":[\"\\ud800\"]}", "$.mergeOrder[0]",
                "unknown value \"\\ud800\"");
        assertEquals(-1, loneSurrogateIndex(e.getMessage()), e.getMessage());
        e = assertError("{\"strategy\":{\"id\":\"x\\udfff\"}}", "$.strategy.id", "unknown strategy \"x\\udfff\"");
        assertEquals(-1, loneSurrogateIndex(e.getMessage()), e.getMessage());
    }

    private static int loneSurrogateIndex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    // ================================================================== hostile input: reader limits

    @Test
    void nestingPastTheReaderLimitIsNamedNotCalledMalformed() {
        String deep = "{\"risk\":" + "[".repeat(1000) + "]".repeat(1000) + "}";
        ConfigurationException e = assertError(deep, "$",
                "limit of this reader: nesting deeper than 1000 levels at line 1, column 1008");
        assertFalse(e.getMessage().contains("malformed"), e.getMessage());
        // At the limit it is a schema error like any other.
        assertError("{\"risk\":" + "[".repeat(999) + "]".repeat(999) + "}", "$.risk", "must be a JSON object");
    }

    @Test
    void numberPastTheReaderLimitIsNamedNotCalledMalformed() {
        ConfigurationException e = assertError("{\"checkpointInterval\": " + "1".repeat(1001) + "}", "$",
                "limit of this reader: number longer than 1000 digits at line 1, column ");
        assertFalse(e.getMessage().contains("malformed"), e.getMessage());
        e = assertError(instrumentWith("tickSize", "1." + "1".repeat(1000)), "$",
                "limit of this reader: number longer than 1000 digits at line 1, column ");
        assertTrue(e.getMessage().length() < SHORT_MESSAGE, e.getMessage());
    }

    @Test
    void keyPastTheReaderLimitIsNamedNotCalledMalformed() {
        ConfigurationException e = assertError("{\"" + "k".repeat(50_001) + "\": 1}", "$",
                "limit of this reader: member name longer than 50000 characters at line 1, column ");
        assertTrue(e.getMessage().length() < SHORT_MESSAGE, e.getMessage());
    }

    // ================================================================== hostile input: size

    @Test
    void textOverTheInputLimitIsRefusedNamingTheLimit() {
        int max = CoreConfiguration.MAX_INPUT_BYTES;
        assertEquals(16 * 1024 * 1024, max);
        assertEquals(CoreConfiguration.defaults(), CoreConfiguration.parse("{}" + " ".repeat(max - 2), "t"));
        assertError("{}" + " ".repeat(max - 1), "$", "16777217 bytes of UTF-8, more than the 16 MiB (16777216 bytes) "
                + "a configuration may have");
        // Counted in UTF-8 bytes, not characters: 5.6 million euro signs are 16 MiB and 7 bytes.
        assertError("{\"x\":\"" + "\u20ac".repeat(max / 3) + "\"}", "$", "16777223 bytes of UTF-8, more than the 16 MiB");
    }

    @Test
    void loadRefusesAFileOverTheInputLimitBeforeReadingIt(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(CoreConfiguration.MAX_INPUT_BYTES + 1L); // sparse: no 16 MiB written
        }
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> CoreConfiguration.load(big));
        assertEquals(big + ": $: file of 16777217 bytes, more than the 16 MiB (16777216 bytes) a configuration may "
                + "have", e.getMessage());
    }

    // ================================================================== malformed input

    @Test
    void malformedJsonNamesLineAndColumn() {
        String json = "{\n  \"risk\": {\n    \"maxOrderQtyLots\": ,\n  }\n}";
        ConfigurationException e = assertError(json, "$", "malformed JSON at line 3, column ");
        assertTrue(e.getMessage().matches(".*line 3, column \\d+.*"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"risk\": {}", "{} {}", "{\"a\" 1}", "{'risk': {}}", "[1,]"})
    void malformedJsonIsAnErrorAtTheDocument(String json) {
        assertError(json, "$", "malformed JSON at line 1, column ");
    }

    @Test
    void duplicateKeyIsRefusedNotSilentlyLastWins() {
        ConfigurationException e = assertError("{\"checkpointInterval\": 5, \"checkpointInterval\": 6}", "$",
                "malformed JSON");
        assertTrue(e.getMessage().contains("checkpointInterval"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t\n"})
    void emptyInputIsAnError(String json) {
        assertError(json, "$", "empty input");
    }

    @Test
    void malformedJsonErrorStaysOneLineWhenTheInputSpansLines() {
        // Jackson can quote the source in its messages; ours must stay a single actionable line.
        assertError("{\n\"risk\":\n{\n\"maxOrderQtyLots\": 5\n", "$", "malformed JSON at line");
    }
}

package io.tradingchassis.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradingchassis.core.json.JsonCanonicalizer;
import io.tradingchassis.core.strategy.ParameterSpec;
import io.tradingchassis.core.strategy.StrategyCatalog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC §10: fingerprint = "sha256:" + hex(SHA-256(RFC 8785 JSON of the fully resolved configuration)).
 * A pure function of meaning: spelling never changes it, every semantic change does.
 */
class FingerprintTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * The fingerprint of {@code {}}. Pinned: if it changes, every fingerprint ever recorded (golden-log
     * headers, run summaries) changes too, because a default, a field, or the canonical form changed.
     * That needs a deliberate schemaVersion decision, not a quick update of this literal.
     *
     * <p>Re-pinned when the resolved strategy section gained {@code "version"} (strategy SPI: the
     * provider's version is part of the fingerprint). Checked by hand: {@link #DEFAULTS_CANONICAL} is the
     * previous canonical form ({@code sha256:c60b9923…e8fb}) plus {@code "version":"1"} in
     * {@code "strategy"} and nothing else, and its SHA-256 computed outside the JVM is this value.
     * Re-pinned again when {@code ORDER_EXPIRED} (SPEC §6 time in force) joined the execution events and
     * so the default decision trigger: the canonical form gained {@code "ORDER_EXPIRED"} in
     * {@code decisionTrigger.eventTypes} and nothing else ({@code sha256sum} of it agrees). And again
     * for the venue model's timeline, clock offset and GTC remainder (SPEC §12) and the seeded synthetic
     * market ({@code syntheticMarket}): both are inputs of every simulated run.
     */
    static final String DEFAULTS_FINGERPRINT =
            "sha256:0041a1170b1f45d0595e032f977d7a7e6d5c1fb2dfbae104873913ba6667a141";

    /** The canonical JSON of {@code {}}, pinned with its fingerprint so a change shows what changed. */
    static final String DEFAULTS_CANONICAL = "{\"checkpointInterval\":10000,\"commandPriority\":[\"CANCEL\","
            + "\"REPLACE\",\"NEW\"],\"decisionTrigger\":{\"eventTypes\":[\"BOOK_DELTA\",\"BOOK_SNAPSHOT\",\"TRADE\","
            + "\"BBO\",\"ORDER_ACCEPTED\",\"ORDER_REJECTED\",\"ORDER_FILLED\",\"ORDER_CANCELLED\",\"ORDER_REPLACED\","
            + "\"ORDER_EXPIRED\",\"CONTROL_TIME\"],\"everyNth\":1},\"instruments\":[],\"mergeOrder\":[\"CONTROL_TIME\",\"EXECUTION\","
            + "\"MARKET\"],\"rateLimit\":{\"capacity\":10,\"refillPerSecond\":10},\"risk\":{\"maxOpenOrders\":100,"
            + "\"maxOrderQtyLots\":1000,\"maxPositionLots\":10000,\"priceBandTicks\":1000},\"schemaVersion\":1,"
            + "\"strategy\":{\"id\":\"none\",\"parameters\":{},\"version\":\"1\"},"
            + "\"syntheticMarket\":{\"events\":200000,\"instrument\":0,\"midTicks\":6000000,\"seed\":1},"
            + "\"venue\":{\"clockOffsetNs\":0,\"entryLatencyNs\":0,\"feedLeadNs\":0,\"gtcRemainder\":\"REST\","
            + "\"responseLatencyNs\":0,\"timeline\":\"LOCAL\"}}";

    private static String fp(String json) {
        return CoreConfiguration.parse(json, "test").fingerprint();
    }

    private static final String BASE = CoreConfigurationTest.FULL;

    // ================================================================== format and definition

    @Test
    void fingerprintIsSha256PrefixAnd64LowercaseHex() {
        for (String json : List.of("{}", BASE)) {
            String f = fp(json);
            assertTrue(f.matches("sha256:[0-9a-f]{64}"), f);
        }
    }

    @Test
    void fingerprintIsSha256OfTheCanonicalJsonBytesComputedIndependently() throws Exception {
        for (String json : List.of("{}", BASE)) {
            CoreConfiguration c = CoreConfiguration.parse(json, "test");
            byte[] h = MessageDigest.getInstance("SHA-256").digest(c.canonicalJson().getBytes(StandardCharsets.UTF_8));
            assertEquals("sha256:" + HexFormat.of().formatHex(h), c.fingerprint());
        }
    }

    @Test
    void canonicalJsonIsTheRfc8785FormOfTheResolvedConfiguration() throws Exception {
        CoreConfiguration c = CoreConfiguration.parse(BASE, "test");
        assertEquals(JsonCanonicalizer.canonicalize(c.resolvedJson()), c.canonicalJson());
        assertEquals(c.canonicalJson(), JsonCanonicalizer.canonicalize(c.canonicalJson()), "a fixed point");
        assertEquals(c.canonicalJson(), c.toString());
    }

    @Test
    void resolvedJsonHasEveryFieldMaterialized() {
        JsonNode r = CoreConfiguration.defaults().resolvedJson();
        List<String> keys = new ArrayList<>();
        r.fieldNames().forEachRemaining(keys::add);
        keys.sort(null);
        assertEquals(List.of("checkpointInterval", "commandPriority", "decisionTrigger", "instruments", "mergeOrder",
                "rateLimit", "risk", "schemaVersion", "strategy", "syntheticMarket", "venue"), keys);
        assertEquals(4, r.get("risk").size());
        assertEquals(2, r.get("rateLimit").size());
        assertEquals(6, r.get("venue").size());
        assertEquals(4, r.get("syntheticMarket").size());
        assertEquals(2, r.get("decisionTrigger").size());
        List<String> strategyKeys = new ArrayList<>();
        r.get("strategy").fieldNames().forEachRemaining(strategyKeys::add);
        assertEquals(List.of("id", "version", "parameters"), strategyKeys);
    }

    @Test
    void fingerprintOfTheDefaultsIsPinned() {
        assertEquals(DEFAULTS_CANONICAL, CoreConfiguration.defaults().canonicalJson());
        assertEquals(DEFAULTS_FINGERPRINT, CoreConfiguration.defaults().fingerprint(),
                "canonical defaults: " + CoreConfiguration.defaults().canonicalJson());
    }

    @Test
    void fingerprintDoesNotDependOnTheSourceName() {
        assertEquals(CoreConfiguration.parse(BASE, "a.json").fingerprint(),
                CoreConfiguration.parse(BASE, "b/c.json").fingerprint());
    }

    // ================================================================== defaults materialized

    @Test
    void emptyObjectEqualsTheFileWithEveryDefaultWrittenOut() {
        String written = CoreConfiguration.defaults().canonicalJson();
        assertTrue(written.length() > 100, written);
        assertEquals(fp("{}"), fp(written));
        assertEquals(fp("{}"), fp("{\"schemaVersion\":1}"));
        assertEquals(fp("{}"), fp("{\"risk\":{}, \"rateLimit\":{}, \"venue\":{}, \"strategy\":{}}"));
        assertEquals(fp("{}"), fp("{\"strategy\":{\"id\":\"none\",\"parameters\":{}}}"));
        assertEquals(fp("{}"), fp("{\"strategy\":{\"id\":\"none\",\"version\":\"1\",\"parameters\":{}}}"));
    }

    @Test
    void strategyParametersAtTheirDefaultsEqualOmittedParameters() {
        String ins = "\"instruments\":[{\"symbol\":\"A\",\"tickSize\":1,\"lotSize\":1}],";
        StringBuilder explicit = new StringBuilder("{" + ins + "\"strategy\":{\"id\":\"market-maker\",\"parameters\":{");
        String sep = "";
        for (ParameterSpec p : StrategyCatalog.builtIn().provider("market-maker").parameters()) {
            explicit.append(sep).append('"').append(p.name()).append("\":").append(p.defaultValue());
            sep = ",";
        }
        explicit.append("}}}");
        assertEquals(fp("{" + ins + "\"strategy\":{\"id\":\"market-maker\"}}"), fp(explicit.toString()));
    }

    @Test
    void strategyVersionAtTheCatalogsVersionEqualsOmittedVersion() {
        String ins = "\"instruments\":[{\"symbol\":\"A\",\"tickSize\":1,\"lotSize\":1}],";
        assertEquals(fp("{" + ins + "\"strategy\":{\"id\":\"momentum-taker\"}}"),
                fp("{" + ins + "\"strategy\":{\"id\":\"momentum-taker\",\"version\":\"2\"}}"));
    }

    @Test
    void everyConfigurationRoundTripsThroughItsCanonicalJson() {
        for (String json : List.of("{}", BASE)) {
            CoreConfiguration c = CoreConfiguration.parse(json, "test");
            CoreConfiguration back = CoreConfiguration.parse(c.canonicalJson(), "back");
            assertEquals(c.fingerprint(), back.fingerprint());
            assertEquals(c.canonicalJson(), back.canonicalJson());
        }
    }

    // ================================================================== spelling never matters

    @Test
    void keyOrderDoesNotChangeTheFingerprint() throws Exception {
        String reversed = MAPPER.writeValueAsString(reverseKeys(MAPPER.readTree(BASE)));
        assertNotEquals(BASE.replaceAll("\\s", ""), reversed, "the test really reorders");
        assertTrue(reversed.startsWith("{\"venue\""), reversed);
        assertEquals(fp(BASE), fp(reversed));
    }

    @Test
    void decisionTriggerEventTypesAreASetTheirOrderDoesNotMatter() {
        assertEquals(fp("{\"decisionTrigger\":{\"eventTypes\":[\"TRADE\",\"BBO\"]}}"),
                fp("{\"decisionTrigger\":{\"eventTypes\":[\"BBO\",\"TRADE\"]}}"));
    }

    @Test
    void whitespaceDoesNotChangeTheFingerprint() throws Exception {
        String compact = MAPPER.writeValueAsString(MAPPER.readTree(BASE));
        String pretty = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(MAPPER.readTree(BASE));
        String odd = compact.replace(",", " ,\r\n\t").replace(":", "\t:  ");
        assertEquals(fp(BASE), fp(compact));
        assertEquals(fp(BASE), fp(pretty));
        assertEquals(fp(BASE), fp(odd));
    }

    @ParameterizedTest
    @ValueSource(strings = {"20", "20.0", "2e1", "2E1", "2.0E1", "200e-1", "20.000"})
    void integerRespellingDoesNotChangeTheFingerprint(String capacity) {
        assertEquals(fp("{\"rateLimit\":{\"capacity\":20}}"), fp("{\"rateLimit\":{\"capacity\":" + capacity + "}}"));
        assertNotEquals(fp("{}"), fp("{\"rateLimit\":{\"capacity\":" + capacity + "}}"), "20 is not the default");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10", "10.0", "1e1", "1.0E1"})
    void capacityTenSpelledAnyWayIsTheDefault(String capacity) {
        assertEquals(fp("{}"), fp("{\"rateLimit\":{\"capacity\":" + capacity + "}}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"4.50\"", "\"4.5\"", "4.50", "4.5", "45e-1", "\"45e-1\"", "0.45E1", "\"4.500000\"",
        "\" 4.5 \""})
    void decimalRespellingDoesNotChangeTheFingerprint(String tickSize) {
        String tpl = "{\"instruments\":[{\"symbol\":\"A\",\"tickSize\":%s,\"lotSize\":\"1\"}]}";
        assertEquals(fp(String.format(tpl, "\"4.5\"")), fp(String.format(tpl, tickSize)));
    }

    @Test
    void decimalWithExponentAndIntegerValueResolvesToAPlainInteger() {
        String tpl = "{\"instruments\":[{\"symbol\":\"A\",\"tickSize\":%s,\"lotSize\":\"1\"}]}";
        assertEquals(fp(String.format(tpl, "100")), fp(String.format(tpl, "\"1e2\"")));
        assertEquals(fp(String.format(tpl, "100")), fp(String.format(tpl, "100.00")));
    }

    // ================================================================== every semantic change changes it

    static Stream<Arguments> semanticChanges() {
        Map<String, Consumer<ObjectNode>> m = new LinkedHashMap<>();
        m.put("instruments: one more", r -> ((ArrayNode) r.get("instruments")).addObject().put("symbol", "SOLUSDT")
                .put("tickSize", "0.001").put("lotSize", "0.1"));
        m.put("instruments: order swapped (the index is the id)", r -> {
            ArrayNode a = (ArrayNode) r.get("instruments");
            JsonNode first = a.remove(0);
            a.add(first); // same indices, other symbols: instrument ids now mean other markets
        });
        m.put("instruments: symbol", r -> ins(r, 0).put("symbol", "BTCUSDC"));
        m.put("instruments: tickSize", r -> ins(r, 0).put("tickSize", "0.2"));
        m.put("instruments: tickSize scale", r -> ins(r, 0).put("tickSize", "0.01"));
        m.put("instruments: lotSize", r -> ins(r, 1).put("lotSize", "0.1"));
        m.put("risk.maxOrderQtyLots", r -> obj(r, "risk").put("maxOrderQtyLots", 51));
        m.put("risk.maxPositionLots", r -> obj(r, "risk").put("maxPositionLots", 201));
        m.put("risk.maxOpenOrders", r -> obj(r, "risk").put("maxOpenOrders", 9));
        m.put("risk.priceBandTicks", r -> obj(r, "risk").put("priceBandTicks", 31));
        m.put("rateLimit.capacity", r -> obj(r, "rateLimit").put("capacity", 6));
        m.put("rateLimit.refillPerSecond", r -> obj(r, "rateLimit").put("refillPerSecond", 3));
        m.put("mergeOrder order", r -> r.putArray("mergeOrder").add("EXECUTION").add("MARKET").add("CONTROL_TIME"));
        m.put("commandPriority order", r -> r.putArray("commandPriority").add("CANCEL").add("REPLACE").add("NEW"));
        m.put("decisionTrigger.eventTypes: one more", r -> ((ArrayNode) obj(r, "decisionTrigger").get("eventTypes"))
                .add("BBO"));
        m.put("decisionTrigger.eventTypes: one fewer", r -> obj(r, "decisionTrigger").putArray("eventTypes")
                .add("TRADE").add("BOOK_DELTA"));
        m.put("decisionTrigger.everyNth", r -> obj(r, "decisionTrigger").put("everyNth", 4));
        m.put("strategy.id", r -> {
            ObjectNode s = obj(r, "strategy");
            s.put("id", "momentum-taker");
            s.putObject("parameters").put("instrument", 1);
        });
        m.put("strategy.id none", r -> {
            ObjectNode s = obj(r, "strategy");
            s.put("id", "none");
            s.remove("parameters");
        });
        m.put("strategy.parameters.halfSpreadTicks", r -> obj(obj(r, "strategy"), "parameters").put("halfSpreadTicks", 5));
        m.put("strategy.parameters.quoteQtyLots", r -> obj(obj(r, "strategy"), "parameters").put("quoteQtyLots", 3));
        m.put("strategy.parameters.instrument", r -> obj(obj(r, "strategy"), "parameters").put("instrument", 0));
        m.put("strategy.parameters.skewTicksPerLot", r -> obj(obj(r, "strategy"), "parameters")
                .put("skewTicksPerLot", 0));
        m.put("strategy.parameters.replaceThresholdTicks", r -> obj(obj(r, "strategy"), "parameters")
                .put("replaceThresholdTicks", 1));
        m.put("checkpointInterval", r -> r.put("checkpointInterval", 501));
        m.put("venue.entryLatencyNs", r -> obj(r, "venue").put("entryLatencyNs", 1001));
        m.put("venue.responseLatencyNs", r -> obj(r, "venue").put("responseLatencyNs", 2001));
        m.put("venue.feedLeadNs", r -> obj(r, "venue").put("feedLeadNs", 301));
        m.put("venue.feedLeadNs to its default", r -> obj(r, "venue").remove("feedLeadNs"));
        List<Arguments> out = new ArrayList<>();
        m.forEach((name, change) -> out.add(Arguments.of(name, change)));
        return out.stream();
    }

    private static ObjectNode obj(ObjectNode r, String field) {
        return (ObjectNode) r.get(field);
    }

    private static ObjectNode ins(ObjectNode r, int i) {
        return (ObjectNode) r.get("instruments").get(i);
    }

    private static String changed(Consumer<ObjectNode> change) throws Exception {
        ObjectNode root = (ObjectNode) MAPPER.readTree(BASE);
        change.accept(root);
        return MAPPER.writeValueAsString(root);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("semanticChanges")
    void everySemanticChangeChangesTheFingerprint(String name, Consumer<ObjectNode> change) throws Exception {
        assertNotEquals(fp(BASE), fp(changed(change)), name);
    }

    @Test
    void allSemanticChangesGiveDistinctFingerprints() throws Exception {
        Map<String, String> byFingerprint = new HashMap<>();
        byFingerprint.put(fp(BASE), "base");
        Iterator<Arguments> it = semanticChanges().iterator();
        while (it.hasNext()) {
            Object[] a = it.next().get();
            @SuppressWarnings("unchecked")
            Consumer<ObjectNode> change = (Consumer<ObjectNode>) a[1];
            String previous = byFingerprint.put(fp(changed(change)), (String) a[0]);
            assertEquals(null, previous, a[0] + " has the same fingerprint as " + previous);
        }
    }

    // ================================================================== the strategy's version and parameters

    private static String gadgetFp(StrategyCatalog catalog, String members) {
        return CoreConfiguration.parse(CoreConfigurationTest.gadgetJson(members), "test", catalog).fingerprint();
    }

    @Test
    void theStrategyVersionChangesTheFingerprint() {
        // The same file, two catalogs whose "gadget" differ only by version: what the strategy does may
        // differ, so the configurations must not look the same (SPEC §10).
        StrategyCatalog v3 = StrategyCatalog.builtIn().with(CoreConfigurationTest.gadget("3"));
        StrategyCatalog v4 = StrategyCatalog.builtIn().with(CoreConfigurationTest.gadget("4"));
        assertNotEquals(gadgetFp(v3, ""), gadgetFp(v4, ""));
        CoreConfiguration c3 = CoreConfiguration.parse(CoreConfigurationTest.gadgetJson(""), "t", v3);
        CoreConfiguration c4 = CoreConfiguration.parse(CoreConfigurationTest.gadgetJson(""), "t", v4);
        assertEquals(c3.canonicalJson().replace("\"version\":\"3\"", "\"version\":\"4\""), c4.canonicalJson(),
                "only the version differs");
        assertNotEquals(c3.strategy(), c4.strategy());
        // another instance of the same provider at the same version: the same meaning
        StrategyCatalog v3again = StrategyCatalog.builtIn().with(CoreConfigurationTest.gadget("3"));
        assertEquals(gadgetFp(v3, ""), gadgetFp(v3again, ""));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"leg\":1", "\"hedge\":false", "\"depth\":4", "\"depth\":10", "\"depth\":1"})
    void everyStrategyParameterChangesTheFingerprint(String change) {
        String base = gadgetFp(CoreConfigurationTest.GADGETS, "");
        assertEquals(base, gadgetFp(CoreConfigurationTest.GADGETS,
                "\"parameters\":{\"leg\":0,\"hedge\":true,\"depth\":3}"), "defaults written out");
        assertNotEquals(base, gadgetFp(CoreConfigurationTest.GADGETS, "\"parameters\":{" + change + "}"), change);
    }

    @Test
    void strategyParameterChangesGiveDistinctFingerprints() {
        Map<String, String> seen = new HashMap<>();
        for (String params : List.of("", "\"leg\":1", "\"hedge\":false", "\"leg\":1,\"hedge\":false",
                "\"depth\":4", "\"depth\":4,\"leg\":1", "\"depth\":4,\"hedge\":false")) {
            String previous = seen.put(gadgetFp(CoreConfigurationTest.GADGETS, "\"parameters\":{" + params + "}"),
                    params);
            assertEquals(null, previous, params + " has the same fingerprint as " + previous);
        }
    }

    @Test
    void changesAgainstTheDefaultsChangeTheFingerprintToo() {
        String d = fp("{}");
        for (String json : List.of("{\"risk\":{\"maxOrderQtyLots\":999}}", "{\"rateLimit\":{\"refillPerSecond\":11}}",
                "{\"checkpointInterval\":9999}", "{\"venue\":{\"entryLatencyNs\":1}}",
                "{\"decisionTrigger\":{\"everyNth\":2}}", "{\"mergeOrder\":[\"MARKET\",\"EXECUTION\",\"CONTROL_TIME\"]}",
                "{\"instruments\":[{\"symbol\":\"A\",\"tickSize\":1,\"lotSize\":1}]}")) {
            assertNotEquals(d, fp(json), json);
        }
    }

    // ================================================================== helpers

    /** A copy with every object's keys in reverse order, recursively. */
    private static JsonNode reverseKeys(JsonNode n) {
        if (n.isObject()) {
            List<String> names = new ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            ObjectNode out = MAPPER.createObjectNode();
            for (int i = names.size() - 1; i >= 0; i--) {
                out.set(names.get(i), reverseKeys(n.get(names.get(i))));
            }
            return out;
        }
        if (n.isArray()) {
            ArrayNode out = MAPPER.createArrayNode();
            n.forEach(e -> out.add(reverseKeys(e)));
            return out;
        }
        return n;
    }
}

package io.tradingchassis.core.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.TimeInForce;
import io.tradingchassis.core.json.JsonLimits;
import io.tradingchassis.core.strategy.NoStrategy;
import io.tradingchassis.core.strategy.ParameterSpec;
import io.tradingchassis.core.strategy.ParameterType;
import io.tradingchassis.core.strategy.ScriptItem;
import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.core.strategy.StrategyParameters;
import io.tradingchassis.core.strategy.StrategyProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Walks a configuration JSON tree, checking every key and value against the schema (SPEC §10). */
final class ConfigurationParser {

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(JsonLimits.streamReadConstraints())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final long MAX = CoreConfiguration.MAX_EXACT_INTEGER;

    /** Most digits a tick or lot size may have before, and after, the decimal point. */
    private static final int MAX_DECIMAL_DIGITS = 100;

    /**
     * Longest decimal string (a tick or lot size such as {@code "0.01"}), checked before it is parsed:
     * {@code new BigDecimal} takes time quadratic in the length (18 s for a megabyte of digits). The same
     * bound as for a JSON number (1000 digits), which Jackson checks before it parses the number.
     */
    private static final int MAX_DECIMAL_CHARS = JsonLimits.MAX_NUMBER_LENGTH;

    /** Longest detail of a Jackson error kept whole (it can quote a key of the input). */
    private static final int MAX_JACKSON_DETAIL = 200;

    private final String source;
    private final StrategyCatalog catalog;

    private ConfigurationParser(String source, StrategyCatalog catalog) {
        this.source = source;
        this.catalog = catalog;
    }

    static CoreConfiguration parse(String json, String source, StrategyCatalog catalog) {
        // Counted only when it could matter: a char is at most 3 bytes of UTF-8 (a surrogate pair, 4 for 2).
        long bytes = (long) json.length() * 3 <= CoreConfiguration.MAX_INPUT_BYTES ? 0 : utf8Length(json);
        if (bytes > CoreConfiguration.MAX_INPUT_BYTES) {
            throw new ConfigurationException(source, "$", bytes + " bytes of UTF-8, more than the "
                    + CoreConfiguration.MAX_INPUT_TEXT + " a configuration may have");
        }
        JsonNode root;
        try (JsonParser parser = MAPPER.createParser(json)) {
            try {
                root = MAPPER.readTree(parser);
            } catch (JsonProcessingException e) {
                throw unreadable(e, parser, source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading a String cannot fail", e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ConfigurationException(source, "$", "empty input: a configuration is a JSON object, e.g. {}");
        }
        return new ConfigurationParser(source, catalog).root(root);
    }

    /** The length of {@code s} in UTF-8 (a lone surrogate counted as 3 bytes). */
    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** The error for text Jackson cannot read: a broken limit of {@link JsonLimits} by name, else malformed JSON. */
    private static ConfigurationException unreadable(JsonProcessingException e, JsonParser parser, String source) {
        JsonLocation loc = e.getLocation();
        if (loc == null || loc.getLineNr() < 0) {
            // Jackson reports a broken limit without a location: the token that broke it is where it starts.
            loc = parser.currentTokenLocation();
        }
        String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        String limit = JsonLimits.brokenLimit(e);
        if (limit != null) {
            return new ConfigurationException(source, "$", "limit of this reader: " + limit + where);
        }
        return new ConfigurationException(source, "$", "malformed JSON" + where + ": "
                + ConfigurationException.clip(e.getOriginalMessage(), MAX_JACKSON_DETAIL, MAX_JACKSON_DETAIL));
    }

    private CoreConfiguration root(JsonNode root) {
        Obj o = object(root, "$");
        // Schema first: a newer schema brings keys this build does not know; "newer" is the useful error.
        long schema = o.integer("schemaVersion", CoreConfiguration.CURRENT_SCHEMA_VERSION, 1, MAX);
        if (schema > CoreConfiguration.CURRENT_SCHEMA_VERSION) {
            throw error("$.schemaVersion", "schema version " + schema + " is newer than this build supports ("
                    + CoreConfiguration.CURRENT_SCHEMA_VERSION + "); upgrade TradingChassis-J to read it");
        }
        o.only("schemaVersion", "instruments", "risk", "rateLimit", "mergeOrder", "commandPriority",
                "decisionTrigger", "strategy", "checkpointInterval", "venue", "syntheticMarket");
        List<InstrumentSpec> instruments = instruments(o.get("instruments"), "$.instruments");
        RiskLimits risk = risk(o.get("risk"), "$.risk");
        RateLimit rate = rateLimit(o.get("rateLimit"), "$.rateLimit");
        List<MergeSource> merge = permutation(o.get("mergeOrder"), "$.mergeOrder", MergeSource.class,
                CoreConfiguration.DEFAULT_MERGE_ORDER);
        List<CommandType> priority = permutation(o.get("commandPriority"), "$.commandPriority", CommandType.class,
                CoreConfiguration.DEFAULT_COMMAND_PRIORITY);
        DecisionTrigger trigger = decisionTrigger(o.get("decisionTrigger"), "$.decisionTrigger");
        StrategyConfig strategy = strategy(o.get("strategy"), "$.strategy", instruments);
        long checkpoint = o.integer("checkpointInterval", CoreConfiguration.DEFAULT_CHECKPOINT_INTERVAL, 1, MAX);
        VenueModel venue = venue(o.get("venue"), "$.venue");
        SyntheticMarketModel synthetic = syntheticMarket(o.get("syntheticMarket"), "$.syntheticMarket",
                instruments.size());
        return new CoreConfiguration((int) schema, instruments, risk, rate, merge, priority, trigger, strategy,
                checkpoint, venue, synthetic);
    }

    private List<InstrumentSpec> instruments(JsonNode node, String path) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw error(path, "must be an array of instruments (got " + kind(node) + ")");
        }
        List<InstrumentSpec> out = new ArrayList<>();
        Set<String> symbols = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String p = path + "[" + i + "]";
            Obj o = object(node.get(i), p);
            o.only("symbol", "tickSize", "lotSize");
            String symbol = o.requiredString("symbol");
            if (symbol.isBlank()) {
                throw error(p + ".symbol", "must not be blank");
            }
            if (!symbols.add(symbol)) {
                throw error(p + ".symbol", "duplicate symbol " + quote(symbol) + ": symbols must be unique");
            }
            out.add(new InstrumentSpec(symbol, o.positiveDecimal("tickSize"), o.positiveDecimal("lotSize")));
        }
        return out;
    }

    private RiskLimits risk(JsonNode node, String path) {
        RiskLimits d = RiskLimits.DEFAULT;
        if (node == null) {
            return d;
        }
        Obj o = object(node, path);
        o.only("maxOrderQtyLots", "maxPositionLots", "maxOpenOrders", "priceBandTicks");
        return new RiskLimits(
                o.integer("maxOrderQtyLots", d.maxOrderQtyLots(), 1, MAX),
                o.integer("maxPositionLots", d.maxPositionLots(), 0, MAX),
                o.integer("maxOpenOrders", d.maxOpenOrders(), 0, MAX),
                o.integer("priceBandTicks", d.priceBandTicks(), 0, MAX));
    }

    private RateLimit rateLimit(JsonNode node, String path) {
        RateLimit d = RateLimit.DEFAULT;
        if (node == null) {
            return d;
        }
        Obj o = object(node, path);
        o.only("capacity", "refillPerSecond");
        // capacity * 1e9 must fit a long (SPEC §8.3 scaled arithmetic).
        return new RateLimit(o.integer("capacity", d.capacity(), 1, 1_000_000_000L),
                o.integer("refillPerSecond", d.refillPerSecond(), 1, 1_000_000_000L));
    }

    private VenueModel venue(JsonNode node, String path) {
        VenueModel d = VenueModel.DEFAULT;
        if (node == null) {
            return d;
        }
        Obj o = object(node, path);
        o.only("entryLatencyNs", "responseLatencyNs", "feedLeadNs", "timeline", "clockOffsetNs", "gtcRemainder");
        JsonNode timeline = o.get("timeline");
        JsonNode remainder = o.get("gtcRemainder");
        return new VenueModel(o.integer("entryLatencyNs", d.entryLatencyNs(), 0, MAX),
                o.integer("responseLatencyNs", d.responseLatencyNs(), 0, MAX),
                o.integer("feedLeadNs", d.feedLeadNs(), 0, MAX),
                timeline == null ? d.timeline() : enumValue(timeline, path + ".timeline", VenueModel.Timeline.class),
                o.integer("clockOffsetNs", d.clockOffsetNs(), -MAX, MAX),
                remainder == null ? d.gtcRemainder()
                        : enumValue(remainder, path + ".gtcRemainder", VenueModel.GtcRemainder.class));
    }

    private SyntheticMarketModel syntheticMarket(JsonNode node, String path, int instrumentCount) {
        SyntheticMarketModel d = SyntheticMarketModel.DEFAULT;
        if (node == null) {
            return d;
        }
        Obj o = object(node, path);
        o.only("seed", "events", "instrument", "midTicks");
        long instrument = o.integer("instrument", d.instrument(), 0, MAX);
        if (instrument >= Math.max(1, instrumentCount) && instrument != 0) {
            throw error(path + ".instrument", "must be the index of a configured instrument (0.."
                    + (instrumentCount - 1) + "), got " + instrument);
        }
        return new SyntheticMarketModel(o.integer("seed", d.seed(), -MAX, MAX),
                o.integer("events", d.events(), 1, 1_000_000_000_000L), (int) instrument,
                o.integer("midTicks", d.midTicks(), 100, MAX));
    }

    private DecisionTrigger decisionTrigger(JsonNode node, String path) {
        Set<EventType> defaults = EnumSet.noneOf(EventType.class);
        for (EventType t : EventType.values()) {
            if (t.category() == EventType.Category.MARKET || t.category() == EventType.Category.EXECUTION
                    || t == EventType.CONTROL_TIME) {
                defaults.add(t);
            }
        }
        if (node == null) {
            return new DecisionTrigger(defaults, 1);
        }
        Obj o = object(node, path);
        o.only("eventTypes", "everyNth");
        Set<EventType> types = defaults;
        JsonNode et = o.get("eventTypes");
        if (et != null) {
            if (!et.isArray()) {
                throw error(path + ".eventTypes", "must be an array of event type names (got " + kind(et) + ")");
            }
            types = EnumSet.noneOf(EventType.class);
            for (int i = 0; i < et.size(); i++) {
                EventType t = enumValue(et.get(i), path + ".eventTypes[" + i + "]", EventType.class);
                if (!types.add(t)) {
                    throw error(path + ".eventTypes[" + i + "]", "duplicate event type " + t);
                }
            }
        }
        return new DecisionTrigger(types, o.integer("everyNth", 1, 1, MAX));
    }

    private StrategyConfig strategy(JsonNode node, String path, List<InstrumentSpec> instrumentSpecs) {
        int instrumentCount = instrumentSpecs.size();
        if (node == null) {
            return new StrategyConfig(known(NoStrategy.ID, path + ".id"), StrategyParameters.none());
        }
        Obj o = object(node, path);
        o.only("id", "version", "parameters", "script");
        JsonNode idNode = o.get("id");
        String id = NoStrategy.ID;
        if (idNode != null) {
            if (!idNode.isTextual()) {
                throw error(path + ".id", "must be a string (got " + kind(idNode) + ")");
            }
            id = idNode.textValue();
        }
        StrategyProvider provider = known(id, path + ".id");
        JsonNode vNode = o.get("version");
        if (vNode != null && !(vNode.isTextual() && vNode.textValue().equals(provider.version()))) {
            throw error(path + ".version", "strategy \"" + id + "\" is at version \"" + provider.version()
                    + "\" in this catalog (got " + kind(vNode) + "); omit the key to take the catalog's");
        }
        TreeMap<String, Long> params = new TreeMap<>();
        JsonNode pNode = o.get("parameters");
        Obj p = object(pNode == null ? MAPPER.createObjectNode() : pNode, path + ".parameters");
        p.only(provider.parameters().stream().map(ParameterSpec::name).toArray(String[]::new));
        for (ParameterSpec s : provider.parameters()) {
            long v;
            if (s.type() == ParameterType.BOOLEAN) {
                JsonNode b = p.get(s.name());
                if (b != null && !b.isBoolean()) {
                    throw error(path + ".parameters." + s.name(), "must be true or false (got " + kind(b) + ")");
                }
                v = b == null ? s.defaultValue() : b.booleanValue() ? 1 : 0;
            } else {
                v = p.integer(s.name(), s.defaultValue(), s.min(), s.max());
            }
            if (s.type() == ParameterType.INSTRUMENT && v >= instrumentCount) {
                throw error(path + ".parameters." + s.name(), "must be the index of a configured instrument (0.."
                        + (instrumentCount - 1) + "), got " + v + " with " + instrumentCount + " instrument(s)");
            }
            params.put(s.name(), v);
        }
        JsonNode scriptNode = o.get("script");
        if (scriptNode != null && !provider.takesScript()) {
            throw error(path + ".script", "strategy " + quote(id) + " takes no script (only a strategy such as "
                    + "\"scripted\" does)");
        }
        List<ScriptItem> script = provider.takesScript() ? script(scriptNode, path + ".script", instrumentSpecs)
                : List.of();
        StrategyParameters resolved = new StrategyParameters(params, script);
        try {
            provider.validate(resolved);
        } catch (IllegalArgumentException e) {
            throw error(path + ".parameters", "strategy \"" + id + "\": " + e.getMessage());
        }
        return new StrategyConfig(provider, resolved);
    }

    /**
     * The {@code scripted} strategy's items, in time order: {@code atNs}, {@code intent}, {@code key},
     * {@code instrument}, {@code side}, {@code price} and {@code qty} as decimals on the instrument's tick
     * and lot grid (not for a CANCEL), {@code tif} (a NEW's; default GTC).
     */
    private List<ScriptItem> script(JsonNode node, String path, List<InstrumentSpec> instrumentSpecs) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw error(path, "must be an array of script items (got " + kind(node) + ")");
        }
        List<ScriptItem> out = new ArrayList<>();
        long previousAt = Long.MIN_VALUE;
        for (int i = 0; i < node.size(); i++) {
            String p = path + "[" + i + "]";
            Obj o = object(node.get(i), p);
            o.only("atNs", "intent", "key", "instrument", "side", "price", "qty", "tif");
            for (String required : new String[] {"atNs", "intent", "key", "side"}) {
                if (o.get(required) == null) {
                    throw error(p + "." + required, "required");
                }
            }
            // Nanosecond times exceed 2^53: read exactly (any long), and resolved as a decimal string so the
            // RFC 8785 form never rounds them through a double.
            long at;
            JsonNode atNode = o.get("atNs");
            if (atNode.isTextual()) {
                String t = atNode.textValue();
                if (t.isEmpty() || t.length() > 19 || !t.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                    throw error(p + ".atNs", "must be a non-negative integer of nanoseconds (got " + quote(t) + ")");
                }
                try {
                    at = Long.parseLong(t);
                } catch (NumberFormatException e) {
                    throw error(p + ".atNs", "must be at most " + Long.MAX_VALUE + " (got " + quote(t) + ")");
                }
            } else {
                at = o.integer("atNs", 0, 0, Long.MAX_VALUE);
            }
            if (at < previousAt) {
                throw error(p + ".atNs", "items must be in time order: " + at + " is before the previous item's "
                        + previousAt);
            }
            previousAt = at;
            CommandType type = enumValue(o.get("intent"), p + ".intent", CommandType.class);
            long key = o.integer("key", 0, -MAX, MAX);
            if (instrumentSpecs.isEmpty()) {
                throw error(p + ".instrument", "the configuration defines no instrument");
            }
            int instrument = (int) o.integer("instrument", 0, 0, instrumentSpecs.size() - 1);
            Side side = enumValue(o.get("side"), p + ".side", Side.class);
            InstrumentSpec spec = instrumentSpecs.get(instrument);
            long price = 0;
            long qty = 0;
            if (type == CommandType.CANCEL) {
                if (o.get("price") != null || o.get("qty") != null) {
                    throw error(p, "a CANCEL carries no price or qty");
                }
            } else {
                price = onGrid(o.positiveDecimal("price"), spec.tickSize(), p + ".price", "tick size");
                qty = onGrid(o.positiveDecimal("qty"), spec.lotSize(), p + ".qty", "lot size");
            }
            TimeInForce tif = TimeInForce.GTC;
            JsonNode tifNode = o.get("tif");
            if (tifNode != null) {
                if (type != CommandType.NEW) {
                    throw error(p + ".tif", "only a NEW carries a time in force");
                }
                tif = enumValue(tifNode, p + ".tif", TimeInForce.class);
            }
            out.add(new ScriptItem(at, type, key, instrument, side, price, qty, tif));
        }
        return out;
    }

    /** {@code value / unit} as an exact long, or an error naming the path and the grid. */
    private long onGrid(BigDecimal value, BigDecimal unit, String path, String what) {
        BigDecimal n = value.divide(unit);
        if (n.stripTrailingZeros().scale() > 0) {
            throw error(path, value.toPlainString() + " is not a multiple of the instrument's " + what + " "
                    + unit.toPlainString());
        }
        try {
            return n.longValueExact();
        } catch (ArithmeticException e) {
            throw error(path, value.toPlainString() + " is more than 2^63 - 1 " + what + "s");
        }
    }

    private StrategyProvider known(String id, String path) {
        StrategyProvider provider = catalog.provider(id);
        if (provider == null) {
            throw error(path, "unknown strategy " + quote(id) + "; known: " + catalog.ids());
        }
        return provider;
    }

    private <E extends Enum<E>> List<E> permutation(JsonNode node, String path, Class<E> type, List<E> defaults) {
        if (node == null) {
            return defaults;
        }
        if (!node.isArray()) {
            throw error(path, "must be an array of " + List.of(type.getEnumConstants()) + " (got " + kind(node) + ")");
        }
        LinkedHashSet<E> seen = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            E e = enumValue(node.get(i), path + "[" + i + "]", type);
            if (!seen.add(e)) {
                throw error(path + "[" + i + "]", "duplicate " + e + ": must name each of "
                        + List.of(type.getEnumConstants()) + " exactly once");
            }
        }
        if (seen.size() != type.getEnumConstants().length) {
            throw error(path, "must name each of " + List.of(type.getEnumConstants()) + " exactly once (got "
                    + seen + ")");
        }
        return List.copyOf(seen);
    }

    private <E extends Enum<E>> E enumValue(JsonNode node, String path, Class<E> type) {
        if (node == null || !node.isTextual()) {
            throw error(path, "must be one of " + List.of(type.getEnumConstants()) + " (got " + kind(node) + ")");
        }
        try {
            return Enum.valueOf(type, node.textValue());
        } catch (IllegalArgumentException e) {
            throw error(path, "unknown value " + quote(node.textValue()) + "; must be one of "
                    + List.of(type.getEnumConstants()));
        }
    }

    /**
     * {@code s}, if it has no lone surrogate. A string the configuration keeps reaches its RFC 8785 form,
     * which (like any I-JSON) cannot hold one; a JSON escape of one (backslash-ud800) can.
     */
    private String validUnicode(String s, String path) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw error(path, String.format("must be valid Unicode (RFC 7493 §2.1): lone surrogate \\u%04x at "
                        + "index %d", (int) c, i));
            }
        }
        return s;
    }

    private Obj object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw error(path, "must be a JSON object (got " + kind(node) + ")");
        }
        return new Obj(node, path);
    }

    private ConfigurationException error(String path, String rule) {
        return new ConfigurationException(source, path, rule);
    }

    /**
     * A number for an error message: plain when short, else scientific ({@code 1E+999999999}), so a
     * huge exponent never expands into a gigantic string; clipped when it has many digits.
     */
    private static String shown(BigDecimal v) {
        return ConfigurationException.clip(
                Math.abs((long) v.scale()) <= 40 && v.precision() <= 60 ? v.toPlainString() : v.toString());
    }

    private static String quote(String s) {
        return ConfigurationException.quote(s);
    }

    /**
     * What a value is, for "(got ...)": its type and, for a scalar, its (clipped) text. A container is
     * described by its size, never printed: that could copy megabytes to show forty characters.
     */
    private static String kind(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        switch (n.getNodeType()) {
            case STRING:
                return "string " + quote(n.textValue());
            case NUMBER:
                return "number " + ConfigurationException.clip(n.asText());
            case BOOLEAN:
                return "boolean " + n.asText();
            case ARRAY:
                return "array of " + n.size() + (n.size() == 1 ? " element" : " elements");
            case OBJECT:
                return "object with " + n.size() + (n.size() == 1 ? " member" : " members");
            default:
                return n.getNodeType().name().toLowerCase(Locale.ROOT);
        }
    }

    /** One JSON object being read, with its path. */
    private final class Obj {
        private final JsonNode node;
        private final String path;

        Obj(JsonNode node, String path) {
            this.node = node;
            this.path = path;
        }

        JsonNode get(String name) {
            JsonNode n = node.get(name);
            if (n != null && n.isNull()) {
                throw error(path + "." + name, "must not be null; omit the key to use its default");
            }
            return n;
        }

        /** Rejects any key not named (SPEC §10: unknown keys are an error naming key and path). */
        void only(String... names) {
            Set<String> allowed = Set.of(names);
            Iterator<String> it = node.fieldNames();
            while (it.hasNext()) {
                String k = it.next();
                if (!allowed.contains(k)) {
                    throw error(path + "." + ConfigurationException.pathKey(k), "unknown key " + quote(k)
                            + "; allowed here: " + new TreeSet<>(allowed));
                }
            }
        }

        String requiredString(String name) {
            JsonNode n = get(name);
            if (n == null) {
                throw error(path + "." + name, "required");
            }
            if (!n.isTextual()) {
                throw error(path + "." + name, "must be a string (got " + kind(n) + ")");
            }
            return validUnicode(n.textValue(), path + "." + name);
        }

        /** An exact positive decimal, given as a string ("0.01") or a JSON number read exactly. */
        BigDecimal positiveDecimal(String name) {
            JsonNode n = get(name);
            String p = path + "." + name;
            if (n == null) {
                throw error(p, "required (an exact decimal such as \"0.01\")");
            }
            BigDecimal v;
            if (n.isTextual()) {
                String text = n.textValue();
                if (text.length() > MAX_DECIMAL_CHARS) {
                    throw error(p, "must be a decimal string of at most " + MAX_DECIMAL_CHARS
                            + " characters such as \"0.01\" (got " + quote(text) + ")");
                }
                try {
                    v = new BigDecimal(text.trim());
                } catch (NumberFormatException e) {
                    throw error(p, "must be a decimal number such as \"0.01\" (got " + quote(text) + ")");
                }
            } else if (n.isNumber()) {
                // Its text is at most MAX_DECIMAL_CHARS long: Jackson checks that before it parses it.
                v = n.decimalValue();
            } else {
                throw error(p, "must be a decimal string such as \"0.01\" (got " + kind(n) + ")");
            }
            if (v.signum() <= 0) {
                throw error(p, "must be > 0 (got " + shown(v) + ")");
            }
            // Canonical spelling: "0.010", "1e-2" and 0.01 all resolve to 0.01.
            v = v.stripTrailingZeros();
            // "1e999999999" is 11 characters but a billion digits in plain form: refuse before expanding it.
            if (v.scale() > MAX_DECIMAL_DIGITS || (long) v.precision() - v.scale() > MAX_DECIMAL_DIGITS) {
                throw error(p, "must have at most " + MAX_DECIMAL_DIGITS
                        + " digits before and after the decimal point (got " + shown(v) + ")");
            }
            return v.scale() < 0 ? v.setScale(0) : v;
        }

        /** An integer in [min, max]; any exact spelling (10, 10.0, 1e1) is accepted. */
        long integer(String name, long dflt, long min, long max) {
            JsonNode n = get(name);
            String p = path + "." + name;
            if (n == null) {
                return dflt;
            }
            if (!n.isNumber()) {
                throw error(p, "must be an integer in [" + min + ", " + max + "] (got " + kind(n) + ")");
            }
            BigDecimal v = n.decimalValue();
            BigDecimal stripped = v.stripTrailingZeros();
            if (stripped.scale() > 0) {
                throw error(p, "must be an integer (got " + shown(v) + ")");
            }
            if (v.compareTo(BigDecimal.valueOf(min)) < 0 || v.compareTo(BigDecimal.valueOf(max)) > 0) {
                throw error(p, "must be in [" + min + ", " + max + "] (got " + shown(stripped) + ")");
            }
            return v.longValueExact();
        }
    }
}

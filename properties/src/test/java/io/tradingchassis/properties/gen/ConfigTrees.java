package io.tradingchassis.properties.gen;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradingchassis.core.config.CoreConfiguration;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Configurations as plain trees ({@code Map} for objects, {@code List} for arrays, {@code Long},
 * {@code String}, {@code Boolean} leaves), generated within the validation rules of README
 * "Configuration", and rendered to JSON text in many spellings of one meaning: any key order, any
 * whitespace, integers as {@code 100}, {@code 100.0}, {@code 1e2}, {@code 1.00E+2}, a set
 * ({@code decisionTrigger.eventTypes}) in any order, and defaults written out or left implicit.
 */
public final class ConfigTrees {
    static final List<String> EVENT_TYPES = List.of("BOOK_DELTA", "BOOK_SNAPSHOT", "TRADE", "BBO", "ORDER_ACCEPTED",
            "ORDER_REJECTED", "ORDER_FILLED", "ORDER_CANCELLED", "ORDER_REPLACED", "ORDER_EXPIRED", "ORDER_SUBMITTED",
            "DISPATCH_FAILED", "SESSION_START", "KILL_SWITCH", "CONFIGURATION_ACTIVATED", "FEED_GAP", "CONTROL_TIME");

    private ConfigTrees() {
    }

    /** A valid configuration tree: every top-level block present or absent, values within their rules. */
    public static Gen<Map<String, Object>> configs() {
        return ConfigTrees::generate;
    }

    static Map<String, Object> generate(RandomnessSource in) {
        Map<String, Object> c = new LinkedHashMap<>();
        if (Draw.bool(in)) {
            c.put("schemaVersion", 1L);
        }
        int instruments = Draw.integer(in, 0, 2);
        if (instruments > 0 || Draw.bool(in)) {
            List<Object> l = new ArrayList<>();
            for (int i = 0; i < instruments; i++) {
                Map<String, Object> ins = new LinkedHashMap<>();
                ins.put("symbol", "SYM" + i + Draw.pick(in, "", "USDT", "€"));
                ins.put("tickSize", Draw.pick(in, "0.01", "0.5", "1", "0.001"));
                ins.put("lotSize", Draw.pick(in, "1", "0.001", "0.1"));
                l.add(ins);
            }
            c.put("instruments", l);
        }
        if (Draw.bool(in)) {
            Map<String, Object> r = new LinkedHashMap<>();
            maybe(in, r, "maxOrderQtyLots", 1, 100_000);
            maybe(in, r, "maxPositionLots", 0, 1_000_000);
            maybe(in, r, "maxOpenOrders", 0, 1_000);
            maybe(in, r, "priceBandTicks", 0, 100_000);
            c.put("risk", r);
        }
        if (Draw.bool(in)) {
            Map<String, Object> r = new LinkedHashMap<>();
            maybe(in, r, "capacity", 1, 1_000);
            maybe(in, r, "refillPerSecond", 1, 100_000);
            c.put("rateLimit", r);
        }
        if (Draw.bool(in)) {
            c.put("mergeOrder", new ArrayList<Object>(Draw.permutation(in, List.of("CONTROL_TIME", "EXECUTION", "MARKET"))));
        }
        if (Draw.bool(in)) {
            c.put("commandPriority", new ArrayList<Object>(Draw.permutation(in, List.of("CANCEL", "REPLACE", "NEW"))));
        }
        if (Draw.bool(in)) {
            Map<String, Object> d = new LinkedHashMap<>();
            if (Draw.bool(in)) {
                List<Object> types = new ArrayList<>();
                for (String t : EVENT_TYPES) {
                    if (Draw.bool(in)) {
                        types.add(t);
                    }
                }
                d.put("eventTypes", types);
            }
            maybe(in, d, "everyNth", 1, 100);
            c.put("decisionTrigger", d);
        }
        if (Draw.bool(in)) {
            c.put("strategy", strategy(in, instruments));
        }
        if (Draw.bool(in)) {
            c.put("checkpointInterval", Draw.between(in, 1, 1_000_000));
        }
        if (Draw.bool(in)) {
            Map<String, Object> v = new LinkedHashMap<>();
            maybe(in, v, "entryLatencyNs", 0, 10_000_000);
            maybe(in, v, "responseLatencyNs", 0, 10_000_000);
            maybe(in, v, "feedLeadNs", 0, 10_000_000);
            if (Draw.bool(in)) {
                v.put("timeline", Draw.pick(in, "LOCAL", "EXCHANGE"));
            }
            maybe(in, v, "clockOffsetNs", -2_000_000_000L, 2_000_000_000L);
            if (Draw.bool(in)) {
                v.put("gtcRemainder", Draw.pick(in, "REST", "FILL_AT_LIMIT"));
            }
            c.put("venue", v);
        }
        if (Draw.bool(in)) {
            Map<String, Object> s = new LinkedHashMap<>();
            maybe(in, s, "seed", -1_000_000, 1_000_000);
            maybe(in, s, "events", 1, 10_000_000);
            maybe(in, s, "midTicks", 100, 100_000_000);
            c.put("syntheticMarket", s);
        }
        return c;
    }

    private static Map<String, Object> strategy(RandomnessSource in, int instruments) {
        Map<String, Object> s = new LinkedHashMap<>();
        String id = instruments == 0 ? "none" : Draw.pick(in, "none", "market-maker", "momentum-taker", "scripted");
        s.put("id", id);
        Map<String, Object> p = new LinkedHashMap<>();
        switch (id) {
            case "market-maker" -> {
                maybe(in, p, "halfSpreadTicks", 1, 50);
                maybe(in, p, "quoteQtyLots", 1, 50);
                maybe(in, p, "replaceThresholdTicks", 1, 20);
            }
            case "momentum-taker" -> {
                maybe(in, p, "tradesInRow", 1, 20);
                maybe(in, p, "orderQtyLots", 1, 20);
            }
            case "scripted" -> {
                List<Object> script = new ArrayList<>();
                long at = 1_700_000_000_000_000_000L;
                int n = Draw.integer(in, 0, 3);
                for (int i = 0; i < n; i++) {
                    at += Draw.between(in, 0, 5_000_000_000L);
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("atNs", String.valueOf(at));
                    item.put("intent", i == 0 ? "NEW" : Draw.pick(in, "NEW", "CANCEL"));
                    item.put("key", (long) i + 1);
                    item.put("side", Draw.pick(in, "BUY", "SELL"));
                    if (item.get("intent").equals("NEW")) {
                        item.put("price", "100");
                        item.put("qty", "1");
                        if (Draw.bool(in)) {
                            item.put("tif", Draw.pick(in, "GTC", "IOC", "FOK", "GTX"));
                        }
                    }
                    script.add(item);
                }
                s.put("script", script);
            }
            default -> {
            }
        }
        if (!p.isEmpty() || (!id.equals("none") && !id.equals("scripted") && Draw.bool(in))) {
            s.put("parameters", p);
        }
        return s;
    }

    private static void maybe(RandomnessSource in, Map<String, Object> m, String key, long lo, long hi) {
        if (Draw.bool(in)) {
            m.put(key, Draw.between(in, lo, hi));
        }
    }

    /** The tree of a parsed JSON value (objects in their order, numbers as Long when integral, else BigDecimal). */
    public static Object tree(JsonNode n) {
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), tree(e.getValue()));
            }
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            for (JsonNode x : n) {
                l.add(tree(x));
            }
            return l;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isIntegralNumber()) {
            return n.longValue();
        }
        if (n.isNumber()) {
            return n.decimalValue();
        }
        return n.textValue();
    }

    /** The fully resolved form of {@code cfg} as a tree. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> resolved(CoreConfiguration cfg) {
        return (Map<String, Object>) tree(cfg.resolvedJson());
    }

    /** Deep copy. */
    @SuppressWarnings("unchecked")
    public static Object copy(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> c = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                c.put((String) e.getKey(), copy(e.getValue()));
            }
            return c;
        }
        if (o instanceof List<?> l) {
            List<Object> c = new ArrayList<>();
            for (Object x : l) {
                c.add(copy(x));
            }
            return c;
        }
        return o;
    }

    /**
     * {@code tree} with some defaults written out: for each key of {@code resolved} the tree lacks (at
     * the top level and inside objects both have), copied over with probability one half.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> withDefaults(RandomnessSource in, Map<String, Object> tree,
                                                   Map<String, Object> resolved) {
        Map<String, Object> out = (Map<String, Object>) copy(tree);
        for (Map.Entry<String, Object> e : resolved.entrySet()) {
            Object mine = out.get(e.getKey());
            if (mine == null) {
                if (Draw.bool(in) && !e.getKey().equals("strategy")) {
                    out.put(e.getKey(), copy(e.getValue()));
                }
            } else if (mine instanceof Map<?, ?> && e.getValue() instanceof Map<?, ?> && !e.getKey().equals("strategy")) {
                out.put(e.getKey(), withDefaults(in, (Map<String, Object>) mine, (Map<String, Object>) e.getValue()));
            }
        }
        return out;
    }

    /** Renders {@code value} as JSON in a drawn spelling: key order, whitespace, integer spelling, set order. */
    public static String render(RandomnessSource in, Object value) {
        StringBuilder b = new StringBuilder();
        render(in, value, b, null);
        return ws(in) + b + ws(in);
    }

    @SuppressWarnings("unchecked")
    private static void render(RandomnessSource in, Object v, StringBuilder b, String key) {
        if (v instanceof Map<?, ?> m) {
            List<String> keys = Draw.permutation(in, new ArrayList<>((Set<String>) m.keySet()));
            b.append('{').append(ws(in));
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    b.append(ws(in)).append(',').append(ws(in));
                }
                b.append(string(keys.get(i))).append(ws(in)).append(':').append(ws(in));
                render(in, m.get(keys.get(i)), b, keys.get(i));
            }
            b.append(ws(in)).append('}');
        } else if (v instanceof List<?> l) {
            List<Object> items = (List<Object>) l;
            if ("eventTypes".equals(key)) {
                items = Draw.permutation(in, items); // a set: its order carries no meaning
            }
            b.append('[').append(ws(in));
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    b.append(ws(in)).append(',').append(ws(in));
                }
                render(in, items.get(i), b, null);
            }
            b.append(ws(in)).append(']');
        } else if (v instanceof Long n) {
            b.append(number(in, n));
        } else if (v instanceof BigDecimal d) {
            b.append(d.toString());
        } else if (v instanceof Boolean x) {
            b.append(x);
        } else {
            b.append(string((String) v));
        }
    }

    /** An integer in one of its JSON spellings (all the same number). */
    static String number(RandomnessSource in, long n) {
        switch (Draw.integer(in, 0, 4)) {
            case 1:
                return n + ".0";
            case 2:
                return BigDecimal.valueOf(n).stripTrailingZeros().toString().replace("E+", "e");
            case 3:
                return n == 0 ? "0e5" : new BigDecimal(n).movePointLeft(1).toPlainString() + "E1";
            case 4:
                return n + ".000";
            default:
                return Long.toString(n);
        }
    }

    private static String ws(RandomnessSource in) {
        return Draw.pick(in, "", "", " ", "\n", "\t ", "\r\n  ");
    }

    /** A JSON string literal (escaping quotes, backslashes and control characters; non-ASCII sometimes escaped). */
    static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                b.append('\\').append(ch);
            } else if (ch < 0x20 || ch > 0x7e) {
                b.append(String.format("\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return b.append('"').toString();
    }
}

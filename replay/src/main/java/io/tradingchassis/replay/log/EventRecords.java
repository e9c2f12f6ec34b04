package io.tradingchassis.replay.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.PriceLevel;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.openhft.chronicle.wire.ValueIn;
import net.openhft.chronicle.wire.ValueOut;
import net.openhft.chronicle.wire.WireIn;
import net.openhft.chronicle.wire.WireOut;

/**
 * Events as named fields — the record's own component names, in declaration order — for the readable
 * forms: a golden log's YAML (Chronicle Wire) and hand-written events in golden scenarios (JSON). A
 * {@code type} field names the event record ({@code BookDelta}, {@code OrderFilled}, …). Field types:
 * integers, booleans, strings ({@code null} allowed), enums by name, {@code List<PriceLevel>} as a list of
 * {@code {priceTicks, qtyLots}}, and nested records (an {@code OrderSubmitted}'s command) as maps.
 */
public final class EventRecords {
    private static final Map<String, Class<?>> BY_NAME = byName();

    private EventRecords() {
    }

    private static Map<String, Class<?>> byName() {
        Map<String, Class<?>> m = new TreeMap<>();
        collect(Event.class, m);
        return Collections.unmodifiableMap(m);
    }

    private static void collect(Class<?> c, Map<String, Class<?>> m) {
        if (c.isRecord()) {
            m.put(c.getSimpleName(), c);
        }
        Class<?>[] sub = c.getPermittedSubclasses();
        if (sub != null) {
            for (Class<?> s : sub) {
                collect(s, m);
            }
        }
    }

    /** The names of every event type, for messages. */
    public static String typeNames() {
        return String.join(", ", BY_NAME.keySet());
    }

    // ------------------------------------------------------------------ JSON

    /** {@code e} as a JSON object: {@code type} then its fields. */
    public static ObjectNode toJson(Object e) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (e instanceof Event) {
            o.put("type", e.getClass().getSimpleName());
        }
        for (RecordComponent rc : e.getClass().getRecordComponents()) {
            Object v = get(rc, e);
            String n = rc.getName();
            if (v == null) {
                o.putNull(n);
            } else if (v instanceof Long l) {
                o.put(n, l);
            } else if (v instanceof Integer i) {
                o.put(n, i);
            } else if (v instanceof Boolean b) {
                o.put(n, b);
            } else if (v instanceof String || v instanceof Enum) {
                o.put(n, v.toString());
            } else if (v instanceof List<?> list) {
                var arr = o.putArray(n);
                for (Object x : list) {
                    arr.add(toJson(x));
                }
            } else {
                o.set(n, toJson(v));
            }
        }
        return o;
    }

    /**
     * The event a JSON object describes.
     *
     * @throws IllegalArgumentException naming {@code where} and the field, when a field is missing, unknown
     *         or of the wrong kind, or the event's own checks refuse it
     */
    public static Event fromJson(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(where + ": an event must be an object with a \"type\"");
        }
        JsonNode t = node.get("type");
        Class<?> c = t == null ? null : BY_NAME.get(t.asText());
        if (c == null) {
            throw new IllegalArgumentException(where + ".type: " + (t == null ? "missing" : "unknown event type '"
                    + t.asText() + "'") + "; one of " + typeNames());
        }
        return (Event) recordFromJson(c, node, where, true);
    }

    private static Object recordFromJson(Class<?> c, JsonNode node, String where, boolean typed) {
        RecordComponent[] rcs = c.getRecordComponents();
        List<String> known = new ArrayList<>();
        Object[] args = new Object[rcs.length];
        for (int i = 0; i < rcs.length; i++) {
            RecordComponent rc = rcs[i];
            known.add(rc.getName());
            JsonNode v = node.get(rc.getName());
            String at = where + "." + rc.getName();
            if (v == null) {
                throw new IllegalArgumentException(at + ": missing");
            }
            args[i] = valueFromJson(rc.getType(), rc.getGenericType(), v, at);
        }
        node.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f) && !(typed && f.equals("type"))) {
                throw new IllegalArgumentException(where + "." + f + ": not a field of " + c.getSimpleName()
                        + " (fields: " + String.join(", ", known) + ")");
            }
        });
        return construct(c, args, where);
    }

    private static Object valueFromJson(Class<?> type, Type generic, JsonNode v, String at) {
        if (type == long.class) {
            if (!v.canConvertToLong() || !v.isIntegralNumber()) {
                throw new IllegalArgumentException(at + ": an integer is required, got " + v);
            }
            return v.asLong();
        }
        if (type == int.class) {
            if (!v.canConvertToInt() || !v.isIntegralNumber()) {
                throw new IllegalArgumentException(at + ": a 32-bit integer is required, got " + v);
            }
            return v.asInt();
        }
        if (type == boolean.class) {
            if (!v.isBoolean()) {
                throw new IllegalArgumentException(at + ": true or false is required, got " + v);
            }
            return v.asBoolean();
        }
        if (type == String.class) {
            if (v.isNull()) {
                return null;
            }
            if (!v.isTextual()) {
                throw new IllegalArgumentException(at + ": a string is required, got " + v);
            }
            return v.asText();
        }
        if (type.isEnum()) {
            return enumValue(type, v.asText(), at);
        }
        if (type == List.class) {
            Class<?> item = itemType(generic);
            if (!v.isArray()) {
                throw new IllegalArgumentException(at + ": a list is required, got " + v);
            }
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                out.add(recordFromJson(item, v.get(i), at + "[" + i + "]", false));
            }
            return out;
        }
        if (type.isRecord()) {
            if (!v.isObject()) {
                throw new IllegalArgumentException(at + ": an object is required, got " + v);
            }
            return recordFromJson(type, v, at, false);
        }
        throw new IllegalStateException("no JSON form for a field of type " + type);
    }

    // ------------------------------------------------------------------ YAML (Chronicle Wire)

    /** Writes {@code e}'s type and fields into {@code out} (a marshallable's body). */
    public static void toYaml(Object e, WireOut out) {
        if (e instanceof Event) {
            out.write("type").text(e.getClass().getSimpleName());
        }
        for (RecordComponent rc : e.getClass().getRecordComponents()) {
            Object v = get(rc, e);
            ValueOut vo = out.write(rc.getName());
            if (v instanceof Long l) {
                vo.int64(l);
            } else if (v instanceof Integer i) {
                vo.int32(i);
            } else if (v instanceof Boolean b) {
                vo.bool(b);
            } else if (v == null || v instanceof String) {
                vo.text((String) v);
            } else if (v instanceof Enum<?> en) {
                vo.text(en.name());
            } else if (v instanceof List<?> list) {
                vo.sequence(list, (l, so) -> {
                    for (Object x : l) {
                        so.marshallable(w -> toYaml(x, w));
                    }
                });
            } else {
                vo.marshallable(w -> toYaml(v, w));
            }
        }
    }

    /** Reads an event written by {@link #toYaml} from {@code in} (a marshallable's body). */
    public static Event fromYaml(WireIn in, String where) {
        String t = in.read("type").text();
        Class<?> c = t == null ? null : BY_NAME.get(t);
        if (c == null) {
            throw new IllegalArgumentException(where + ": unknown event type '" + t + "'");
        }
        return (Event) recordFromYaml(c, in, where);
    }

    private static Object recordFromYaml(Class<?> c, WireIn in, String where) {
        RecordComponent[] rcs = c.getRecordComponents();
        Object[] args = new Object[rcs.length];
        for (int i = 0; i < rcs.length; i++) {
            RecordComponent rc = rcs[i];
            ValueIn v = in.read(rc.getName());
            String at = where + "." + rc.getName();
            Class<?> type = rc.getType();
            if (type == long.class) {
                args[i] = v.int64();
            } else if (type == int.class) {
                args[i] = v.int32();
            } else if (type == boolean.class) {
                args[i] = v.bool();
            } else if (type == String.class) {
                args[i] = v.text();
            } else if (type.isEnum()) {
                args[i] = enumValue(type, v.text(), at);
            } else if (type == List.class) {
                Class<?> item = itemType(rc.getGenericType());
                List<Object> out = new ArrayList<>();
                v.sequence(out, (l, si) -> {
                    while (si.hasNextSequenceItem()) {
                        Object[] one = new Object[1];
                        si.marshallable(w -> one[0] = recordFromYaml(item, w, at));
                        l.add(one[0]);
                    }
                });
                args[i] = out;
            } else if (type.isRecord()) {
                Object[] one = new Object[1];
                v.marshallable(w -> one[0] = recordFromYaml(type, w, at));
                args[i] = one[0];
            } else {
                throw new IllegalStateException("no YAML form for a field of type " + type);
            }
        }
        return construct(c, args, where);
    }

    // ------------------------------------------------------------------ shared

    private static Class<?> itemType(Type generic) {
        if (generic instanceof ParameterizedType pt && pt.getActualTypeArguments()[0] instanceof Class<?> item) {
            return item;
        }
        return PriceLevel.class;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name, String at) {
        try {
            return Enum.valueOf((Class) type, name);
        } catch (IllegalArgumentException | NullPointerException e) {
            List<String> names = new ArrayList<>();
            for (Object k : type.getEnumConstants()) {
                names.add(((Enum<?>) k).name());
            }
            throw new IllegalArgumentException(at + ": '" + name + "' is not one of " + names);
        }
    }

    private static Object get(RecordComponent rc, Object e) {
        try {
            return rc.getAccessor().invoke(e);
        } catch (IllegalAccessException | InvocationTargetException ex) {
            throw new IllegalStateException("cannot read " + rc, ex);
        }
    }

    private static Object construct(Class<?> c, Object[] args, String where) {
        RecordComponent[] rcs = c.getRecordComponents();
        Class<?>[] types = new Class<?>[rcs.length];
        for (int i = 0; i < rcs.length; i++) {
            types[i] = rcs[i].getType();
        }
        try {
            Constructor<?> k = c.getDeclaredConstructor(types);
            return k.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new IllegalArgumentException(where + ": " + c.getSimpleName() + " refuses these fields: "
                    + (cause == null ? e : cause.getMessage()), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + c.getSimpleName(), e);
        }
    }
}

package io.tradingchassis.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Produces the RFC 8785 (JSON Canonicalization Scheme) form of a JSON value: object
 * members sorted by the UTF-16 code units of their names, no insignificant whitespace,
 * strings with only {@code "}, {@code \} and control characters escaped, numbers written
 * as ECMAScript writes doubles ({@link Es6NumberFormatter}), UTF-8 output.
 *
 * <p>Input must be I-JSON (RFC 7493): a duplicate member name, a lone surrogate in a string
 * or name, or a number whose magnitude overflows a double is an error, never repaired. A
 * number is otherwise read as the double nearest to its decimal text, so {@code 4.50},
 * {@code 4.5} and {@code 45e-1} canonicalize alike.
 *
 * <p>Text is read within {@link JsonLimits} (nesting, number, name and string lengths); a tree
 * built in code may be nested to any depth. Error messages show at most the first characters of a
 * long value or name.
 *
 * <p>Stateless and thread-safe. Configuration-time code: it allocates freely.
 */
public final class JsonCanonicalizer {

    /** Strict JSON (Jackson's defaults) plus duplicate-name detection, within {@link JsonLimits}. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(JsonLimits.streamReadConstraints())
            .build();

    /** Longest detail of a Jackson error kept whole (it can quote a member name of the input). */
    private static final int MAX_JACKSON_DETAIL = 200;

    /** A JSON path with more steps than this is shown by its first and last steps. */
    private static final int MAX_PATH_STEPS = 24;
    private static final int PATH_HEAD_STEPS = 8;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static final Comparator<Map.Entry<String, JsonNode>> BY_NAME = Map.Entry.comparingByKey();

    private JsonCanonicalizer() {
    }

    // ---------------------------------------------------------------- text input

    /**
     * Parses a JSON text and returns its RFC 8785 canonical form.
     *
     * @param jsonText one JSON value, optionally surrounded by whitespace
     * @return the canonical form; {@code getBytes(UTF_8)} of it is the canonical byte sequence
     * @throws JsonCanonicalizationException if the text is not JSON, has content after the
     *         value, breaks an I-JSON rule or a limit of {@link JsonLimits}; the message ends with
     *         {@code line:column}
     */
    public static String canonicalize(String jsonText) throws JsonCanonicalizationException {
        Objects.requireNonNull(jsonText, "jsonText");
        try (JsonParser parser = FACTORY.createParser(jsonText)) {
            try {
                JsonToken first = parser.nextToken();
                if (first == null) {
                    throw new JsonCanonicalizationException(
                            "JSON syntax (RFC 8259 §2): no value in the text" + at(parser.currentLocation()));
                }
                StringBuilder out = new StringBuilder(jsonText.length());
                writeValue(parser, first, out);
                requireEnd(parser);
                return out.toString();
            } catch (JsonProcessingException e) {
                throw fromJackson(e, null, parser);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading a String cannot fail", e);
        }
    }

    /**
     * Parses a JSON text and returns the UTF-8 bytes of its RFC 8785 canonical form.
     *
     * @param jsonText one JSON value, optionally surrounded by whitespace
     * @return the canonical bytes
     * @throws JsonCanonicalizationException as {@link #canonicalize(String)}
     */
    public static byte[] canonicalizeToUtf8(String jsonText) throws JsonCanonicalizationException {
        // Lone surrogates are rejected, so UTF-8 encoding is lossless here.
        return canonicalize(jsonText).getBytes(StandardCharsets.UTF_8);
    }

    private static void requireEnd(JsonParser parser) throws IOException, JsonCanonicalizationException {
        JsonToken trailing;
        try {
            trailing = parser.nextToken();
        } catch (JsonProcessingException e) {
            throw fromJackson(e, "content after the top-level value", parser);
        }
        if (trailing != null) {
            throw new JsonCanonicalizationException("JSON syntax (RFC 8259 §2): content after the top-level value ("
                    + trailing + ")" + at(parser.currentTokenLocation()));
        }
    }

    /** Writes the value starting at {@code token}; leaves the parser on its last token. */
    private static void writeValue(JsonParser parser, JsonToken token, StringBuilder out)
            throws IOException, JsonCanonicalizationException {
        switch (token) {
            case START_OBJECT:
                writeObject(parser, out);
                break;
            case START_ARRAY:
                out.append('[');
                JsonToken element = parser.nextToken();
                for (boolean first = true; element != JsonToken.END_ARRAY; element = parser.nextToken()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    writeValue(parser, element, out);
                }
                out.append(']');
                break;
            case VALUE_STRING:
                writeString(out, checkedText(parser, parser.getText(), "string value"));
                break;
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                writeNumber(parser, out);
                break;
            case VALUE_TRUE:
                out.append("true");
                break;
            case VALUE_FALSE:
                out.append("false");
                break;
            case VALUE_NULL:
                out.append("null");
                break;
            default:
                // A strict JsonFactory over text yields no other token at a value position.
                throw new JsonCanonicalizationException(
                        "JSON syntax (RFC 8259 §3): unexpected token " + token + at(parser.currentTokenLocation()));
        }
    }

    private static void writeObject(JsonParser parser, StringBuilder out)
            throws IOException, JsonCanonicalizationException {
        List<String[]> members = new ArrayList<>();
        for (JsonToken t = nextInObject(parser); t != JsonToken.END_OBJECT; t = nextInObject(parser)) {
            String name = checkedText(parser, parser.currentName(), "member name");
            StringBuilder value = new StringBuilder();
            writeValue(parser, parser.nextToken(), value);
            members.add(new String[] {name, value.toString()});
        }
        // String.compareTo orders by UTF-16 code units, which is RFC 8785 §3.2.3's order.
        members.sort((a, b) -> a[0].compareTo(b[0]));
        out.append('{');
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(out, members.get(i)[0]);
            out.append(':').append(members.get(i)[1]);
        }
        out.append('}');
    }

    /** Advances to the next member name or the end of the object, naming a duplicate name. */
    private static JsonToken nextInObject(JsonParser parser) throws IOException, JsonCanonicalizationException {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Duplicate field")) {
                // Jackson records the name before it checks it, so currentName() is the duplicate.
                String name = parser.currentName();
                throw new JsonCanonicalizationException("I-JSON (RFC 7493 §2.3): duplicate member name "
                        + quoted(name) + at(e.getLocation()), e);
            }
            throw e;
        }
    }

    private static void writeNumber(JsonParser parser, StringBuilder out)
            throws IOException, JsonCanonicalizationException {
        String text = parser.getText();
        // Double.parseDouble is correctly rounded (round half to even) and accepts every JSON number.
        double d = Double.parseDouble(text);
        if (Double.isInfinite(d)) {
            throw new JsonCanonicalizationException("I-JSON (RFC 7493 §2.2, RFC 8785 §3.2.2.3): number "
                    + abbreviate(text) + " is beyond the IEEE-754 double range" + at(parser.currentTokenLocation()));
        }
        Es6NumberFormatter.appendTo(out, d);
    }

    /** Returns {@code text} if it has no lone surrogate, else fails at the current token. */
    private static String checkedText(JsonParser parser, String text, String what)
            throws JsonCanonicalizationException {
        int bad = loneSurrogateIndex(text);
        if (bad >= 0) {
            throw new JsonCanonicalizationException(loneSurrogateMessage(text, bad, what)
                    + at(parser.currentTokenLocation()));
        }
        return text;
    }

    /** The error for a Jackson exception; a broken limit is named as such (it is not a syntax error). */
    private static JsonCanonicalizationException fromJackson(JsonProcessingException e, String context,
                                                             JsonParser parser) {
        String where = context == null ? "" : " in " + context;
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 0) {
            // Jackson reports a broken limit without a location: the token that broke it is where it starts.
            location = parser.currentTokenLocation();
        }
        String limit = JsonLimits.brokenLimit(e);
        if (limit != null) {
            return new JsonCanonicalizationException("limit of this reader: " + limit + where + at(location), e);
        }
        String detail = oneLine(e.getOriginalMessage());
        if (detail.length() > MAX_JACKSON_DETAIL) {
            detail = detail.substring(0, MAX_JACKSON_DETAIL) + "\u2026 (" + detail.length() + " characters)";
        }
        String rule;
        if (detail.startsWith("Duplicate field")) {
            rule = "I-JSON (RFC 7493 §2.3): duplicate member name";
        } else if (detail.toLowerCase(Locale.ROOT).contains("surrogate")) {
            // Jackson itself rejects some broken pairs, e.g. "\ud800" ending a member name.
            rule = "I-JSON (RFC 7493 §2.1): lone surrogate";
        } else {
            rule = "JSON syntax (RFC 8259)";
        }
        return new JsonCanonicalizationException(rule + where + ": " + detail + at(location), e);
    }

    // ---------------------------------------------------------------- tree input

    /**
     * Returns the RFC 8785 canonical form of a Jackson tree.
     *
     * <p>Every number is written via its double value (RFC 8785 §3.2.2.3). An int, short,
     * float or double node converts exactly; a long, {@link BigInteger} or {@link BigDecimal}
     * node must equal its double exactly, or this fails rather than round: {@code LongNode(2^53+1)}
     * and {@code DecimalNode(0.1)} are errors, {@code DecimalNode(4.50)} gives {@code 4.5}.
     * Binary, POJO and missing nodes have no JSON form and are errors too.
     *
     * @param node the root of the tree
     * @return the canonical form
     * @throws JsonCanonicalizationException naming the rule and the JSON path ({@code $.a[2]}) of the bad value
     */
    public static String canonicalize(JsonNode node) throws JsonCanonicalizationException {
        Objects.requireNonNull(node, "node");
        StringBuilder out = new StringBuilder();
        writeTree(node, out);
        return out.toString();
    }

    /**
     * Returns the UTF-8 bytes of {@link #canonicalize(JsonNode) canonicalize(node)}.
     *
     * @param node the root of the tree
     * @return the canonical bytes
     * @throws JsonCanonicalizationException as {@link #canonicalize(JsonNode)}
     */
    public static byte[] canonicalizeToUtf8(JsonNode node) throws JsonCanonicalizationException {
        return canonicalize(node).getBytes(StandardCharsets.UTF_8);
    }

    /** An array or object being written: its children in output order and the one being written. */
    private static final class Frame {
        /** The members sorted by name, for an object; {@code null} for an array. */
        final List<Map.Entry<String, JsonNode>> members;
        /** The elements, for an array; {@code null} for an object. */
        final Iterator<JsonNode> elements;
        /** How many children have been started. */
        int started;
        /** The member name (String) or index (Integer) of the child being written; for error paths. */
        Object step;

        Frame(List<Map.Entry<String, JsonNode>> members, Iterator<JsonNode> elements) {
            this.members = members;
            this.elements = elements;
        }

        boolean hasNext() {
            return members == null ? elements.hasNext() : started < members.size();
        }
    }

    /**
     * Writes the tree depth first with a stack of {@link Frame}s instead of recursion: a tree built in
     * code can be nested deeper than any thread stack (text stops at {@link JsonLimits#MAX_NESTING_DEPTH}).
     * The stack holds the open arrays and objects, innermost first.
     */
    private static void writeTree(JsonNode root, StringBuilder out) throws JsonCanonicalizationException {
        Deque<Frame> stack = new ArrayDeque<>();
        JsonNode node = root;
        while (true) {
            if (node != null) {
                Frame opened = writeOrOpen(node, stack, out);
                if (opened != null) {
                    stack.push(opened);
                }
            }
            Frame top = stack.peek();
            if (top == null) {
                return;
            }
            if (!top.hasNext()) {
                out.append(top.members == null ? ']' : '}');
                stack.pop();
                node = null;
                continue;
            }
            if (top.started > 0) {
                out.append(',');
            }
            if (top.members == null) {
                top.step = top.started;
                node = top.elements.next();
            } else {
                Map.Entry<String, JsonNode> member = top.members.get(top.started);
                String name = member.getKey();
                top.step = name;
                int bad = loneSurrogateIndex(name);
                if (bad >= 0) {
                    throw new JsonCanonicalizationException(
                            loneSurrogateMessage(name, bad, "member name") + " at " + jsonPath(stack));
                }
                writeString(out, name);
                out.append(':');
                node = member.getValue();
            }
            top.started++;
        }
    }

    /**
     * Writes a scalar, or the opening bracket of an array or object and returns its frame.
     * {@code stack} is the path to {@code node}, for errors.
     */
    private static Frame writeOrOpen(JsonNode node, Deque<Frame> stack, StringBuilder out)
            throws JsonCanonicalizationException {
        switch (node.getNodeType()) {
            case OBJECT:
                List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
                members.sort(BY_NAME); // String.compareTo: UTF-16 code unit order
                out.append('{');
                return new Frame(members, null);
            case ARRAY:
                out.append('[');
                return new Frame(null, node.elements());
            case STRING:
                String text = node.textValue();
                int bad = loneSurrogateIndex(text);
                if (bad >= 0) {
                    throw new JsonCanonicalizationException(
                            loneSurrogateMessage(text, bad, "string value") + " at " + jsonPath(stack));
                }
                writeString(out, text);
                return null;
            case NUMBER:
                Es6NumberFormatter.appendTo(out, exactDouble(node, stack));
                return null;
            case BOOLEAN:
                out.append(node.booleanValue() ? "true" : "false");
                return null;
            case NULL:
                out.append("null");
                return null;
            default: // BINARY, POJO, MISSING
                throw new JsonCanonicalizationException("RFC 8785 §3.2: a " + node.getNodeType()
                        + " node has no JSON value to canonicalize, at " + jsonPath(stack));
        }
    }

    /** The double value of a number node, failing if that is not exactly the node's value. */
    private static double exactDouble(JsonNode node, Deque<Frame> path) throws JsonCanonicalizationException {
        double d;
        boolean exact;
        switch (node.numberType()) {
            case INT:
                return node.intValue();
            case LONG:
                long v = node.longValue();
                d = v;
                // (long) 2^63 saturates to Long.MAX_VALUE, so 2^63 needs its own test.
                exact = d != 0x1p63 && (long) d == v;
                break;
            case BIG_INTEGER:
                BigInteger bi = node.bigIntegerValue();
                d = bi.doubleValue(); // correctly rounded; infinite beyond the double range
                exact = !Double.isInfinite(d) && new BigDecimal(d).compareTo(new BigDecimal(bi)) == 0;
                break;
            case BIG_DECIMAL:
                BigDecimal bd = node.decimalValue();
                d = bd.doubleValue(); // correctly rounded; infinite beyond the double range
                exact = !Double.isInfinite(d) && new BigDecimal(d).compareTo(bd) == 0;
                break;
            case FLOAT:
            case DOUBLE:
            default:
                d = node.doubleValue(); // float widens exactly
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new JsonCanonicalizationException("RFC 8785 §3.2.2.3: number " + d
                            + " has no JSON representation, at " + jsonPath(path));
                }
                return d;
        }
        if (!exact) {
            throw new JsonCanonicalizationException("RFC 8785 §3.2.2.3: " + node.numberType() + " number "
                    + abbreviate(node.asText()) + " is not exactly representable as an IEEE-754 double"
                    + (Double.isInfinite(d) ? " (beyond its range)" : " (nearest is " + Es6NumberFormatter.format(d) + ")")
                    + ", at " + jsonPath(path));
        }
        return d;
    }

    /**
     * {@code $}, then {@code .name} or {@code ["name"]} per member and {@code [i]} per element, from the
     * open frames (innermost first). A path of more than {@value #MAX_PATH_STEPS} steps shows its first
     * {@value #PATH_HEAD_STEPS} and its last steps around {@code […N levels…]}.
     */
    private static String jsonPath(Deque<Frame> stack) {
        List<Object> steps = new ArrayList<>(stack.size());
        for (Iterator<Frame> it = stack.descendingIterator(); it.hasNext(); ) {
            Object step = it.next().step;
            if (step != null) {
                steps.add(step);
            }
        }
        StringBuilder sb = new StringBuilder("$");
        int skipFrom = steps.size() > MAX_PATH_STEPS ? PATH_HEAD_STEPS : steps.size();
        int skipTo = steps.size() - (MAX_PATH_STEPS - PATH_HEAD_STEPS);
        for (int i = 0; i < steps.size(); i++) {
            if (i == skipFrom) {
                sb.append("[\u2026").append(skipTo - skipFrom).append(" levels\u2026]");
                i = skipTo - 1;
                continue;
            }
            Object step = steps.get(i);
            if (step instanceof Integer) {
                sb.append('[').append(step).append(']');
            } else {
                String name = (String) step;
                if (name.length() <= 60 && isSimpleName(name)) {
                    sb.append('.').append(name);
                } else {
                    sb.append('[').append(quoted(name)).append(']');
                }
            }
        }
        return sb.toString();
    }

    private static boolean isSimpleName(String name) {
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!Character.isJavaIdentifierPart(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- shared

    /** RFC 8785 §3.2.2.2: escape {@code "}, {@code \} and U+0000..U+001F only; all else literal. */
    private static void writeString(StringBuilder out, String s) {
        out.append('"');
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, run, i);
            run = i + 1;
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\b':
                    out.append("\\b");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\f':
                    out.append("\\f");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                default:
                    out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        out.append(s, run, s.length()).append('"');
    }

    /** Index of the first surrogate not part of a high-low pair, or -1. */
    private static int loneSurrogateIndex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static String loneSurrogateMessage(String s, int index, String what) {
        return String.format("I-JSON (RFC 7493 §2.1): lone surrogate \\u%04x at index %d of %s %s",
                (int) s.charAt(index), index, what, quoted(s));
    }

    /** A JSON string literal of {@code s} (lone surrogates escaped), cut short if long, for messages. */
    private static String quoted(String s) {
        if (s == null) {
            return "(unknown)";
        }
        StringBuilder sb = new StringBuilder();
        String cut = abbreviate(s);
        sb.append('"');
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private static String oneLine(String s) {
        return s == null ? "(no detail)" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return " at unknown position";
        }
        return " at " + location.getLineNr() + ":" + location.getColumnNr();
    }
}

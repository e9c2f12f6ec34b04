package io.tradingchassis.core.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonCanonicalizerTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Error messages: one line that ends with the 1-based line:column of the text. */
    private static final String ENDS_WITH_POSITION = "[^\\r\\n]* at \\d+:\\d+";

    private static String canon(String json) throws JsonCanonicalizationException {
        return JsonCanonicalizer.canonicalize(json);
    }

    private static JsonCanonicalizationException rejected(String json) {
        JsonCanonicalizationException e =
                assertThrows(JsonCanonicalizationException.class, () -> JsonCanonicalizer.canonicalize(json));
        assertTrue(e.getMessage().matches(ENDS_WITH_POSITION), "not one line ending in line:column: " + e.getMessage());
        return e;
    }

    private static JsonCanonicalizationException rejected(JsonNode node) {
        return assertThrows(JsonCanonicalizationException.class, () -> JsonCanonicalizer.canonicalize(node));
    }

    // ------------------------------------------------------------ structure

    @Test
    void membersSortedByUtf16CodeUnits() throws Exception {
        // U+1F602 is the pair D83D DE02, which sorts before U+FB33 by code unit although its
        // code point is larger; "B" (0x42) sorts before "a" (0x61); "10" before "9".
        String json = "{\"\\ufb33\":1,\"\\ud83d\\ude02\":2,\"a\":3,\"B\":4,\"\":5,\"9\":6,\"10\":7,\"\\u00e9\":8}";
        assertEquals("{\"\":5,\"10\":7,\"9\":6,\"B\":4,\"a\":3,\"\u00e9\":8,\"\ud83d\ude02\":2,\"\ufb33\":1}", canon(json));
    }

    @Test
    void nestedObjectsSortedArraysKeepOrderWhitespaceDropped() throws Exception {
        String json = " {\n\t\"z\" : [ 3 , {\"y\":1, \"x\" : [ ] } , 1 ] ,\r\n \"a\" : { \"d\" : { }, \"c\" : null } } \n";
        assertEquals("{\"a\":{\"c\":null,\"d\":{}},\"z\":[3,{\"x\":[],\"y\":1},1]}", canon(json));
    }

    @Test
    void literalsAndScalarsAtTopLevel() throws Exception {
        assertEquals("[true,false,null]", canon("[ true , false , null ]"));
        assertEquals("null", canon(" null "));
        assertEquals("\"x\"", canon("\"x\""));
        assertEquals("1.5", canon("15e-1"));
    }

    // ------------------------------------------------------------ strings

    /** What RFC 8785 §3.2.2.2 writes for U+0000..U+001F, spelled out by hand. */
    private static final String[] CONTROL_ESCAPES = {
        "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
        "\\b", "\\t", "\\n", "\\u000b", "\\f", "\\r", "\\u000e", "\\u000f",
        "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
        "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f",
    };

    @Test
    void everyControlCharacterEscapedOneByOne() throws Exception {
        for (int c = 0; c < 0x20; c++) {
            String input = String.format("\"<\\u%04X>\"", c); // upper-case hex in, lower-case out
            assertEquals("\"<" + CONTROL_ESCAPES[c] + ">\"", canon(input), "U+" + Integer.toHexString(c));
            String raw = "<" + (char) c + ">";
            assertEquals("\"<" + CONTROL_ESCAPES[c] + ">\"", JsonCanonicalizer.canonicalize(TextNode.valueOf(raw)),
                    "tree U+" + Integer.toHexString(c));
        }
    }

    @Test
    void allControlCharactersInOneStringAndKey() throws Exception {
        StringBuilder in = new StringBuilder();
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < 0x20; c++) {
            in.append(String.format("\\u%04x", c));
            out.append(CONTROL_ESCAPES[c]);
        }
        assertEquals("{\"" + out + "\":\"" + out + "\"}", canon("{\"" + in + "\":\"" + in + "\"}"));
    }

    @Test
    void quoteAndBackslashEscapedEverythingElseLiteral() throws Exception {
        assertEquals("\"\\\"\\\\\"", canon("\"\\u0022\\\\\""));
        // U+007F, '/', "\/", non-ASCII and astral characters are written as themselves.
        assertEquals("\"\u007f/ /\u00e9\u20ac\ud83d\ude02\u0080\"",
                canon("\"\\u007f/ \\/\\u00E9\u20ac\\uD83D\\uDE02\\u0080\""));
        assertEquals("\"\u007f\"", canon("\"\u007f\""));
    }

    @Test
    void utf8BytesOfNonAscii() throws Exception {
        byte[] bytes = JsonCanonicalizer.canonicalizeToUtf8("[\"\\u00e9\\ud83d\\ude02\u007f\"]");
        assertArrayEquals(new byte[] {
            '[', '"', (byte) 0xc3, (byte) 0xa9, (byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x82, 0x7f, '"', ']'},
            bytes);
        String json = "{\"\u00f6\":\"\u20ac\",\"a\":[1.0,\"\\n\"]}";
        assertArrayEquals(canon(json).getBytes(StandardCharsets.UTF_8), JsonCanonicalizer.canonicalizeToUtf8(json));
    }

    // ------------------------------------------------------------ numbers

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "1E30 | 1e+30",
        "4.50 | 4.5",
        "-0 | 0",
        "-0.0 | 0",
        "0e10 | 0",
        "100 | 100",
        "1.0 | 1",
        "2e-3 | 0.002",
        "0.000000000000000000000000001 | 1e-27",
        "1e21 | 1e+21",
        "1e-7 | 1e-7",
        "333333333.33333329 | 333333333.3333333",
        "9007199254740993 | 9007199254740992",
        "12345678901234567890 | 12345678901234567000",
        "1e-400 | 0",
        "1.7976931348623157e308 | 1.7976931348623157e+308",
        "-5e-324 | -5e-324",
    })
    void numbersReadAsNearestDoubleThenWrittenLikeEcmaScript(String source, String expected) throws Exception {
        assertEquals("[" + expected + "]", canon("[" + source + "]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400", "-1e400", "1.7976931348623159e308", "123456789e999999"})
    void numberBeyondDoubleRangeIsAnError(String number) {
        JsonCanonicalizationException e = rejected("{\"n\":\n  " + number + "}");
        assertTrue(e.getMessage().contains("double range"), e.getMessage());
        assertTrue(e.getMessage().contains(number), e.getMessage());
        assertTrue(e.getMessage().endsWith(" at 2:3"), e.getMessage());
    }

    // ------------------------------------------------------------ I-JSON errors

    @Test
    void duplicateKeyIsAnErrorNamingTheKey() {
        JsonCanonicalizationException e = rejected("{\"price\":1,\"qty\":2,\"price\":1}");
        assertTrue(e.getMessage().contains("duplicate member name \"price\""), e.getMessage());
        assertTrue(e.getMessage().endsWith(" at 1:27"), e.getMessage());

        JsonCanonicalizationException nested = rejected("[{\"a\":{\"k\":1,\n\"k\":2}}]");
        assertTrue(nested.getMessage().contains("duplicate member name \"k\""), nested.getMessage());
        assertTrue(nested.getMessage().contains(" at 2:"), nested.getMessage());
    }

    @Test
    void sameKeyInDifferentObjectsIsFine() throws Exception {
        assertEquals("[{\"a\":1},{\"a\":2}]", canon("[{\"a\":1},{\"a\":2}]"));
        assertEquals("{\"a\":{\"a\":1}}", canon("{\"a\":{\"a\":1}}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"\\ud800\"",
        "\"x\\ud800\"",
        "\"\\ud800x\"",
        "\"\\udc00\"",
        "\"\\ude02\\ud83d\"",
        "\"\\ud800\\ud800\"",
        "{\"\\ud800\":1}",
        "{\"\\udc00\":1}",
        "{\"\\ud800x\":1}",
        "[\"ok\", \"\\udfff\"]",
    })
    void loneSurrogateIsAnError(String json) {
        JsonCanonicalizationException e = rejected(json);
        assertTrue(e.getMessage().contains("lone surrogate"), e.getMessage());
    }

    @Test
    void loneSurrogateMessageNamesCodeUnitAndPosition() {
        JsonCanonicalizationException e = rejected("{\"a\":\n  \"ab\\uD800\"}");
        assertTrue(e.getMessage().contains("\\ud800"), e.getMessage());
        assertTrue(e.getMessage().endsWith(" at 2:3"), e.getMessage());
    }

    @Test
    void rawLoneSurrogateInJavaStringIsAnError() {
        rejected("\"" + '\ud800' + "\"");
        assertThrows(JsonCanonicalizationException.class,
                () -> JsonCanonicalizer.canonicalize(TextNode.valueOf("a" + '\udc00')));
    }

    // ------------------------------------------------------------ syntax errors

    @Test
    void trailingGarbageIsAnErrorWithLineAndColumn() {
        JsonCanonicalizationException e = rejected("{\"a\":1}\n  x");
        assertTrue(e.getMessage().contains("after the top-level value"), e.getMessage());
        assertTrue(e.getMessage().endsWith(" at 2:3"), e.getMessage());

        JsonCanonicalizationException second = rejected("[1] [2]");
        assertTrue(second.getMessage().contains("after the top-level value"), second.getMessage());
        assertTrue(second.getMessage().endsWith(" at 1:5"), second.getMessage());

        rejected("{\"a\":1}}");
        rejected("1 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "   ", "[1,]", "{\"a\":1,}", "{'a':1}", "{a:1}", "NaN", "[Infinity]", "01", "+1", "[.5]",
        "\"tab\there\"", "[1", "{\"a\"}", "// comment\n1", "tru", "\"\\x\"", "\"\\u12\"",
    })
    void syntaxErrorsAreRejected(String json) {
        rejected(json);
    }

    // ------------------------------------------------------------ tree API

    @Test
    void treeLongMustBeExactDouble() throws Exception {
        long twoTo53 = 1L << 53;
        JsonCanonicalizationException e = rejected(LongNode.valueOf(twoTo53 + 1));
        assertTrue(e.getMessage().contains("9007199254740993"), e.getMessage());
        assertTrue(e.getMessage().contains("not exactly representable"), e.getMessage());
        assertEquals("9007199254740992", JsonCanonicalizer.canonicalize(LongNode.valueOf(twoTo53)));
        assertEquals("9007199254740994", JsonCanonicalizer.canonicalize(LongNode.valueOf(twoTo53 + 2)));
        // Exactly 2^60, but ECMAScript writes only the shortest 16 significant digits.
        assertEquals("1152921504606847000", JsonCanonicalizer.canonicalize(LongNode.valueOf(1L << 60)));
        assertEquals("-9223372036854776000", JsonCanonicalizer.canonicalize(LongNode.valueOf(Long.MIN_VALUE)));
        // (double) Long.MAX_VALUE is 2^63, and (long) 2^63 saturates back to Long.MAX_VALUE.
        rejected(LongNode.valueOf(Long.MAX_VALUE));
    }

    @Test
    void treeIntegersAndDecimals() throws Exception {
        assertEquals("10", JsonCanonicalizer.canonicalize(IntNode.valueOf(10)));
        assertEquals("-7", JsonCanonicalizer.canonicalize(NODES.numberNode((short) -7)));
        assertEquals("4.5", JsonCanonicalizer.canonicalize(DecimalNode.valueOf(new BigDecimal("4.50"))));
        assertEquals("100", JsonCanonicalizer.canonicalize(DecimalNode.valueOf(new BigDecimal("1E+2"))));
        assertEquals("0", JsonCanonicalizer.canonicalize(DecimalNode.valueOf(new BigDecimal("-0.000"))));
        assertEquals("0.125", JsonCanonicalizer.canonicalize(DecimalNode.valueOf(new BigDecimal("0.125"))));
        assertEquals("18446744073709552000",
                JsonCanonicalizer.canonicalize(BigIntegerNode.valueOf(BigInteger.ONE.shiftLeft(64))));
        assertEquals("1e+300", JsonCanonicalizer.canonicalize(
                DecimalNode.valueOf(new BigDecimal(1e300))));
    }

    @Test
    void treeNumbersThatWouldBeRoundedAreErrors() {
        rejected(BigIntegerNode.valueOf(BigInteger.ONE.shiftLeft(64).add(BigInteger.ONE)));
        rejected(BigIntegerNode.valueOf(BigInteger.TEN.pow(400)));
        // 0.1 has no exact double; the brief wants an error rather than a silent rounding.
        JsonCanonicalizationException e = rejected(DecimalNode.valueOf(new BigDecimal("0.1")));
        assertTrue(e.getMessage().contains("0.1"), e.getMessage());
        rejected(DecimalNode.valueOf(new BigDecimal("1E+400")));
        rejected(DecimalNode.valueOf(new BigDecimal("1E-400")));
        rejected(DoubleNode.valueOf(Double.NaN));
        rejected(DoubleNode.valueOf(Double.NEGATIVE_INFINITY));
        rejected(FloatNode.valueOf(Float.POSITIVE_INFINITY));
    }

    @Test
    void treeDoublesAndFloatsUseTheirDoubleValue() throws Exception {
        assertEquals("0.1", JsonCanonicalizer.canonicalize(DoubleNode.valueOf(0.1)));
        assertEquals("0", JsonCanonicalizer.canonicalize(DoubleNode.valueOf(-0.0)));
        assertEquals("1e+21", JsonCanonicalizer.canonicalize(DoubleNode.valueOf(1e21)));
        assertEquals("0.10000000149011612", JsonCanonicalizer.canonicalize(FloatNode.valueOf(0.1f)));
    }

    @Test
    void treeObjectsSortedAndErrorsCarryJsonPath() throws Exception {
        ObjectNode root = NODES.objectNode();
        root.put("\ufb33", 1);
        root.put("\ud83d\ude02", 2);
        ArrayNode list = root.putArray("b");
        list.add("x\ny").add(true).addNull().add(2.5);
        root.putObject("a").put("y", 1).put("x", "/");
        assertEquals("{\"a\":{\"x\":\"/\",\"y\":1},\"b\":[\"x\\ny\",true,null,2.5],"
                + "\"\ud83d\ude02\":2,\"\ufb33\":1}", JsonCanonicalizer.canonicalize(root));

        list.add(LongNode.valueOf((1L << 53) + 1));
        JsonCanonicalizationException e = rejected(root);
        assertTrue(e.getMessage().contains("$.b[4]"), e.getMessage());

        ObjectNode odd = NODES.objectNode();
        odd.putObject("a b").put("c", "\udc00");
        JsonCanonicalizationException surrogate = rejected(odd);
        assertTrue(surrogate.getMessage().contains("lone surrogate"), surrogate.getMessage());
        assertTrue(surrogate.getMessage().contains("$[\"a b\"].c"), surrogate.getMessage());
    }

    @Test
    void treeNodesWithoutJsonFormAreErrors() {
        rejected(BinaryNode.valueOf(new byte[] {1, 2}));
        rejected(NODES.missingNode());
        rejected(NODES.pojoNode(new Object()));
    }

    @Test
    void treeAndTextAgree() throws Exception {
        String json = "{\"z\":[1,2.50,-0,1E21,\"\\u001f\\u007f\"],\"\\u00e9\":{\"b\":false,\"a\":null},\"n\":1e-7}";
        JsonNode tree = new ObjectMapper().readTree(json);
        String fromText = canon(json);
        assertEquals(fromText, JsonCanonicalizer.canonicalize(tree));
        assertEquals("{\"n\":1e-7,\"z\":[1,2.5,0,1e+21,\"\\u001f\u007f\"],\"\u00e9\":{\"a\":null,\"b\":false}}", fromText);
        assertArrayEquals(fromText.getBytes(StandardCharsets.UTF_8), JsonCanonicalizer.canonicalizeToUtf8(tree));
    }

    @Test
    void canonicalFormIsAFixedPoint() throws Exception {
        String once = canon("{\"b\":[1.50,{\"d\":\"\\u0001\",\"c\":2}],\"a\":\"\\u00e9\"}");
        assertEquals(once, canon(once));
        assertFalse(once.contains(" "));
    }

    // ------------------------------------------------------------ limits

    @Test
    void nestingPastTheLimitNamesTheLimitAndThePosition() {
        String deep = "[".repeat(JsonLimits.MAX_NESTING_DEPTH + 1) + "]".repeat(JsonLimits.MAX_NESTING_DEPTH + 1);
        JsonCanonicalizationException e = rejected(deep);
        assertTrue(e.getMessage().startsWith("limit of this reader: nesting deeper than 1000 levels"), e.getMessage());
        assertTrue(e.getMessage().endsWith(" at 1:1001"), e.getMessage()); // the bracket that broke it
        String deepObjects = "{\"a\":".repeat(1001) + "1" + "}".repeat(1001);
        assertTrue(rejected(deepObjects).getMessage().contains("nesting deeper than 1000 levels"));
    }

    @Test
    void nestingAtTheLimitIsFine() throws Exception {
        String deep = "[".repeat(JsonLimits.MAX_NESTING_DEPTH) + "]".repeat(JsonLimits.MAX_NESTING_DEPTH);
        assertEquals(deep, canon(deep));
    }

    @Test
    void numberPastTheLimitNamesTheLimit() throws Exception {
        assertEquals("1.1111111111111112", canon("1." + "1".repeat(JsonLimits.MAX_NUMBER_LENGTH - 1)));
        JsonCanonicalizationException e = rejected("[1." + "1".repeat(JsonLimits.MAX_NUMBER_LENGTH) + "]");
        assertTrue(e.getMessage().startsWith("limit of this reader: number longer than 1000 digits"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith(" at 1:2"), e.getMessage()); // where the number starts
        e = rejected("{\"a\":" + "9".repeat(JsonLimits.MAX_NUMBER_LENGTH + 1) + "}");
        assertTrue(e.getMessage().contains("number longer than 1000 digits"), e.getMessage());
    }

    @Test
    void memberNamePastTheLimitNamesTheLimit() {
        JsonCanonicalizationException e = rejected("{\"" + "n".repeat(JsonLimits.MAX_NAME_LENGTH + 1) + "\":1}");
        assertTrue(e.getMessage().startsWith("limit of this reader: member name longer than 50000 characters"),
                e.getMessage());
        assertTrue(e.getMessage().length() < 200, e.getMessage());
    }

    @Test
    void jacksonDetailsThatQuoteTheInputAreClipped() {
        String name = "d".repeat(40_000);
        JsonCanonicalizationException e = rejected("{\"" + name + "\":1,\"" + name + "\":2}");
        assertTrue(e.getMessage().contains("duplicate member name"), e.getMessage());
        assertTrue(e.getMessage().length() < 300, e.getMessage());
    }

    @Test
    void aVeryDeepTreeIsCanonicalizedWithoutOverflowingTheStack() throws Exception {
        // Text input stops at 1000 levels; a tree built in code has no such limit and used to overflow the stack.
        int depth = 100_000;
        ArrayNode root = NODES.arrayNode();
        ArrayNode inner = root;
        for (int i = 1; i < depth; i++) {
            inner = inner.addArray();
        }
        inner.add(1).addObject().put("b", 2).put("a", "x");
        String expected = "[".repeat(depth) + "1,{\"a\":\"x\",\"b\":2}" + "]".repeat(depth);
        assertEquals(expected, JsonCanonicalizer.canonicalize(root));
    }

    @Test
    void anErrorDeepInATreeNamesAShortenedPath() {
        int depth = 100_000;
        ObjectNode root = NODES.objectNode();
        ObjectNode inner = root;
        for (int i = 1; i < depth; i++) {
            inner = inner.putObject("k");
        }
        inner.putArray("list").add(1).add(DecimalNode.valueOf(new BigDecimal("0.1")));
        JsonCanonicalizationException e = rejected(root);
        assertTrue(e.getMessage().length() < 500, () -> e.getMessage().length() + " characters: "
                + e.getMessage().substring(0, 500));
        assertTrue(e.getMessage().endsWith(", at $.k.k.k.k.k.k.k.k[\u202699977 levels\u2026]"
                + ".k".repeat(14) + ".list[1]"), e.getMessage());
    }

    @Test
    void aLongMemberNameIsClippedInTheTreePath() {
        ObjectNode root = NODES.objectNode();
        root.putObject("n".repeat(1_000_000)).put("x", Double.NaN);
        JsonCanonicalizationException e = rejected(root);
        assertTrue(e.getMessage().length() < 300, () -> e.getMessage().length() + " characters");
    }
}

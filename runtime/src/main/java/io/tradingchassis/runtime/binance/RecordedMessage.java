package io.tradingchassis.runtime.binance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The fields of one recorded message that the importer reads, parsed with Jackson's streaming parser
 * into this reusable holder: a combined-stream message ({@code {"stream":…,"data":{…}}}) or a REST depth
 * snapshot ({@code {"lastUpdateId":…,"bids":[…],"asks":[…]}}). Prices and quantities are converted to
 * ticks and lots while parsing, so an off-grid value is reported with its field. Other fields are
 * skipped; a field of the wrong JSON type, or a key given twice, is an error.
 */
final class RecordedMessage {

    // Duplicate keys are found by the presence bits below, for the fields read (Jackson's own detection keeps
    // a HashSet per object: a fifth of the import time).
    private static final JsonFactory JSON = new JsonFactory();

    // Presence bits of the optional scalar fields.
    static final int HAS_E = 1;
    static final int HAS_T = 1 << 1;
    static final int HAS_FIRST_ID = 1 << 2; // U
    static final int HAS_LAST_ID = 1 << 3; // u
    static final int HAS_PREV_ID = 1 << 4; // pu
    static final int HAS_LAST_UPDATE_ID = 1 << 5;
    static final int HAS_DATA = 1 << 6;
    static final int HAS_MAKER = 1 << 7; // m
    static final int HAS_PRICE = 1 << 8; // p
    static final int HAS_QTY = 1 << 9; // q
    static final int HAS_BID_PRICE = 1 << 10; // b (string)
    static final int HAS_BID_QTY = 1 << 11; // B
    static final int HAS_ASK_PRICE = 1 << 12; // a (string)
    static final int HAS_ASK_QTY = 1 << 13; // A
    static final int HAS_BID_LEVELS = 1 << 14; // b (array) or bids
    static final int HAS_ASK_LEVELS = 1 << 15; // a (array) or asks
    static final int HAS_STREAM = 1 << 16;
    static final int HAS_SYMBOL = 1 << 17; // s
    static final int HAS_EXEC_TYPE = 1 << 18; // X

    private final DecimalUnits ticks;
    private final DecimalUnits lots;

    int present;
    String stream;
    String symbol;
    String execType; // X of a futures trade
    long eventTimeMs;
    long transactTimeMs;
    long firstUpdateId;
    long lastUpdateIdInEvent;
    long prevUpdateId;
    long lastUpdateId;
    boolean buyerIsMaker;
    long price;
    long qty;
    long bidPrice;
    long bidQty;
    long askPrice;
    long askQty;
    final LongList bidPrices = new LongList();
    final LongList bidQtys = new LongList();
    final LongList askPrices = new LongList();
    final LongList askQtys = new LongList();

    RecordedMessage(DecimalUnits ticks, DecimalUnits lots) {
        this.ticks = ticks;
        this.lots = lots;
    }

    boolean has(int bit) {
        return (present & bit) != 0;
    }

    /**
     * Parses {@code json[off, off+len)}.
     *
     * @throws IllegalArgumentException describing the problem (malformed JSON, a field of the wrong type,
     *         an off-grid price); the caller adds file and line
     */
    void parse(byte[] json, int off, int len) {
        present = 0;
        stream = null;
        symbol = null;
        execType = null;
        bidPrices.clear();
        bidQtys.clear();
        askPrices.clear();
        askQtys.clear();
        try (JsonParser p = JSON.createParser(json, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            readObject(p, true);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("text after the JSON object");
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON: " + clip(e.getOriginalMessage()) + " (column "
                    + e.getLocation().getColumnNr() + " of the JSON)");
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed JSON: " + clip(e.getMessage()));
        }
    }

    private void readObject(JsonParser p, boolean top) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "stream":
                    if (top) {
                        mark(HAS_STREAM, name);
                        stream = text(p, t, name);
                    } else {
                        p.skipChildren();
                    }
                    break;
                case "data":
                    if (top) {
                        expect(t, JsonToken.START_OBJECT, name, "an object");
                        mark(HAS_DATA, name);
                        readObject(p, false);
                    } else {
                        p.skipChildren();
                    }
                    break;
                case "s":
                    mark(HAS_SYMBOL, name);
                    symbol = text(p, t, name);
                    break;
                case "X":
                    mark(HAS_EXEC_TYPE, name);
                    execType = text(p, t, name);
                    break;
                case "E":
                    eventTimeMs = integer(p, t, name);
                    mark(HAS_E, name);
                    break;
                case "T":
                    transactTimeMs = integer(p, t, name);
                    mark(HAS_T, name);
                    break;
                case "U":
                    firstUpdateId = integer(p, t, name);
                    mark(HAS_FIRST_ID, name);
                    break;
                case "u":
                    lastUpdateIdInEvent = integer(p, t, name);
                    mark(HAS_LAST_ID, name);
                    break;
                case "pu":
                    prevUpdateId = integer(p, t, name);
                    mark(HAS_PREV_ID, name);
                    break;
                case "lastUpdateId":
                    lastUpdateId = integer(p, t, name);
                    mark(HAS_LAST_UPDATE_ID, name);
                    break;
                case "m":
                    if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
                        throw new IllegalArgumentException("field \"m\" is " + t + ", not true or false");
                    }
                    buyerIsMaker = t == JsonToken.VALUE_TRUE;
                    mark(HAS_MAKER, name);
                    break;
                case "p":
                    price = units(p, t, name, ticks);
                    mark(HAS_PRICE, name);
                    break;
                case "q":
                    qty = units(p, t, name, lots);
                    mark(HAS_QTY, name);
                    break;
                case "b":
                    if (t == JsonToken.START_ARRAY) {
                        levels(p, name, bidPrices, bidQtys, HAS_BID_LEVELS);
                    } else {
                        bidPrice = units(p, t, name, ticks);
                        mark(HAS_BID_PRICE, name);
                    }
                    break;
                case "a":
                    if (t == JsonToken.START_ARRAY) {
                        levels(p, name, askPrices, askQtys, HAS_ASK_LEVELS);
                    } else {
                        askPrice = units(p, t, name, ticks);
                        mark(HAS_ASK_PRICE, name);
                    }
                    break;
                case "B":
                    bidQty = units(p, t, name, lots);
                    mark(HAS_BID_QTY, name);
                    break;
                case "A":
                    askQty = units(p, t, name, lots);
                    mark(HAS_ASK_QTY, name);
                    break;
                case "bids":
                    expect(t, JsonToken.START_ARRAY, name, "an array");
                    levels(p, name, bidPrices, bidQtys, HAS_BID_LEVELS);
                    break;
                case "asks":
                    expect(t, JsonToken.START_ARRAY, name, "an array");
                    levels(p, name, askPrices, askQtys, HAS_ASK_LEVELS);
                    break;
                default:
                    p.skipChildren();
            }
        }
    }

    /** {@code [[price, qty], …]}, each a decimal string; the parser is at the outer START_ARRAY. */
    private void levels(JsonParser p, String name, LongList prices, LongList qtys, int bit) throws IOException {
        mark(bit, name);
        int i = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), i++) {
            String at = name + "[" + i + "]";
            expect(t, JsonToken.START_ARRAY, at, "a [price, quantity] pair");
            prices.add(units(p, p.nextToken(), at, ticks));
            qtys.add(units(p, p.nextToken(), at, lots));
            if (p.nextToken() != JsonToken.END_ARRAY) {
                throw new IllegalArgumentException("\"" + at + "\" has more than a price and a quantity");
            }
        }
    }

    /** Records a field as present; a second one of the same meaning is a duplicate key. */
    private void mark(int bit, String name) {
        if ((present & bit) != 0) {
            throw new IllegalArgumentException("field \"" + name + "\" given twice");
        }
        present |= bit;
    }

    private static long units(JsonParser p, JsonToken t, String field, DecimalUnits units) throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("field \"" + field + "\" is " + describe(t) + ", not a decimal string");
        }
        return units.toUnits(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), field);
    }

    private static long integer(JsonParser p, JsonToken t, String field) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw new IllegalArgumentException("field \"" + field + "\" is " + describe(t) + ", not an integer");
        }
        if (p.getNumberType() != JsonParser.NumberType.INT && p.getNumberType() != JsonParser.NumberType.LONG) {
            throw new IllegalArgumentException("field \"" + field + "\" = " + clip(p.getText())
                    + " does not fit a 64-bit integer");
        }
        return p.getLongValue();
    }

    private static String text(JsonParser p, JsonToken t, String field) throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("field \"" + field + "\" is " + describe(t) + ", not a string");
        }
        return p.getText();
    }

    private static void expect(JsonToken t, JsonToken want, String field, String what) {
        if (t != want) {
            throw new IllegalArgumentException("field \"" + field + "\" is " + describe(t) + ", not " + what);
        }
    }

    private static String describe(JsonToken t) {
        if (t == null || t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT) {
            return "missing";
        }
        switch (t) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return t.toString();
        }
    }

    private static String clip(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= 120 ? one : one.substring(0, 120) + "…";
    }
}

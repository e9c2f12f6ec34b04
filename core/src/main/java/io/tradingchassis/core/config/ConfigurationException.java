package io.tradingchassis.core.config;

/**
 * A configuration that cannot be used: unparseable JSON, an unknown key, an invalid value, or a newer
 * schema. The message is one line: {@code source: $.json.path: rule (got value)}.
 */
public final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String path;

    /** Longest input value a message shows whole. */
    static final int SHOWN_WHOLE = 60;
    /** How many characters of a longer input value a message shows, before {@code … (N characters)}. */
    static final int SHOWN_PREFIX = 40;
    /**
     * Longest path or rule kept whole. Only a rule that echoes an input value without {@link #quote}
     * or {@link #clip} can be longer; it is cut here, so no input makes a message longer than this.
     */
    static final int MAX_PART = 2000;

    /**
     * A problem at a JSON path of the named source. Control characters (from keys or values of the
     * input) are escaped, so the message stays one line; a path or rule longer than {@value #MAX_PART}
     * characters is cut to that length.
     */
    public ConfigurationException(String source, String path, String rule) {
        super(oneLine(source) + ": " + oneLine(clip(path, MAX_PART, MAX_PART)) + ": "
                + oneLine(clip(rule, MAX_PART, MAX_PART)));
        this.source = source;
        this.path = oneLine(clip(path, MAX_PART, MAX_PART));
    }

    /** An input value for a message: whole when short, else its first characters and its length. */
    static String clip(String value) {
        return clip(value, SHOWN_WHOLE, SHOWN_PREFIX);
    }

    /** An input string for a message, in quotes: {@code "abc"}, or {@code "abcd…" (1000000 characters)}. */
    static String quote(String value) {
        if (value.length() <= SHOWN_WHOLE) {
            return "\"" + value + "\"";
        }
        return "\"" + value.substring(0, prefixEnd(value, SHOWN_PREFIX)) + "\u2026\" (" + value.length()
                + " characters)";
    }

    /** A key for a JSON path: whole when short, else its first characters and {@code …}. */
    static String pathKey(String key) {
        return key.length() <= SHOWN_WHOLE ? key : key.substring(0, prefixEnd(key, SHOWN_PREFIX)) + "\u2026";
    }

    /** {@code s} when at most {@code whole} long, else its first {@code keep} characters + {@code … (N characters)}. */
    static String clip(String s, int whole, int keep) {
        if (s == null || s.length() <= whole) {
            return s;
        }
        return s.substring(0, prefixEnd(s, keep)) + "\u2026 (" + s.length() + " characters)";
    }

    /** {@code keep}, or one less so the cut does not split a surrogate pair. */
    private static int prefixEnd(String s, int keep) {
        return Character.isHighSurrogate(s.charAt(keep - 1)) ? keep - 1 : keep;
    }

    /**
     * Escapes control characters (backslash-n, -r, -t, -u00xx), so input text cannot break the line, and
     * lone surrogates (backslash-udxxx), so the message is valid Unicode and prints the same in UTF-8.
     */
    static String oneLine(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair || (c >= 0x20 && c != 0x7f && c != '\u2028' && c != '\u2029' && !Character.isSurrogate(c))) {
                if (b != null) {
                    b.append(c);
                    if (pair) {
                        b.append(s.charAt(i + 1));
                    }
                }
                if (pair) {
                    i++;
                }
                continue;
            }
            if (b == null) {
                b = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            switch (c) {
                case '\n':
                    b.append("\\n");
                    break;
                case '\r':
                    b.append("\\r");
                    break;
                case '\t':
                    b.append("\\t");
                    break;
                default:
                    b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b == null ? s : b.toString();
    }

    /** Where the configuration came from (file name or "&lt;stdin&gt;"). */
    public String source() {
        return source;
    }

    /** The JSON path of the offending value, {@code $} for the document itself. */
    public String path() {
        return path;
    }
}

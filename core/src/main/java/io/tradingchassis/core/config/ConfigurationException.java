package io.tradingchassis.core.config;

/**
 * A configuration that cannot be used: unparseable JSON, an unknown key, an invalid value, or a newer
 * schema. The message is one line: {@code source: $.json.path: rule (got value)}.
 */
public final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String path;

    /**
     * A problem at a JSON path of the named source. Control characters (from keys or values of the
     * input) are escaped, so the message stays one line.
     */
    public ConfigurationException(String source, String path, String rule) {
        super(oneLine(source) + ": " + oneLine(path) + ": " + oneLine(rule));
        this.source = source;
        this.path = oneLine(path);
    }

    /** Escapes control characters (backslash-n, -r, -t, -u00xx): input text cannot break the line. */
    static String oneLine(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != 0x7f && c != '\u2028' && c != '\u2029') {
                if (b != null) {
                    b.append(c);
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

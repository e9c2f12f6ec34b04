package io.tradingchassis.core.config;

/**
 * A configuration that cannot be used: unparseable JSON, an unknown key, an invalid value, or a newer
 * schema. The message is one line: {@code source: $.json.path: rule (got value)}.
 */
public final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String path;

    /** A problem at a JSON path of the named source. */
    public ConfigurationException(String source, String path, String rule) {
        super(source + ": " + path + ": " + rule);
        this.source = source;
        this.path = path;
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

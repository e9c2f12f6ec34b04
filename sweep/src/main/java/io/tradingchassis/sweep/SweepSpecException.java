package io.tradingchassis.sweep;

/** A {@code SWEEP.json} that does not describe a sweep; the message names the file and the JSON path. */
public final class SweepSpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** {@code source: path: detail}. */
    public SweepSpecException(String source, String path, String detail) {
        super(source + ": " + path + ": " + detail);
    }
}

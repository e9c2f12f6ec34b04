package io.tradingchassis.replay.log;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A golden log that cannot be read or does not verify: one line naming the file, where (position and/or
 * byte offset) and the rule, plus its {@link LogFailure} kind (which gives the exit code).
 */
public final class LogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Position or offset not known. */
    public static final long UNKNOWN = -1;

    private final transient LogFailure failure;
    private final long position;
    private final long offset;

    /** A failure of {@code file} at {@code position} (entry) and {@code offset} (byte), either may be {@link #UNKNOWN}. */
    public LogException(LogFailure failure, Path file, long position, long offset, String detail) {
        super(message(failure, file, position, offset, detail));
        this.failure = Objects.requireNonNull(failure, "failure");
        this.position = position;
        this.offset = offset;
    }

    private static String message(LogFailure failure, Path file, long position, long offset, String detail) {
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(": ").append(failure.label());
        if (position != UNKNOWN) {
            sb.append(" at position ").append(position);
        }
        if (offset != UNKNOWN) {
            sb.append(position != UNKNOWN ? " (byte " : " at byte ").append(offset).append(position != UNKNOWN ? ")" : "");
        }
        return sb.append(": ").append(detail).toString();
    }

    /** The same failure with {@code shown} named instead of {@code read} (a YAML log read through a temporary binary). */
    public LogException naming(Path read, Path shown) {
        String m = getMessage();
        String prefix = read + ": ";
        if (!m.startsWith(prefix)) {
            return this;
        }
        LogException e = new LogException(failure, shown, position, offset, m.substring(prefix.length()), true);
        e.setStackTrace(getStackTrace());
        return e;
    }

    private LogException(LogFailure failure, Path file, long position, long offset, String rest, boolean raw) {
        super(file + ": " + rest);
        this.failure = failure;
        this.position = position;
        this.offset = offset;
    }

    /** The kind of failure. */
    public LogFailure failure() {
        return failure;
    }

    /** The entry position concerned, or {@link #UNKNOWN}. */
    public long position() {
        return position;
    }

    /** The byte offset concerned, or {@link #UNKNOWN}. */
    public long offset() {
        return offset;
    }
}

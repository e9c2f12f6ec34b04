package io.tradingchassis.runtime.codec;

/**
 * Bytes that are not a valid encoded event (unknown type code, truncated event, malformed varint,
 * invalid enum code or UTF-8), or a buffer too small to encode into. The message is one line and names
 * the byte offset; {@link #offset()} returns it for callers that translate it (a dataset reader adds the
 * file offset of its block).
 */
public final class EventCodecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int offset;
    private final String detail;

    EventCodecException(int offset, String detail) {
        super(detail + " at byte offset " + offset);
        this.offset = offset;
        this.detail = detail;
    }

    /** The buffer index where the problem is: the event's first byte, or the field that is bad. */
    public int offset() {
        return offset;
    }

    /** The message without the trailing {@code " at byte offset N"}, for callers that name another offset. */
    public String detail() {
        return detail;
    }
}

package io.tradingchassis.runtime.binance;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Lines of bytes from a stream, without decoding them: {@link #next()} fills {@link #bytes()} with the
 * next line (without {@code \n} or {@code \r\n}). The buffers are reused; a line longer than
 * {@link #MAX_LINE_BYTES} is refused.
 */
final class LineReader {

    /** Longest line accepted: a REST snapshot of 5000 levels a side is about 0.3 MB. */
    static final int MAX_LINE_BYTES = 64 << 20;

    private final InputStream in;
    private final byte[] chunk = new byte[64 << 10];
    private int chunkPos;
    private int chunkLimit;
    private byte[] line = new byte[4096];
    private int length;
    private boolean eof;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The current line's bytes, {@code [0, length())}. */
    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    /**
     * Reads the next line.
     *
     * @return false at the end of the stream (a last line without {@code \n} is still a line)
     * @throws LineTooLongException when a line exceeds {@link #MAX_LINE_BYTES}
     */
    boolean next() throws IOException {
        length = 0;
        boolean any = false;
        while (true) {
            if (chunkPos == chunkLimit) {
                if (eof) {
                    return any;
                }
                int n = in.read(chunk);
                if (n < 0) {
                    eof = true;
                    return any;
                }
                chunkPos = 0;
                chunkLimit = n;
                continue;
            }
            any = true;
            int from = chunkPos;
            int nl = from;
            while (nl < chunkLimit && chunk[nl] != '\n') {
                nl++;
            }
            append(from, nl - from);
            if (nl < chunkLimit) {
                chunkPos = nl + 1;
                if (length > 0 && line[length - 1] == '\r') {
                    length--;
                }
                return true;
            }
            chunkPos = chunkLimit;
        }
    }

    private void append(int from, int n) {
        if (length + n > MAX_LINE_BYTES) {
            throw new LineTooLongException();
        }
        if (length + n > line.length) {
            line = Arrays.copyOf(line, Math.max(length + n, Math.min(MAX_LINE_BYTES, line.length * 2)));
        }
        System.arraycopy(chunk, from, line, length, n);
        length += n;
    }

    /** A line over {@link #MAX_LINE_BYTES}. */
    static final class LineTooLongException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        LineTooLongException() {
            super("a line is longer than " + MAX_LINE_BYTES + " bytes");
        }
    }
}

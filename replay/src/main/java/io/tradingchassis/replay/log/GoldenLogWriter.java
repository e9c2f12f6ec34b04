package io.tradingchassis.replay.log;

import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.step.StepResult;
import io.tradingchassis.runtime.Recorder;
import io.tradingchassis.runtime.codec.EventCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Records a run as a golden log while it runs (SPEC §13): each applied step becomes an entry with its
 * chain value, a State digest follows every checkpoint position, and {@link #finish()} writes the
 * trailer. Constant memory: records are written in batches of about 64 KiB, each batch whole records, so
 * a process killed mid-run leaves a log whose prefix is intact up to its last batch ({@code tc replay}
 * reports it as truncated, {@code tc replay --prefix} verifies that prefix). Closing without
 * {@link #finish()} keeps everything written so far (and no trailer). Not thread-safe.
 */
public final class GoldenLogWriter implements Recorder, AutoCloseable {
    private final LogOutput out;
    private final long checkpointInterval;
    private final ResultChain chain = new ResultChain();
    private final State state;
    private ByteBuffer event = LogFormat.le(1024);
    private long expected;
    private boolean finished;
    private boolean closed;

    private GoldenLogWriter(LogOutput out, LogHeader header, State state) {
        this.out = out;
        this.checkpointInterval = header.checkpointInterval();
        this.state = state;
    }

    /**
     * A writer of a new log at {@code file} (replaced when {@code replace}, else it must not exist) that
     * takes its checkpoints from {@code state}, the State the recorded steps are applied to.
     */
    public static GoldenLogWriter create(Path file, LogHeader header, State state, boolean replace) throws IOException {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(state, "state");
        return new GoldenLogWriter(new LogOutput(file, header, replace), header, state);
    }

    /** The file being written. */
    public Path file() {
        return out.file();
    }

    /** The chain value after the last recorded entry. */
    public long chain() {
        return chain.value();
    }

    /** Entries recorded so far. */
    public long entries() {
        return expected;
    }

    @Override
    public void onStep(long position, Event e, StepResult result) {
        if (finished || closed) {
            throw new IllegalStateException(out.file() + ": the log is already " + (finished ? "finished" : "closed"));
        }
        if (position != expected) {
            throw new IllegalStateException(out.file() + ": entry at position " + position + " after " + (expected - 1));
        }
        ByteBuffer ev = encode(e);
        int len = ev.position();
        out.entry(position, ev, 0, len, chain.append(position, ev, 0, len, result));
        if (position > 0 && position % checkpointInterval == 0) {
            out.checkpoint(position, digestBytes(state));
        }
        expected = position + 1;
        out.maybeFlush();
    }

    private ByteBuffer encode(Event e) {
        int max = EventCodec.maxEncodedLength(e);
        if (event.capacity() < max) {
            event = LogFormat.le(Math.max(max, event.capacity() * 2));
        }
        event.clear();
        EventCodec.encode(e, event);
        return event;
    }

    static byte[] digestBytes(State s) {
        String d = s.digest();
        return HexFormat.of().parseHex(d.substring(d.indexOf(':') + 1));
    }

    /** Writes the trailer (entry count, final chain value, final State digest) and forces the file to disk. */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        out.trailer(expected, chain.value(), digestBytes(state));
        finished = true;
    }

    /** Flushes what is buffered (a log without {@link #finish()} keeps its records, no trailer) and closes. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        out.close();
    }
}

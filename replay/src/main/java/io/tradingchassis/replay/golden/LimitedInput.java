package io.tradingchassis.replay.golden;

import io.tradingchassis.core.event.Event;
import io.tradingchassis.runtime.InputSource;

/** The first {@code max} events of another source. */
public final class LimitedInput implements InputSource {
    private final InputSource in;
    private final long max;
    private long taken;

    /** See the class comment. */
    public LimitedInput(InputSource in, long max) {
        this.in = in;
        this.max = max;
    }

    @Override
    public long peekLocalTsNs() {
        return taken < max ? in.peekLocalTsNs() : EXHAUSTED;
    }

    @Override
    public Event poll() {
        taken++;
        return in.poll();
    }
}

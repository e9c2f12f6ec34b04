package io.tradingchassis.replay.golden;

import io.tradingchassis.core.event.Event;
import io.tradingchassis.runtime.InputSource;
import java.util.List;

/** An input source over a list of events, in list order (a hand-written market). */
public final class ListInput implements InputSource {
    private final List<Event> events;
    private final long limit;
    private int next;

    /** See the class comment. */
    public ListInput(List<Event> events) {
        this.events = List.copyOf(events);
        this.limit = events.size();
    }

    @Override
    public long peekLocalTsNs() {
        return next < limit ? events.get(next).localTsNs() : EXHAUSTED;
    }

    @Override
    public Event poll() {
        return events.get(next++);
    }
}

package io.tradingchassis.runtime.venue;

import io.tradingchassis.core.event.DispatchFailed;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.step.DispatchRequest;
import io.tradingchassis.runtime.VenueAdapter;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Objects;

/**
 * A venue that replays recorded feedback (SPEC §12: "a recorded-feedback replayer"): the dispatch
 * records and execution events of a recorded stream, in their recorded order. {@link #submit} hands back
 * the next recorded record after checking it answers the request the core made now — same order key,
 * request id and command — so re-running a recorded stream against it reproduces the run, and a core
 * that dispatches differently is refused at the first request that differs ({@link IllegalStateException}
 * naming both). Market events in the recording are skipped (the run reads its market input itself),
 * but counted: an answer is released only once the run has made the requests and read the market rows
 * that came before it in the recording, so it merges into the same place.
 */
public final class RecordedVenue implements VenueAdapter {
    private final Iterator<Event> recorded;
    private final ArrayDeque<Event> records = new ArrayDeque<>();
    private final ArrayDeque<Event> feedback = new ArrayDeque<>();
    // For each buffered feedback event, how many records precede it in the recording: it answers requests
    // made up to there, so it is not released before the run has made (submitted) them too.
    private final ArrayDeque<Long> recordsBefore = new ArrayDeque<>();
    // Likewise market rows: an answer a market row caused is not released before the run has read the row.
    private final ArrayDeque<Long> marketBefore = new ArrayDeque<>();
    private long recordsRead;
    private long marketRead;
    private long marketSeen;
    private long submits;

    /** A venue answering from {@code recorded}, a recorded stream in processing order. */
    public RecordedVenue(Iterator<Event> recorded) {
        this.recorded = Objects.requireNonNull(recorded, "recorded");
    }

    /** Reads the recording until a record, or a feedback event, is available (or it ends). */
    private void fill(boolean needRecord) {
        while ((needRecord ? records.isEmpty() : feedback.isEmpty()) && recorded.hasNext()) {
            Event e = recorded.next();
            EventType.Category c = e.type().category();
            if (c == EventType.Category.INTENT_RECORD) {
                records.add(e);
                recordsRead++;
            } else if (c == EventType.Category.EXECUTION) {
                feedback.add(e);
                recordsBefore.add(recordsRead);
                marketBefore.add(marketRead);
            } else if (c == EventType.Category.MARKET) {
                marketRead++;
            }
        }
    }

    @Override
    public Event submit(DispatchRequest request, long nowNs) {
        submits++;
        fill(true);
        Event r = records.poll();
        if (r == null) {
            throw new IllegalStateException("recorded venue: request #" + submits + " " + request
                    + " has no recorded dispatch record (the recording ends)");
        }
        boolean matches = r instanceof OrderSubmitted s ? s.orderId() == request.orderKey()
                && s.requestId() == request.requestId() && s.command().equals(request.command())
                : r instanceof DispatchFailed f && f.orderId() == request.orderKey()
                && f.requestId() == request.requestId();
        if (!matches) {
            throw new IllegalStateException("recorded venue: request #" + submits + " " + request
                    + " differs from the recorded record " + r + ": the run diverged from the recording");
        }
        return r;
    }

    @Override
    public void onMarket(Event marketEvent) {
        marketSeen++; // the recording's answers already reflect the market; only the count matters
    }

    @Override
    public long peekLocalTsNs() {
        fill(false);
        if (feedback.isEmpty() || recordsBefore.peek() > submits || marketBefore.peek() > marketSeen) {
            return EXHAUSTED; // the next answer follows requests or rows this run has not reached yet
        }
        return feedback.peek().localTsNs();
    }

    @Override
    public Event poll() {
        fill(false);
        recordsBefore.poll();
        marketBefore.poll();
        return feedback.poll();
    }
}

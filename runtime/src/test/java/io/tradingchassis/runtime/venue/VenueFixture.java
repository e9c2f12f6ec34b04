package io.tradingchassis.runtime.venue;

import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.BookSnapshot;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.DispatchFailed;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.OrderAccepted;
import io.tradingchassis.core.event.OrderCancelled;
import io.tradingchassis.core.event.OrderExpired;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.event.OrderRejected;
import io.tradingchassis.core.event.OrderReplaced;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.PriceLevel;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.TimeInForce;
import io.tradingchassis.core.event.Trade;
import io.tradingchassis.core.step.DispatchRequest;
import io.tradingchassis.runtime.InputSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Scripted books, requests and a compact rendering of the venue's feedback, for the venue tests. */
final class VenueFixture {
    static final int I = 0;

    private VenueFixture() {
    }

    static BookDelta bid(long t, long px, long qty) {
        return new BookDelta(t, t, I, BookSide.BID, px, qty);
    }

    static BookDelta ask(long t, long px, long qty) {
        return new BookDelta(t, t, I, BookSide.ASK, px, qty);
    }

    /** A trade whose aggressor sold: it hits bids, so it trades with our resting buys. */
    static Trade sellTrade(long t, long px, long qty) {
        return new Trade(t, t, I, Side.SELL, px, qty);
    }

    /** A trade whose aggressor bought: it lifts asks, so it trades with our resting sells. */
    static Trade buyTrade(long t, long px, long qty) {
        return new Trade(t, t, I, Side.BUY, px, qty);
    }

    /** A snapshot from "price x qty" pairs: {@code bids} and {@code asks} as {px, qty, px, qty, ...}. */
    static BookSnapshot snapshot(long t, long[] bids, long[] asks) {
        return new BookSnapshot(t, t, I, levels(bids), levels(asks));
    }

    private static List<PriceLevel> levels(long[] pq) {
        List<PriceLevel> out = new ArrayList<>();
        for (int i = 0; i < pq.length; i += 2) {
            out.add(new PriceLevel(pq[i], pq[i + 1]));
        }
        return out;
    }

    static DispatchRequest newOrder(long req, long key, Side side, long px, long qty, TimeInForce tif) {
        return new DispatchRequest(req, key, CommandType.NEW, I, side, px, qty, tif);
    }

    static DispatchRequest replace(long req, long key, Side side, long px, long qty) {
        return new DispatchRequest(req, key, CommandType.REPLACE, I, side, px, qty, TimeInForce.GTC);
    }

    static DispatchRequest cancel(long req, long key, Side side) {
        return new DispatchRequest(req, key, CommandType.CANCEL, I, side, 0, 0, TimeInForce.GTC);
    }

    /** Takes every feedback event the venue holds, in order. */
    static List<Event> drain(SimulatedVenue v) {
        List<Event> out = new ArrayList<>();
        while (v.peekLocalTsNs() != InputSource.EXHAUSTED) {
            out.add(v.poll());
        }
        return out;
    }

    /** {@link #drain} rendered with {@link #render}. */
    static List<String> drainText(SimulatedVenue v) {
        List<String> out = new ArrayList<>();
        for (Event e : drain(v)) {
            out.add(render(e));
        }
        return out;
    }

    /**
     * A compact form of an execution event without timestamps (reject reasons are free text and left
     * out): {@code ACC 1}, {@code FILL 1 3@100 leaves=2}, {@code EXP 1}, {@code CXL 1 #5}, {@code REJ 1 #5},
     * {@code RPL 1 #5 6@100}.
     */
    static String render(Event e) {
        if (e instanceof OrderAccepted a) {
            return "ACC " + a.orderId();
        } else if (e instanceof OrderFilled f) {
            return "FILL " + f.orderId() + " " + f.fillQtyLots() + "@" + f.fillPriceTicks() + " leaves=" + f.leavesLots();
        } else if (e instanceof OrderExpired x) {
            return "EXP " + x.orderId();
        } else if (e instanceof OrderCancelled c) {
            return "CXL " + c.orderId() + " #" + c.requestId();
        } else if (e instanceof OrderRejected r) {
            return "REJ " + r.orderId() + " #" + r.requestId();
        } else if (e instanceof OrderReplaced r) {
            return "RPL " + r.orderId() + " #" + r.requestId() + " " + r.qtyLots() + "@" + r.priceTicks();
        } else if (e instanceof OrderSubmitted s) {
            return "SUB " + s.orderId() + " #" + s.requestId();
        } else if (e instanceof DispatchFailed f) {
            return "FAILED " + f.orderId() + " #" + f.requestId();
        }
        return e.toString();
    }

    /** SHA-256 over every event's full form (records: type, timestamps, every field), one per line. */
    static String digest(List<Event> events) {
        StringBuilder sb = new StringBuilder();
        for (Event e : events) {
            sb.append(e).append('\n');
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}

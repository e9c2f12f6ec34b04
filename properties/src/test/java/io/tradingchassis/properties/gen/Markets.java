package io.tradingchassis.properties.gen;

import io.tradingchassis.core.event.Bbo;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.BookSnapshot;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.PriceLevel;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.Trade;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Market data for instrument 0 that keeps the book legal: a snapshot first, then deltas (never
 * crossing: a bid below the best ask, an ask above the best bid), moves of the mid that clear the levels
 * they pass, trades at or near the touch, BBO prints and later snapshots. Local times mostly advance
 * (0.1–5 ms), with duplicates (the same {@code localTsNs} as the row before) and late rows (an older
 * {@code localTsNs} than the row before); {@code exchTsNs} is the local time minus a jittered feed
 * latency, so it is not monotone either. Mid starts at {@link #MID}.
 */
public final class Markets {
    /** Local time of the first row. */
    public static final long T0 = 1_700_000_000_000_000_000L;
    /** Starting mid, in ticks. */
    public static final long MID = 10_000;
    /** One millisecond. */
    public static final long MS = 1_000_000L;

    private Markets() {
    }

    /** Between {@code min} and {@code max} rows (shrinks toward fewer). */
    public static Gen<List<Event>> market(int min, int max) {
        return in -> new Builder(in).build((int) Draw.between(in, min, max));
    }

    /** The model behind the generator: the book as the feed has it, so every row keeps it legal. */
    static final class Builder {
        final RandomnessSource in;
        final TreeMap<Long, Long> bids = new TreeMap<>();
        final TreeMap<Long, Long> asks = new TreeMap<>();
        final List<Event> out = new ArrayList<>();
        long t = T0;
        long local;
        long exch;

        Builder(RandomnessSource in) {
            this.in = in;
        }

        List<Event> build(int n) {
            clock(false);
            out.add(snapshot(MID));
            while (out.size() < n) {
                clock(true);
                int roll = (int) Draw.between(in, 0, 99);
                if (roll < 45) {
                    out.add(delta());
                } else if (roll < 70) {
                    out.add(trade());
                } else if (roll < 80) {
                    move();
                } else if (roll < 86) {
                    out.add(new Bbo(exch, local, 0, bestBid(), bids.getOrDefault(bestBid(), 0L), bestAsk(),
                            asks.getOrDefault(bestAsk(), 0L)));
                } else if (roll < 90) {
                    out.add(snapshot((bestBid() + bestAsk()) / 2));
                } else {
                    out.add(removeLevel());
                }
            }
            return out;
        }

        void clock(boolean mayRepeat) {
            int kind = (int) Draw.between(in, 0, 19);
            if (mayRepeat && kind == 0) {
                local = t; // duplicate time: the same localTsNs as the row before
            } else if (mayRepeat && kind == 1) {
                local = t - Draw.between(in, 1, 3_000) * 1_000; // a late row: older than the one before
            } else {
                t += Draw.between(in, 1, 50) * 100_000; // 0.1 .. 5 ms
                local = t;
            }
            exch = local - 800_000 + Draw.between(in, 0, 400_000);
        }

        long bestBid() {
            return bids.isEmpty() ? MID - 1 : bids.lastKey();
        }

        long bestAsk() {
            return asks.isEmpty() ? MID + 1 : asks.firstKey();
        }

        BookSnapshot snapshot(long mid) {
            bids.clear();
            asks.clear();
            int nb = (int) Draw.between(in, 1, 5);
            int na = (int) Draw.between(in, 1, 5);
            for (int i = 0; i < nb; i++) {
                bids.put(mid - 1 - i - Draw.between(in, 0, 1), Draw.between(in, 1, 40));
            }
            for (int i = 0; i < na; i++) {
                asks.put(mid + 1 + i + Draw.between(in, 0, 1), Draw.between(in, 1, 40));
            }
            return new BookSnapshot(exch, local, 0, levels(bids), levels(asks));
        }

        static List<PriceLevel> levels(TreeMap<Long, Long> side) {
            List<PriceLevel> l = new ArrayList<>();
            for (Map.Entry<Long, Long> e : side.entrySet()) {
                l.add(new PriceLevel(e.getKey(), e.getValue()));
            }
            return l;
        }

        BookDelta delta() {
            boolean bid = Draw.bool(in);
            long px = bid ? bestAsk() - 1 - Draw.between(in, 0, 6) : bestBid() + 1 + Draw.between(in, 0, 6);
            long qty = Draw.between(in, 1, 60);
            (bid ? bids : asks).put(px, qty);
            return new BookDelta(exch, local, 0, bid ? BookSide.BID : BookSide.ASK, px, qty);
        }

        BookDelta removeLevel() {
            boolean bid = Draw.bool(in);
            TreeMap<Long, Long> side = bid ? bids : asks;
            if (side.size() <= 1) {
                return delta();
            }
            long px = bid ? side.lastKey() : side.firstKey();
            side.remove(px);
            return new BookDelta(exch, local, 0, bid ? BookSide.BID : BookSide.ASK, px, 0);
        }

        Trade trade() {
            Side aggressor = Draw.bool(in) ? Side.BUY : Side.SELL;
            long px = aggressor == Side.BUY ? bestAsk() + Draw.between(in, -1, 1) : bestBid() + Draw.between(in, -1, 1);
            return new Trade(exch, local, 0, aggressor, Math.max(1, px), Draw.between(in, 1, 30));
        }

        /** The mid moves: levels it passes are cleared (qty 0), a new best level appears on the far side. */
        void move() {
            boolean up = Draw.bool(in);
            long steps = Draw.between(in, 1, 4);
            if (up) {
                long newBid = bestBid() + steps;
                while (!asks.isEmpty() && asks.firstKey() <= newBid) {
                    long px = asks.pollFirstEntry().getKey();
                    out.add(new BookDelta(exch, local, 0, BookSide.ASK, px, 0));
                }
                if (asks.isEmpty()) {
                    asks.put(newBid + 1, Draw.between(in, 1, 40));
                    out.add(new BookDelta(exch, local, 0, BookSide.ASK, newBid + 1, asks.get(newBid + 1)));
                }
                bids.put(newBid, Draw.between(in, 1, 40));
                out.add(new BookDelta(exch, local, 0, BookSide.BID, newBid, bids.get(newBid)));
            } else {
                long newAsk = bestAsk() - steps;
                while (!bids.isEmpty() && bids.lastKey() >= newAsk) {
                    long px = bids.pollLastEntry().getKey();
                    out.add(new BookDelta(exch, local, 0, BookSide.BID, px, 0));
                }
                if (bids.isEmpty()) {
                    bids.put(newAsk - 1, Draw.between(in, 1, 40));
                    out.add(new BookDelta(exch, local, 0, BookSide.BID, newAsk - 1, bids.get(newAsk - 1)));
                }
                asks.put(newAsk, Draw.between(in, 1, 40));
                out.add(new BookDelta(exch, local, 0, BookSide.ASK, newAsk, asks.get(newAsk)));
            }
        }
    }
}

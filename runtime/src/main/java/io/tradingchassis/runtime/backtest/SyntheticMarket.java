package io.tradingchassis.runtime.backtest;

import io.tradingchassis.core.config.SyntheticMarketModel;
import io.tradingchassis.core.event.Bbo;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.BookSnapshot;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.PriceLevel;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.Trade;
import io.tradingchassis.runtime.InputSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded synthetic market for one instrument, so the main job runs on a fresh clone with no data:
 * a 10-level book two ticks wide around a mid that random-walks a tick at a time, with updates near the
 * top (about 85 % of rows), trades at the touch (10 %) and best bid/offer rows (5 %). The same seed
 * gives the same stream, byte for byte, on every JVM ({@link SplittableRandom}, integers only).
 */
public final class SyntheticMarket implements InputSource {
    /** Levels kept on each side. */
    public static final int DEPTH = 10;

    /** Local time of the first row of a market built by {@link #of}: 2023-11-14T22:13:20Z. */
    public static final long START_NS = 1_700_000_000_000_000_000L;

    private final SplittableRandom random;
    private final int instrument;
    private final long count;
    private final ArrayDeque<Event> pending = new ArrayDeque<>();
    private final long[] bidQty = new long[DEPTH];
    private final long[] askQty = new long[DEPTH];
    private long mid;
    private long localNs;
    private long emitted;

    /** The market a configuration's {@code syntheticMarket} block describes, starting at {@link #START_NS}. */
    public static SyntheticMarket of(SyntheticMarketModel model) {
        return new SyntheticMarket(model.seed(), model.events(), model.instrument(), START_NS, model.midTicks());
    }

    /**
     * @param seed       the generator's seed (from the configuration)
     * @param count      rows to produce (the snapshot included)
     * @param instrument the instrument index the rows carry
     * @param startNs    local time of the first row
     * @param midTicks   the initial mid, in ticks (the book spans mid ± 1 … mid ± DEPTH)
     */
    public SyntheticMarket(long seed, long count, int instrument, long startNs, long midTicks) {
        if (count < 1 || midTicks <= DEPTH + 1) {
            throw new IllegalArgumentException("synthetic market: count >= 1 and midTicks > " + (DEPTH + 1)
                    + " required, got " + count + ", " + midTicks);
        }
        this.random = new SplittableRandom(seed);
        this.count = count;
        this.instrument = instrument;
        this.localNs = startNs;
        this.mid = midTicks;
        List<PriceLevel> bids = new ArrayList<>();
        List<PriceLevel> asks = new ArrayList<>();
        for (int i = 0; i < DEPTH; i++) {
            bidQty[i] = 1 + random.nextInt(50);
            askQty[i] = 1 + random.nextInt(50);
            bids.add(new PriceLevel(mid - 1 - i, bidQty[i]));
            asks.add(new PriceLevel(mid + 1 + i, askQty[i]));
        }
        pending.add(new BookSnapshot(exch(), localNs, instrument, bids, asks));
    }

    private long exch() {
        return localNs - 200_000 - random.nextInt(800_000); // the venue stamped it 0.2–1 ms earlier
    }

    @Override
    public long peekLocalTsNs() {
        if (pending.isEmpty() && emitted < count) {
            generate();
        }
        return pending.isEmpty() ? EXHAUSTED : pending.peek().localTsNs();
    }

    @Override
    public Event poll() {
        if (pending.isEmpty()) {
            generate();
        }
        emitted++;
        return pending.poll();
    }

    private void generate() {
        localNs += 50_000 + random.nextInt(1_950_000);
        int r = random.nextInt(1000);
        if (r < 30) {
            move(random.nextBoolean());
        } else if (r < 880) {
            boolean bid = random.nextBoolean();
            int level = random.nextInt(DEPTH);
            long qty = 1 + random.nextInt(50);
            (bid ? bidQty : askQty)[level] = qty;
            pending.add(new BookDelta(exch(), localNs, instrument, bid ? BookSide.BID : BookSide.ASK,
                    bid ? mid - 1 - level : mid + 1 + level, qty));
        } else if (r < 980) {
            boolean buy = random.nextBoolean();
            long qty = 1 + random.nextInt(5);
            pending.add(new Trade(exch(), localNs, instrument, buy ? Side.BUY : Side.SELL,
                    buy ? mid + 1 : mid - 1, qty));
        } else {
            pending.add(new Bbo(exch(), localNs, instrument, mid - 1, bidQty[0], mid + 1, askQty[0]));
        }
        // Never cut a mid move in two: the rows it needs are all queued before emitted reaches count.
    }

    /** The mid moves one tick: the touch on one side is taken out and a level joins the other. */
    private void move(boolean up) {
        long t = localNs;
        long e = exch();
        if (up) {
            pending.add(new BookDelta(e, t, instrument, BookSide.ASK, mid + 1, 0));
            pending.add(new BookDelta(e, t, instrument, BookSide.BID, mid, bidQty[0]));
            pending.add(new BookDelta(e, t, instrument, BookSide.BID, mid - DEPTH, 0));
            pending.add(new BookDelta(e, t, instrument, BookSide.ASK, mid + 1 + DEPTH, askQty[DEPTH - 1]));
            System.arraycopy(bidQty, 0, bidQty, 1, DEPTH - 1);
            System.arraycopy(askQty, 1, askQty, 0, DEPTH - 1);
            mid++;
        } else {
            pending.add(new BookDelta(e, t, instrument, BookSide.BID, mid - 1, 0));
            pending.add(new BookDelta(e, t, instrument, BookSide.ASK, mid, askQty[0]));
            pending.add(new BookDelta(e, t, instrument, BookSide.ASK, mid + DEPTH, 0));
            pending.add(new BookDelta(e, t, instrument, BookSide.BID, mid - 1 - DEPTH, bidQty[DEPTH - 1]));
            System.arraycopy(askQty, 0, askQty, 1, DEPTH - 1);
            System.arraycopy(bidQty, 1, bidQty, 0, DEPTH - 1);
            mid--;
        }
    }
}

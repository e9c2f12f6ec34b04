package io.tradingchassis.core.state;

import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.PriceLevel;
import io.tradingchassis.core.event.Side;
import java.util.Arrays;
import java.util.List;

/** Market State (SPEC §4): one {@link L2Book} per instrument index, created on first use. */
public final class MarketState {
    private L2Book[] books;

    /** Empty market state. */
    public MarketState() {
        books = new L2Book[0];
    }

    private MarketState(MarketState o) {
        books = new L2Book[o.books.length];
        for (int i = 0; i < books.length; i++) {
            books[i] = o.books[i] == null ? null : o.books[i].copy();
        }
    }

    /** An exact, independent copy. */
    public MarketState copy() {
        return new MarketState(this);
    }

    /** Sets a level's total (L2 semantics, SPEC §3 BookDelta); the caller validated the values. */
    @Mutator
    public void setLevel(int instrument, BookSide side, long priceTicks, long qtyLots) {
        book(instrument).setLevel(side, priceTicks, qtyLots);
    }

    /** Replaces an instrument's whole ladder (SPEC §3 BookSnapshot); the caller validated the levels. */
    @Mutator
    public void replaceBook(int instrument, List<PriceLevel> bids, List<PriceLevel> asks) {
        book(instrument).replace(bids, asks);
    }

    /** Records a trade print. */
    @Mutator
    public void onTrade(int instrument, Side aggressor, long priceTicks, long qtyLots) {
        book(instrument).onTrade(aggressor, priceTicks, qtyLots);
    }

    /** Records a best bid/offer (kept beside the ladder). */
    @Mutator
    public void onBbo(int instrument, long bidTicks, long bidLots, long askTicks, long askLots) {
        book(instrument).onBbo(bidTicks, bidLots, askTicks, askLots);
    }

    /** The book of an instrument, created empty on first use (allocates only then). */
    L2Book book(int instrument) {
        if (instrument >= books.length) {
            books = Arrays.copyOf(books, Math.max(instrument + 1, books.length * 2));
        }
        L2Book b = books[instrument];
        if (b == null) {
            b = new L2Book();
            books[instrument] = b;
        }
        return b;
    }

    /** The book of an instrument if it exists, else {@code null}; never allocates. */
    public L2Book bookOrNull(int instrument) {
        return instrument < books.length ? books[instrument] : null;
    }

    /** One past the highest instrument index with a book slot. */
    public int instrumentSlots() {
        return books.length;
    }

    private static boolean isEmpty(L2Book b) {
        return b == null || b.isPristine();
    }

    void encode(CanonicalEncoder enc) {
        // A book that holds nothing encodes like one never created: the digest reflects content, not
        // the history of which slots were touched.
        int n = books.length;
        while (n > 0 && isEmpty(books[n - 1])) {
            n--; // trailing empty slots are capacity, not state
        }
        enc.tag('M').writeLong(n);
        for (int i = 0; i < n; i++) {
            boolean present = !isEmpty(books[i]);
            enc.writeBoolean(present);
            if (present) {
                books[i].encode(enc);
            }
        }
    }
}

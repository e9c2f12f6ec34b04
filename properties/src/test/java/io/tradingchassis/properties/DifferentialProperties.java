package io.tradingchassis.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.BookSnapshot;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.PriceLevel;
import io.tradingchassis.core.event.Trade;
import io.tradingchassis.core.state.L2Book;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.properties.gen.Draw;
import io.tradingchassis.properties.gen.Markets;
import io.tradingchassis.properties.support.Props;
import io.tradingchassis.properties.support.Scenario;
import io.tradingchassis.properties.support.StreamFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Differential (STYLE habit 4): the core's fast L2 book (sorted primitive arrays) against a naive
 * sorted-map book written here, on the same generated streams — every level, the best prices, the mid
 * and the last trade compared after every step. (The queue is compared with a table model of SPEC §7 in
 * {@link QueueProperties}.)
 */
class DifferentialProperties {

    /** The obviously-correct book: two sorted maps, a delta sets a level (0 removes it), a snapshot replaces both. */
    static final class NaiveBook {
        final TreeMap<Long, Long> bids = new TreeMap<>();
        final TreeMap<Long, Long> asks = new TreeMap<>();
        long lastTradePx = Long.MIN_VALUE; // the core's "no trade yet"
        long lastTradeQty;

        void apply(Event e) {
            if (e instanceof BookDelta d) {
                TreeMap<Long, Long> side = d.side() == BookSide.BID ? bids : asks;
                if (d.qtyLots() == 0) {
                    side.remove(d.priceTicks());
                } else {
                    side.put(d.priceTicks(), d.qtyLots());
                }
            } else if (e instanceof BookSnapshot s) {
                bids.clear();
                asks.clear();
                for (PriceLevel l : s.bids()) {
                    if (l.qtyLots() > 0) {
                        bids.put(l.priceTicks(), l.qtyLots());
                    }
                }
                for (PriceLevel l : s.asks()) {
                    if (l.qtyLots() > 0) {
                        asks.put(l.priceTicks(), l.qtyLots());
                    }
                }
            } else if (e instanceof Trade t) {
                lastTradePx = t.priceTicks();
                lastTradeQty = t.qtyLots();
            }
        }

        String render() {
            StringBuilder b = new StringBuilder("bids");
            for (Map.Entry<Long, Long> x : bids.descendingMap().entrySet()) {
                b.append(' ').append(x.getValue()).append('@').append(x.getKey());
            }
            b.append(" asks");
            for (Map.Entry<Long, Long> x : asks.entrySet()) {
                b.append(' ').append(x.getValue()).append('@').append(x.getKey());
            }
            return b.append(" last ").append(lastTradeQty).append('@').append(lastTradePx).toString();
        }
    }

    static String render(L2Book book) {
        StringBuilder b = new StringBuilder("bids");
        for (int i = 0; i < book.bidLevels(); i++) {
            b.append(' ').append(book.bidQtyLots(i)).append('@').append(book.bidPriceTicks(i));
        }
        b.append(" asks");
        for (int i = 0; i < book.askLevels(); i++) {
            b.append(' ').append(book.askQtyLots(i)).append('@').append(book.askPriceTicks(i));
        }
        return b.append(" last ").append(book.lastTradeQtyLots()).append('@').append(book.lastTradePriceTicks())
                .toString();
    }

    @Test
    void differential_core_l2_book_equals_a_naive_sorted_map_book_after_every_step() {
        String name = "differential_core_l2_book_equals_a_naive_sorted_map_book_after_every_step";
        String json = "{\"instruments\":[{\"symbol\":\"TST\",\"tickSize\":\"0.01\",\"lotSize\":\"1\"}]}";
        CoreConfiguration cfg = CoreConfiguration.parse(json, "book");
        // Generated market data, plus arbitrary (crossing, out-of-order, zero-quantity) levels now and then.
        Gen<List<Event>> g = in -> {
            List<Event> m = new ArrayList<>(Markets.market(5, 300).generate(in));
            int extra = Draw.integer(in, 0, 20);
            for (int i = 0; i < extra; i++) {
                Event at = m.get(Draw.integer(in, 0, m.size() - 1));
                m.add(Draw.integer(in, 1, m.size()), new BookDelta(at.exchTsNs(), at.localTsNs(), 0,
                        Draw.bool(in) ? BookSide.ASK : BookSide.BID, Markets.MID + Draw.between(in, -20, 20),
                        Draw.between(in, 0, 5)));
            }
            return m;
        };
        Props.qt(name, 200).forAll(g).checkAssert(m -> StreamFiles.capturing(name,
                new Scenario(json, StrategyCatalog.builtIn(), m), () -> {
                    State state = new State();
                    CoreEngine engine = new CoreEngine();
                    NaiveBook naive = new NaiveBook();
                    for (int i = 0; i < m.size(); i++) {
                        engine.processEvent(state, i, m.get(i), cfg);
                        naive.apply(m.get(i));
                        L2Book book = state.market().bookOrNull(0);
                        assertEquals(naive.render(), render(book), "book after position " + i);
                        long bid = naive.bids.isEmpty() ? book.bestBidTicks() : naive.bids.lastKey();
                        long ask = naive.asks.isEmpty() ? book.bestAskTicks() : naive.asks.firstKey();
                        assertEquals(bid, book.bestBidTicks(), "best bid at " + i);
                        assertEquals(ask, book.bestAskTicks(), "best ask at " + i);
                    }
                }));
    }
}

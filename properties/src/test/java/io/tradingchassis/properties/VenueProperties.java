package io.tradingchassis.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.Liquidity;
import io.tradingchassis.core.event.OrderExpired;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.event.OrderReplaced;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.TimeInForce;
import io.tradingchassis.properties.gen.RunSpec;
import io.tradingchassis.properties.support.Props;
import io.tradingchassis.properties.support.Runs;
import io.tradingchassis.properties.support.Scenario;
import io.tradingchassis.properties.support.StreamFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The simulated venue (SPEC §12) in real runs over generated books and orders with every time in
 * force: fills conserve quantity, maker fills are at the order's own limit and no fill is worse than
 * it, a GTX never takes, a FOK fills whole or not at all, and the same run twice gives the same bytes.
 */
class VenueProperties {

    /** What the stream says about one order. */
    static final class OrderTrack {
        Side side;
        TimeInForce tif;
        long limit;
        long qty;
        long filled;
        int takerFills;
        boolean expired;
    }

    @Test
    void venue_fills_conserve_quantity_never_beat_the_limit_gtx_never_takes_fok_is_all_or_nothing() {
        String name = "venue_fills_conserve_quantity_never_beat_the_limit_gtx_never_takes_fok_is_all_or_nothing";
        int[] fills = new int[1];
        Props.qt(name, 80).forAll(RunSpec.runs(5, 150, 16)).checkAssert(spec -> {
            Scenario s = Runs.run(spec).scenario();
            StreamFiles.capturing(name, s, () -> {
                Map<Long, OrderTrack> orders = new HashMap<>();
                for (Event e : s.events()) {
                    if (e instanceof OrderSubmitted os && os.command().type() == CommandType.NEW) {
                        OrderTrack o = new OrderTrack();
                        o.side = os.command().side();
                        o.tif = os.command().timeInForce();
                        o.limit = os.command().priceTicks();
                        o.qty = os.command().qtyLots();
                        orders.put(os.orderId(), o);
                    } else if (e instanceof OrderReplaced r) {
                        OrderTrack o = orders.get(r.orderId());
                        o.limit = r.priceTicks();
                        o.qty = r.qtyLots();
                    } else if (e instanceof OrderExpired x) {
                        orders.get(x.orderId()).expired = true;
                    } else if (e instanceof OrderFilled f) {
                        fills[0]++;
                        OrderTrack o = orders.get(f.orderId());
                        o.filled += f.fillQtyLots();
                        assertTrue(f.fillQtyLots() > 0, "a fill of nothing: " + f);
                        assertEquals(o.qty - o.filled, f.leavesLots(), "fills + leaves = order qty: " + f);
                        long sign = o.side == Side.BUY ? 1 : -1;
                        assertTrue(sign * (o.limit - f.fillPriceTicks()) >= 0, "a fill worse than the limit: " + f);
                        if (f.liquidity() == Liquidity.MAKER) {
                            assertEquals(o.limit, f.fillPriceTicks(), "a resting order fills at its own price: " + f);
                        } else {
                            o.takerFills++;
                            assertNotEquals(TimeInForce.GTX, o.tif, "a GTX took liquidity: " + f);
                        }
                    }
                }
                for (OrderTrack o : orders.values()) {
                    if (o.tif == TimeInForce.FOK) {
                        assertTrue(o.filled == 0 || o.filled == o.qty, "FOK filled " + o.filled + " of " + o.qty);
                        assertTrue(!o.expired || o.filled == 0, "FOK expired after a fill");
                    }
                }
            });
        });
        assertTrue(fills[0] > 0, "the runs made no fill at all: the property checked nothing");
    }

    @Test
    void venue_feedback_is_byte_identical_on_rerun() {
        String name = "venue_feedback_is_byte_identical_on_rerun";
        Props.qt(name, 40).forAll(RunSpec.runs(5, 150, 16)).checkAssert(spec -> {
            Scenario a = Runs.run(spec).scenario();
            Scenario b = Runs.run(spec).scenario();
            StreamFiles.capturing(name, a, () -> {
                try {
                    Path fa = Props.outDir().resolve("venue-rerun-a.tcds");
                    Path fb = Props.outDir().resolve("venue-rerun-b.tcds");
                    StreamFiles.writeStream(fa, a.configuration(), a.events());
                    StreamFiles.writeStream(fb, b.configuration(), b.events());
                    assertArrayEquals(Files.readAllBytes(fa), Files.readAllBytes(fb), "stream bytes differ on rerun");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        });
    }
}

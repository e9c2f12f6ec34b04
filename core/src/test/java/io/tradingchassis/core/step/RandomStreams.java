package io.tradingchassis.core.step;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.Bbo;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.BookSnapshot;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.ConfigurationActivated;
import io.tradingchassis.core.event.ControlTime;
import io.tradingchassis.core.event.ControlTimeReason;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventStreamEntry;
import io.tradingchassis.core.event.FeedGap;
import io.tradingchassis.core.event.KillSwitch;
import io.tradingchassis.core.event.OrderAccepted;
import io.tradingchassis.core.event.OrderCancelled;
import io.tradingchassis.core.event.OrderCommand;
import io.tradingchassis.core.event.OrderExpired;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.event.OrderRejected;
import io.tradingchassis.core.event.OrderReplaced;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.PriceLevel;
import io.tradingchassis.core.event.SessionStart;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.Trade;
import io.tradingchassis.core.view.OrderStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * A seeded generator of valid event streams (test-only): market data on two instruments, control
 * events, and execution flows that respect the SPEC §6 lifecycle — it keeps a model of live orders
 * (ordered by id, so generation never depends on hash order) and only emits what the model allows.
 * Without a Strategy each dispatch record establishes its request: the generator numbers requests
 * itself (1, 2, …), and every answer to a recorded request names it (SPEC §6 ordering contract):
 * an OrderRejected names the rejected request, an OrderReplaced its REPLACE, an OrderCancelled its
 * CANCEL (a venue-initiated cancel is {@link OrderCancelled#UNSOLICITED}). NEW keys strictly increase.
 * The same (seed, count) always gives the same list, in any JVM.
 */
public final class RandomStreams {

    /** The configuration the streams are valid for: two instruments, strategy "none". */
    public static final String CONFIG_JSON = Harness.TWO_INSTRUMENTS_JSON;

    private static final String FINGERPRINT = config().fingerprint();

    private RandomStreams() {
    }

    /** The configuration for {@link #generate}. */
    public static CoreConfiguration config() {
        return CoreConfiguration.parse(CONFIG_JSON, "random-streams");
    }

    private static final class LiveOrder {
        final long id;
        final int instrument;
        final Side side;
        long qty;
        long filled;
        long leaves;
        long replacePx;
        long replaceQty;
        OrderStatus status = OrderStatus.SUBMITTED;
        CommandType inflight = CommandType.NEW;
        /** Request id of the inflight request (the NEW's at first). */
        long request;

        LiveOrder(long id, int instrument, Side side, long qty) {
            this.id = id;
            this.instrument = instrument;
            this.side = side;
            this.qty = qty;
            this.leaves = qty;
        }
    }

    /** {@code count} valid entries at positions {@code 0..count-1}. */
    public static List<EventStreamEntry> generate(long seed, int count) {
        return new Gen(seed).run(count);
    }

    private static final class Gen {
        final Random r;
        final TreeMap<Long, LiveOrder> live = new TreeMap<>();
        /** Terminal orders whose REPLACE/CANCEL request still awaits the venue's (reject) answer. */
        final TreeMap<Long, LiveOrder> unanswered = new TreeMap<>();
        long clock = 1_700_000_000_000_000_000L;
        long nextId = 1;
        long nextRequest = 1;
        long local;
        long exch;

        Gen(long seed) {
            r = new Random(seed);
        }

        List<EventStreamEntry> run(int count) {
            List<EventStreamEntry> out = new ArrayList<>(count);
            for (int pos = 0; pos < count; pos++) {
                clock += r.nextInt(1_000);
                local = clock;
                if (r.nextInt(40) == 0) {
                    local = clock - 1 - r.nextInt(5_000); // a late event: older timestamp, same rules
                }
                exch = local - 1_300_000_000L + r.nextInt(1_000);
                out.add(new EventStreamEntry(pos, next()));
            }
            return out;
        }

        Event next() {
            int roll = r.nextInt(100);
            if (roll < 28) {
                return delta();
            }
            if (roll < 36) {
                return new Trade(exch, local, r.nextInt(2), r.nextBoolean() ? Side.BUY : Side.SELL,
                        95 + r.nextInt(11), 1 + r.nextInt(30));
            }
            if (roll < 41) {
                long bid = 95 + r.nextInt(6);
                return new Bbo(exch, local, r.nextInt(2), bid, r.nextInt(40), bid + 1 + r.nextInt(5), r.nextInt(40));
            }
            if (roll < 43) {
                return snapshot();
            }
            if (roll < 44) {
                return new FeedGap(exch, local, r.nextInt(2));
            }
            if (roll < 45) {
                return new KillSwitch(exch, local, r.nextBoolean());
            }
            if (roll < 46) {
                if (r.nextBoolean()) {
                    return new SessionStart(exch, local);
                }
                r.nextInt(10); // keeps the generator's draw sequence (and so every stream) unchanged
                // The stream may only activate the configuration it is processed with (CF1).
                return new ConfigurationActivated(exch, local, FINGERPRINT);
            }
            if (roll < 47) {
                clock += 1; // strictly after every deadline realized so far (CT1)
                return new ControlTime(clock, clock, clock, ControlTimeReason.RATE_LIMIT_RECOVERY);
            }
            Event e = execution();
            return e != null ? e : delta();
        }

        Event delta() {
            BookSide side = r.nextBoolean() ? BookSide.BID : BookSide.ASK;
            long px = side == BookSide.BID ? 85 + r.nextInt(16) : 100 + r.nextInt(16);
            long qty = r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(100);
            return new BookDelta(exch, local, r.nextInt(2), side, px, qty);
        }

        Event snapshot() {
            List<PriceLevel> bids = new ArrayList<>();
            List<PriceLevel> asks = new ArrayList<>();
            for (long px = 90; px <= 100; px++) {
                if (r.nextInt(3) > 0) {
                    bids.add(new PriceLevel(px, 1 + r.nextInt(50)));
                }
            }
            for (long px = 101; px <= 111; px++) {
                if (r.nextInt(3) > 0) {
                    asks.add(new PriceLevel(px, 1 + r.nextInt(50)));
                }
            }
            if (r.nextBoolean()) {
                Collections.shuffle(bids, r); // order inside a snapshot must not matter
            }
            return new BookSnapshot(exch, local, r.nextInt(2), bids, asks);
        }

        Event execution() {
            if (!unanswered.isEmpty() && r.nextInt(4) == 0) {
                LiveOrder o = unanswered.pollFirstEntry().getValue();
                return new OrderRejected(exch, local, o.id, o.request, "too late");
            }
            if (live.isEmpty() || (live.size() < 25 && r.nextInt(4) == 0)) {
                long id = nextId++;
                long qty = 1 + r.nextInt(20);
                LiveOrder o = new LiveOrder(id, r.nextInt(2), r.nextBoolean() ? Side.BUY : Side.SELL, qty);
                o.request = nextRequest++;
                live.put(id, o);
                return new OrderSubmitted(exch, local, id, o.request, new OrderCommand(CommandType.NEW, o.instrument,
                        o.side, 90 + r.nextInt(21), qty));
            }
            List<Long> ids = new ArrayList<>(live.keySet());
            LiveOrder o = live.get(ids.get(r.nextInt(ids.size())));
            if (o.status == OrderStatus.SUBMITTED) {
                int q = r.nextInt(10);
                if (q < 2) {
                    terminal(o, OrderStatus.REJECTED);
                    return new OrderRejected(exch, local, o.id, o.request, "venue says no");
                }
                if (q == 2) { // an IOC/FOK/GTX that could not work: Submitted → Expired answers the NEW
                    o.inflight = null;
                    terminal(o, OrderStatus.EXPIRED);
                    return new OrderExpired(exch, local, o.id);
                }
                o.status = OrderStatus.ACCEPTED;
                o.inflight = null;
                return new OrderAccepted(exch, local, o.id);
            }
            int k = r.nextInt(100);
            if (o.inflight == CommandType.REPLACE) {
                if (k < 50 && o.replaceQty > o.filled) { // the venue applies the recorded REPLACE
                    o.qty = o.replaceQty;
                    o.leaves = o.qty - o.filled;
                    o.inflight = null;
                    return new OrderReplaced(exch, local, o.id, o.request, o.replacePx, o.qty);
                }
                if (k < 70) {
                    o.inflight = null;
                    return new OrderRejected(exch, local, o.id, o.request, "replace refused");
                }
                return fill(o);
            }
            if (o.inflight == CommandType.CANCEL) {
                if (k < 60) {
                    o.inflight = null; // the OrderCancelled answers the CANCEL
                    terminal(o, OrderStatus.CANCELLED);
                    return new OrderCancelled(exch, local, o.id, o.request);
                }
                if (k < 80) {
                    o.inflight = null;
                    return new OrderRejected(exch, local, o.id, o.request, "cancel refused");
                }
                return fill(o);
            }
            if (k < 45) {
                return fill(o);
            }
            if (k < 70) {
                o.inflight = CommandType.REPLACE;
                o.replacePx = 90 + r.nextInt(21);
                o.replaceQty = o.filled + 1 + r.nextInt(20);
                o.request = nextRequest++;
                return new OrderSubmitted(exch, local, o.id, o.request, new OrderCommand(CommandType.REPLACE,
                        o.instrument, o.side, o.replacePx, o.replaceQty));
            }
            if (k < 90) {
                o.inflight = CommandType.CANCEL;
                o.request = nextRequest++;
                return new OrderSubmitted(exch, local, o.id, o.request, new OrderCommand(CommandType.CANCEL,
                        o.instrument, o.side, 0, 0));
            }
            if (k < 95) {
                terminal(o, OrderStatus.CANCELLED); // venue-initiated cancel
                return new OrderCancelled(exch, local, o.id, OrderCancelled.UNSOLICITED);
            }
            terminal(o, OrderStatus.EXPIRED); // the venue expires a resting order (e.g. an IOC remainder)
            return new OrderExpired(exch, local, o.id);
        }

        Event fill(LiveOrder o) {
            long qty = o.leaves > 1 && r.nextInt(3) > 0 ? 1 + r.nextInt((int) o.leaves - 1) : o.leaves;
            o.filled += qty;
            o.leaves -= qty;
            if (o.leaves == 0) {
                terminal(o, OrderStatus.FILLED);
            } else {
                o.status = OrderStatus.PARTIALLY_FILLED;
            }
            return new OrderFilled(exch, local, o.id, qty, 90 + r.nextInt(21), o.leaves);
        }

        void terminal(LiveOrder o, OrderStatus status) {
            o.status = status;
            live.remove(o.id);
            if (o.inflight == CommandType.REPLACE || o.inflight == CommandType.CANCEL) {
                unanswered.put(o.id, o);
            }
        }
    }
}

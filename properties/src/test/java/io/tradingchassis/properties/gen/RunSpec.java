package io.tradingchassis.properties.gen;

import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.KillSwitch;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.TimeInForce;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * A generated run: a configuration within the validation rules (risk limits that deny some Intents,
 * a rate limit that blocks some, merge order and command priority permuted, venue latencies and the
 * GTC-remainder rule), an intent script for the built-in {@code scripted} strategy (or a suite
 * strategy that wraps it), and market data (with a kill switch on and off now and then). Prices on a
 * 0.01 tick, quantities in whole lots.
 *
 * @param capacity        rate-limit bucket size
 * @param refillPerSecond rate-limit refill
 * @param maxOrderQty     risk.maxOrderQtyLots
 * @param maxPosition     risk.maxPositionLots
 * @param maxOpenOrders   risk.maxOpenOrders
 * @param priceBand       risk.priceBandTicks
 * @param mergeOrder      a permutation of the three sources
 * @param commandPriority a permutation of the three command types
 * @param everyNth        decisionTrigger.everyNth
 * @param entryLatencyNs  venue entry latency
 * @param responseLatencyNs venue response latency
 * @param fillAtLimit     venue.gtcRemainder FILL_AT_LIMIT (else REST)
 * @param failEveryNth    the simulated venue's transmission failure injection (0: never)
 * @param script          the scripted strategy's items, in time order
 * @param market          the market input, with control events mixed in
 */
public record RunSpec(long capacity, long refillPerSecond, long maxOrderQty, long maxPosition, long maxOpenOrders,
                      long priceBand, List<String> mergeOrder, List<String> commandPriority, long everyNth,
                      long entryLatencyNs, long responseLatencyNs, boolean fillAtLimit, int failEveryNth,
                      List<ScriptItemSpec> script, List<Event> market) {

    /** One script item. */
    public record ScriptItemSpec(long atNs, CommandType type, long key, Side side, long priceTicks, long qtyLots,
                                 TimeInForce tif) {
        String json() {
            StringBuilder b = new StringBuilder("{\"atNs\":\"").append(atNs).append("\",\"intent\":\"").append(type)
                    .append("\",\"key\":").append(key).append(",\"side\":\"").append(side).append('"');
            if (type != CommandType.CANCEL) {
                b.append(",\"price\":\"").append(BigDecimal.valueOf(priceTicks, 2).toPlainString())
                        .append("\",\"qty\":\"").append(qtyLots).append('"');
            }
            if (type == CommandType.NEW) {
                b.append(",\"tif\":\"").append(tif).append('"');
            }
            return b.append('}').toString();
        }
    }

    /** The configuration JSON, with {@code strategyId} (which must take a script) running the script. */
    public String configJson(String strategyId) {
        StringBuilder s = new StringBuilder();
        for (ScriptItemSpec i : script) {
            s.append(s.length() == 0 ? "" : ",").append(i.json());
        }
        return "{\"instruments\":[{\"symbol\":\"TST\",\"tickSize\":\"0.01\",\"lotSize\":\"1\"}],"
                + "\"risk\":{\"maxOrderQtyLots\":" + maxOrderQty + ",\"maxPositionLots\":" + maxPosition
                + ",\"maxOpenOrders\":" + maxOpenOrders + ",\"priceBandTicks\":" + priceBand + "},"
                + "\"rateLimit\":{\"capacity\":" + capacity + ",\"refillPerSecond\":" + refillPerSecond + "},"
                + "\"mergeOrder\":" + quoted(mergeOrder) + ",\"commandPriority\":" + quoted(commandPriority) + ","
                + "\"decisionTrigger\":{\"everyNth\":" + everyNth + "},"
                + "\"venue\":{\"entryLatencyNs\":" + entryLatencyNs + ",\"responseLatencyNs\":" + responseLatencyNs
                + ",\"gtcRemainder\":\"" + (fillAtLimit ? "FILL_AT_LIMIT" : "REST") + "\"},"
                + "\"strategy\":{\"id\":\"" + strategyId + "\",\"script\":[" + s + "]}}";
    }

    /** The same configuration with strategy {@code none} (a stream recorded elsewhere: records establish requests). */
    public String configJsonWithoutStrategy() {
        String j = configJson("scripted");
        return j.substring(0, j.indexOf(",\"strategy\":")) + ",\"strategy\":{\"id\":\"none\"}}";
    }

    /** The configuration JSON with the built-in {@code scripted} strategy. */
    public String configJson() {
        return configJson("scripted");
    }

    private static String quoted(List<String> l) {
        StringBuilder b = new StringBuilder("[");
        for (String x : l) {
            b.append(b.length() == 1 ? "" : ",").append('"').append(x).append('"');
        }
        return b.append(']').toString();
    }

    /** This run with another market (the script and configuration unchanged). */
    public RunSpec withMarket(List<Event> m) {
        return new RunSpec(capacity, refillPerSecond, maxOrderQty, maxPosition, maxOpenOrders, priceBand, mergeOrder,
                commandPriority, everyNth, entryLatencyNs, responseLatencyNs, fillAtLimit, failEveryNth, script, m);
    }

    @Override
    public String toString() {
        return "RunSpec{" + configJson() + ", failEveryNth=" + failEveryNth + ", market=" + market.size() + " rows}";
    }

    /** Runs of {@code minRows..maxRows} market rows and up to {@code maxItems} script items. */
    public static Gen<RunSpec> runs(int minRows, int maxRows, int maxItems) {
        return in -> generate(in, minRows, maxRows, maxItems, true);
    }

    /** As {@link #runs}, with the rate limit always on the path (capacity 1 or 2, slow refill). */
    public static Gen<RunSpec> rateLimitedRuns(int minRows, int maxRows, int maxItems) {
        return in -> generate(in, minRows, maxRows, maxItems, false);
    }

    static RunSpec generate(RandomnessSource in, int minRows, int maxRows, int maxItems, boolean anyRate) {
        List<Event> market = new ArrayList<>(Markets.market(minRows, maxRows).generate(in));
        if (Draw.oneIn(in, 4) && market.size() > 4) {
            int on = Draw.integer(in, 1, market.size() - 2);
            int off = Draw.integer(in, on + 1, market.size() - 1);
            Event a = market.get(on);
            Event b = market.get(off);
            market.add(off, new KillSwitch(b.exchTsNs(), b.localTsNs(), false));
            market.add(on, new KillSwitch(a.exchTsNs(), a.localTsNs(), true));
        }
        long capacity = anyRate ? Draw.between(in, 1, 4) : Draw.between(in, 1, 2);
        long refill = anyRate ? Draw.pick(in, 1000L, 100L, 20L, 5000L) : Draw.pick(in, 100L, 20L, 300L);
        long maxQty = Draw.between(in, 8, 20);
        long maxPos = Draw.between(in, 10, 60);
        long maxOpen = Draw.between(in, 2, 10);
        long band = Draw.between(in, 20, 100);
        List<String> merge = Draw.permutation(in, List.of("CONTROL_TIME", "EXECUTION", "MARKET"));
        List<String> priority = Draw.permutation(in, List.of("CANCEL", "REPLACE", "NEW"));
        long everyNth = Draw.oneIn(in, 5) ? 2 : 1;
        long entry = Draw.pick(in, 0L, 300_000L, 2 * Markets.MS);
        long response = Draw.pick(in, 0L, 200_000L, 1 * Markets.MS);
        boolean fillAtLimit = Draw.oneIn(in, 4);
        int failEvery = Draw.oneIn(in, 5) ? Draw.integer(in, 2, 6) : 0;
        List<ScriptItemSpec> script = script(in, market, maxItems);
        return new RunSpec(capacity, refill, maxQty, maxPos, maxOpen, band, merge, priority, everyNth, entry, response,
                fillAtLimit, failEvery, script, market);
    }

    /** Intents over the market's time span: fresh NEW keys (now and then a stale one), REPLACE/CANCEL of keys used. */
    static List<ScriptItemSpec> script(RandomnessSource in, List<Event> market, int maxItems) {
        int n = Draw.integer(in, 0, maxItems);
        long first = market.get(0).localTsNs();
        long last = first;
        for (Event e : market) {
            last = Math.max(last, e.localTsNs());
        }
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            times[i] = Draw.bool(in) ? market.get(Draw.integer(in, 0, market.size() - 1)).localTsNs()
                    : first + Draw.between(in, 0, Math.max(0, last - first));
        }
        Arrays.sort(times);
        List<ScriptItemSpec> items = new ArrayList<>();
        long maxKey = 0;
        for (int i = 0; i < n; i++) {
            long at = times[i];
            CommandType type = maxKey == 0 ? CommandType.NEW : Draw.pick(in, CommandType.NEW, CommandType.REPLACE,
                    CommandType.CANCEL, CommandType.NEW);
            long key;
            if (type == CommandType.NEW) {
                key = maxKey > 0 && Draw.oneIn(in, 8) ? Draw.between(in, 1, maxKey) : ++maxKey;
            } else {
                key = Draw.between(in, 1, maxKey + 1);
            }
            Side side = Draw.bool(in) ? Side.SELL : Side.BUY;
            long offset = Draw.oneIn(in, 10) ? 500 : Draw.between(in, -6, 10);
            long px = side == Side.BUY ? Markets.MID - offset : Markets.MID + offset;
            long qty = Draw.oneIn(in, 10) ? 50 : Draw.between(in, 1, 6);
            TimeInForce tif = Draw.pick(in, TimeInForce.GTC, TimeInForce.IOC, TimeInForce.FOK, TimeInForce.GTX);
            items.add(new ScriptItemSpec(at, type, key, side, Math.max(1, px), qty, tif));
        }
        return items;
    }
}

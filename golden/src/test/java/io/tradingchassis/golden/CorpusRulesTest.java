package io.tradingchassis.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.event.Bbo;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSnapshot;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.ConfigurationActivated;
import io.tradingchassis.core.event.ControlTime;
import io.tradingchassis.core.event.ControlTimeReason;
import io.tradingchassis.core.event.DispatchFailed;
import io.tradingchassis.core.event.FeedGap;
import io.tradingchassis.core.event.KillSwitch;
import io.tradingchassis.core.event.Liquidity;
import io.tradingchassis.core.event.OrderAccepted;
import io.tradingchassis.core.event.OrderCancelled;
import io.tradingchassis.core.event.OrderExpired;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.event.OrderRejected;
import io.tradingchassis.core.event.OrderReplaced;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.Trade;
import io.tradingchassis.core.step.DispatchRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each golden shows the rule its scenario names: the committed log is replayed and what the core re-derives
 * (events, Intent dispositions, dispatch requests, State paths) is checked against the rule. The
 * expectations live here, not in the scenarios; a scenario without expectations fails.
 */
class CorpusRulesTest {
    static final long S = 1_000_000_000L;

    static final Map<String, Consumer<Trace>> RULES = new TreeMap<>();

    static void rule(String name, Consumer<Trace> check) {
        RULES.put(name, check);
    }

    static List<String> submitted(Trace t) {
        List<String> out = new ArrayList<>();
        for (OrderSubmitted s : t.events(OrderSubmitted.class)) {
            out.add(s.command().type() + " " + s.orderId() + " " + s.command().qtyLots() + "@" + s.command().priceTicks());
        }
        return out;
    }

    static List<String> fills(Trace t) {
        return t.events(OrderFilled.class).stream().map(f -> f.orderId() + ":" + f.fillQtyLots() + "@"
                + f.fillPriceTicks() + " leaves " + f.leavesLots() + " " + f.liquidity()).toList();
    }

    static {
        rule("ioc-expiry", t -> {
            assertEquals(List.of("1:3@1001 leaves 2 TAKER"), fills(t));
            long filled = t.position(OrderFilled.class, f -> f.orderId() == 1);
            assertEquals(filled + 1, t.position(OrderExpired.class, e -> e.orderId() == 1), "the rest expires at once");
            assertTrue(t.position(OrderExpired.class, e -> e.orderId() == 2) > 0, "non-marketable IOC expires");
            assertEquals(-1, t.position(OrderAccepted.class, a -> a.orderId() == 2), "never accepted");
            assertEquals("3", t.finalState.get("execution.positions[0].lots"));
        });
        rule("fok-all-or-nothing", t -> {
            assertTrue(t.position(OrderExpired.class, e -> e.orderId() == 1) > 0);
            assertEquals(-1, t.position(OrderAccepted.class, a -> a.orderId() == 1), "all or nothing: no accept");
            assertEquals(List.of("2:3@1001 leaves 3 TAKER", "2:3@1002 leaves 0 TAKER"), fills(t));
            assertEquals("6", t.finalState.get("execution.positions[0].lots"));
        });
        rule("gtx-post-only", t -> {
            assertTrue(t.position(OrderExpired.class, e -> e.orderId() == 1) > 0, "marketable GTX expires");
            assertEquals(-1, t.position(OrderAccepted.class, a -> a.orderId() == 1));
            assertTrue(t.position(OrderAccepted.class, a -> a.orderId() == 2) > 0, "passive GTX rests");
            long replaced = t.position(OrderReplaced.class, r -> r.orderId() == 2 && r.priceTicks() == 1001);
            assertTrue(replaced > 0);
            assertEquals(replaced + 1, t.position(OrderExpired.class, e -> e.orderId() == 2),
                    "replaced to a marketable price, it expires");
            assertTrue(fills(t).isEmpty(), "a post-only order never takes");
        });
        rule("partial-fills-then-cancel", t -> {
            assertEquals(List.of("1:1@999 leaves 4 MAKER", "1:2@999 leaves 2 MAKER"), fills(t));
            long cancelled = t.position(OrderCancelled.class, c -> c.orderId() == 1);
            assertTrue(cancelled > t.position(OrderFilled.class, f -> f.leavesLots() == 2));
            assertEquals(List.of("NEW 1 5@999", "CANCEL 1 0@0"), submitted(t));
            assertEquals("3", t.finalState.get("execution.positions[0].lots"));
            assertEquals("2", t.finalState.get("execution.positions.fills"));
        });
        rule("venue-reject", t -> {
            long fill = t.position(OrderFilled.class, f -> f.orderId() == 1 && f.leavesLots() == 0);
            long cancelSent = t.position(OrderSubmitted.class, s -> s.command().type() == CommandType.CANCEL);
            long rejected = t.position(OrderRejected.class, r -> r.orderId() == 1 && r.requestId() == 2);
            assertTrue(cancelSent > 0 && cancelSent < fill && fill < rejected,
                    "the CANCEL left while the order looked live; the venue had filled it: " + cancelSent + " " + fill
                            + " " + rejected);
            assertEquals(Liquidity.MAKER, t.events(OrderFilled.class).get(0).liquidity());
            assertEquals("2", t.finalState.get("execution.positions[0].lots"));
        });
        rule("dispatch-failure", t -> {
            List<DispatchFailed> failed = t.events(DispatchFailed.class);
            assertEquals(List.of("2/2", "1/4"), failed.stream().map(f -> f.orderId() + "/" + f.requestId()).toList());
            assertEquals(-1, t.position(OrderAccepted.class, a -> a.orderId() == 2), "a failed NEW is no Order");
            long failedCancel = t.position(DispatchFailed.class, f -> f.requestId() == 4);
            assertEquals("ACCEPTED", t.state(failedCancel, "execution.orders[1].status"), "still live after it");
            assertTrue(t.position(OrderCancelled.class, c -> c.orderId() == 1 && c.requestId() == 5) > failedCancel);
            assertTrue(t.position(OrderAccepted.class, a -> a.orderId() == 3) > 0);
        });
        rule("kill-switch", t -> {
            assertTrue(t.dispositions().contains("key 2 NEW DENIED(KILL_SWITCH)"), t.dispositions().toString());
            assertTrue(t.dispositions().contains("key 1 REPLACE DENIED(KILL_SWITCH)"), t.dispositions().toString());
            long on = t.position(KillSwitch.class, KillSwitch::on);
            long off = t.position(KillSwitch.class, k -> !k.on());
            long cancelled = t.position(OrderCancelled.class, c -> c.orderId() == 1);
            assertTrue(on < cancelled && cancelled < off, "the CANCEL goes through while the switch is on");
            assertEquals(List.of("NEW 1 1@999", "CANCEL 1 0@0", "NEW 3 1@998"), submitted(t));
            assertTrue(t.position(OrderAccepted.class, a -> a.orderId() == 3) > off);
            assertEquals("true", t.state(on, "control.killSwitch"));
            assertEquals("false", t.finalState.get("control.killSwitch"));
        });
        rule("inflight-gating", t -> {
            long at22 = t.position(ControlTime.class, c -> c.deadlineNs() == 2 * S + 200_000_000);
            assertTrue(t.at(at22).dispositions().stream().anyMatch(d -> d.toString()
                    .equals("key 1 REPLACE PENDING(INFLIGHT)")), t.at(at22).dispositions().toString());
            assertEquals(List.of(2L), t.at(at22).dispatches().stream().map(DispatchRequest::orderKey).toList(),
                    "another key is not held back");
            long accepted = t.position(OrderAccepted.class, a -> a.orderId() == 1);
            assertEquals(List.of(CommandType.REPLACE), t.at(accepted).dispatches().stream().map(DispatchRequest::type)
                    .toList(), "the answer frees the key and the REPLACE leaves in that step");
            assertTrue(t.position(OrderReplaced.class, r -> r.orderId() == 1 && r.priceTicks() == 998) > accepted);
        });
        rule("rate-limit-recovery", t -> {
            long at2 = t.position(ControlTime.class, c -> c.deadlineNs() == 2 * S);
            assertEquals(2, t.at(at2).dispatches().size());
            assertTrue(t.at(at2).dispositions().stream().filter(d -> d.toString().endsWith("PENDING(RATE_LIMITED)"))
                    .count() == 2, t.at(at2).dispositions().toString());
            assertEquals("RATE_LIMIT_RECOVERY@" + 3 * S, t.at(at2).obligation());
            List<ControlTime> recoveries = t.events(ControlTime.class).stream()
                    .filter(c -> c.reason() == ControlTimeReason.RATE_LIMIT_RECOVERY).toList();
            assertEquals(List.of(3 * S, 4 * S), recoveries.stream().map(ControlTime::deadlineNs).toList());
            long at3 = t.position(ControlTime.class, c -> c.deadlineNs() == 3 * S);
            assertEquals(List.of(3L), t.at(at3).dispatches().stream().map(DispatchRequest::orderKey).toList());
            assertEquals(4, t.events(OrderAccepted.class).size());
        });
        rule("late-event", t -> {
            long late = t.position(BookDelta.class, d -> d.localTsNs() == 2 * S);
            long before = t.position(BookDelta.class, d -> d.localTsNs() == 3 * S);
            assertEquals(before + 1, late, "the late event comes after a newer one, and stays there");
            assertEquals(Long.toString(3 * S), t.state(late, "control.timeNs"), "control time never goes back");
            assertEquals("2", t.state(late, "market.books[0].bids[998]"), "the late delta is applied at its position");
            assertEquals(List.of("1:1@998 leaves 0 MAKER"), fills(t), "queue ahead 2, a 3-lot trade fills our lot");
        });
        rule("feed-gap", t -> {
            long gap = t.position(FeedGap.class, g -> true);
            long snap = t.position(BookSnapshot.class, s -> s.localTsNs() == 4 * S);
            assertEquals("true", t.state(gap, "control.feedGap[0]"));
            assertEquals("false", t.state(snap, "control.feedGap[0]"), "a BookSnapshot clears it");
            for (long p = gap; p < snap; p++) {
                assertTrue(t.at(p).dispatches().isEmpty(), "the maker stands aside during the gap: " + p);
            }
            assertEquals("5", t.state(snap - 1, "market.books[0].bids[1001]"), "the book moved during the gap");
            assertEquals(List.of("REPLACE 32 1@997", "REPLACE 33 1@1007"), t.at(snap).dispatches().stream()
                    .map(d -> d.type() + " " + d.orderKey() + " " + d.qtyLots() + "@" + d.priceTicks()).toList());
        });
        rule("config-activation", t -> {
            long ca = t.position(ConfigurationActivated.class, c -> true);
            String first = t.state(0, "control.fingerprint");
            String second = t.state(ca, "control.fingerprint");
            assertNotNull(first);
            assertFalse(first.equals(second), "the activation switches the bound configuration");
            assertEquals(t.events(ConfigurationActivated.class).get(0).fingerprint(), second);
            for (long p = 0; p <= ca; p++) {
                assertTrue(t.at(p).dispatches().isEmpty(), "strategy none never trades: " + p);
            }
            assertEquals(List.of("NEW 48 1@998", "NEW 49 1@1002"), submitted(t));
            assertEquals(2, t.at(ca + 1).dispatches().size(), "the market maker quotes on the next book event");
        });
        rule("dominance-pending-new", t -> {
            assertEquals(List.of("key 1 NEW SUPERSEDED(REPLACED_BY_INCOMING)", "key 1 NEW INVALID(KEY_NOT_FRESH)",
                    "key 2 NEW SUPERSEDED(REPLACED_BY_INCOMING)", "key 2 CANCEL CANCELLED_BEFORE_SUBMISSION",
                    "key 3 CANCEL INVALID(NO_LIVE_ORDER)", "key 1 NEW DISPATCHED"), t.dispositions());
            assertEquals(List.of("NEW 1 2@997"), submitted(t), "one NEW, with the REPLACE's price and quantity");
        });
        rule("dominance-pending-replace", t -> {
            long at3 = t.position(ControlTime.class, c -> c.deadlineNs() == 3 * S);
            List<String> d = t.at(at3).dispositions().stream().map(Trace.Disp::toString).toList();
            assertTrue(d.contains("key 1 REPLACE SUPERSEDED(REPLACED_BY_INCOMING)"), d.toString());
            assertTrue(d.contains("key 2 REPLACE SUPERSEDED(REPLACED_BY_INCOMING)"), d.toString());
            assertTrue(d.contains("key 3 NEW INVALID(KEY_NOT_FRESH)"), d.toString());
            assertEquals(List.of("CANCEL 2", "REPLACE 1 1@994", "REPLACE 3 2@995"), t.at(at3).dispatches().stream()
                    .map(x -> x.type() + " " + x.orderKey() + (x.type() == CommandType.CANCEL ? ""
                            : " " + x.qtyLots() + "@" + x.priceTicks())).toList());
        });
        rule("dominance-pending-cancel", t -> {
            long at3 = t.position(ControlTime.class, c -> c.deadlineNs() == 3 * S);
            List<String> d = t.at(at3).dispositions().stream().map(Trace.Disp::toString).toList();
            assertTrue(d.contains("key 1 REPLACE SUPERSEDED(DOMINATED_BY_PENDING)"), d.toString());
            assertTrue(d.contains("key 2 CANCEL SUPERSEDED(REPLACED_BY_INCOMING)"), d.toString());
            assertTrue(d.contains("key 3 NEW INVALID(KEY_NOT_FRESH)"), d.toString());
            assertEquals(List.of(CommandType.CANCEL, CommandType.CANCEL, CommandType.CANCEL), t.at(at3).dispatches()
                    .stream().map(DispatchRequest::type).toList());
            assertEquals(3, t.events(OrderCancelled.class).size());
            assertEquals(-1, t.position(OrderReplaced.class, r -> true));
        });
        rule("spot-btcusdt_20240808", t -> {
            long market = t.entries.stream().filter(e -> e.event() instanceof BookDelta || e.event() instanceof Trade
                    || e.event() instanceof BookSnapshot || e.event() instanceof Bbo).count();
            assertEquals(40_000, market, "the first 40,000 imported events");
            assertTrue(t.events(OrderFilled.class).size() > 10, "the maker trades");
            assertTrue(t.dispatches().stream().anyMatch(x -> x.type() == CommandType.REPLACE), "and re-quotes");
            assertTrue(t.entries.stream().allMatch(e -> e.strategyFailure() == null));
            assertEquals("false", t.finalState.get("control.feedGap[0]"));
        });
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenShowsItsRule() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : Corpus.scenarioNames()) {
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Consumer<Trace> check = RULES.get(name);
                assertNotNull(check, name + ": a new golden needs its expectations in CorpusRulesTest");
                check.accept(Trace.of(Corpus.log(name)));
            }));
        }
        return tests.stream();
    }

    @Test
    void everyRuleHasItsGolden() throws IOException {
        assertEquals(RULES.keySet().stream().toList(), Corpus.scenarioNames());
    }
}

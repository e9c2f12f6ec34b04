package io.tradingchassis.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.ConfigurationActivated;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.event.Liquidity;
import io.tradingchassis.core.event.OrderAccepted;
import io.tradingchassis.core.event.OrderCommand;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.event.OrderReplaced;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.intent.Reason;
import io.tradingchassis.core.risk.RiskEngine;
import io.tradingchassis.core.risk.RiskPolicies;
import io.tradingchassis.core.risk.RiskPolicy;
import io.tradingchassis.core.state.Invariant;
import io.tradingchassis.core.state.InvariantViolation;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.core.step.StepResult;
import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.properties.gen.Draw;
import io.tradingchassis.properties.gen.Interleavings;
import io.tradingchassis.properties.gen.Interleavings.CtPolicy;
import io.tradingchassis.properties.gen.RunSpec;
import io.tradingchassis.properties.gen.Scenarios;
import io.tradingchassis.properties.support.Events;
import io.tradingchassis.properties.support.Fold;
import io.tradingchassis.properties.support.Fold.Folded;
import io.tradingchassis.properties.support.Props;
import io.tradingchassis.properties.support.Runs;
import io.tradingchassis.properties.support.Scenario;
import io.tradingchassis.properties.support.SecondJvmFold;
import io.tradingchassis.properties.support.StreamFiles;
import io.tradingchassis.properties.support.SuiteStrategies;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * E5/D1 determinism, prefix/snapshot equivalence, E4 order, step atomicity and event time as
 * metadata (SPEC §2, §5, §11), over valid generated streams ({@link Scenarios}).
 */
class DeterminismProperties {

    /** A scenario and a position in it (0..size). */
    record Split(Scenario scenario, int at) {
    }

    static Gen<Split> splits(int rows, int items) {
        Gen<Scenario> g = Scenarios.valid(rows, items);
        return in -> {
            Scenario s = g.generate(in);
            return new Split(s, Draw.integer(in, 0, s.size()));
        };
    }

    static Folded fold(Scenario s) {
        return Fold.fold(s.events(), s.configuration(), s.catalog());
    }

    @Test
    void e5_d1_a_stream_folded_twice_gives_the_same_digest_and_result_at_every_step() {
        String name = "e5_d1_a_stream_folded_twice_gives_the_same_digest_and_result_at_every_step";
        Props.qt(name, 40).forAll(Scenarios.valid(120, 10)).checkAssert(s -> StreamFiles.capturing(name, s, () -> {
            Folded a = fold(s);
            Folded b = fold(s);
            assertEquals(a.digests(), b.digests(), "State digest at every position");
            assertEquals(a.results(), b.results(), "StepResult at every position");
        }));
    }

    @Test
    void e5_d1_a_second_jvm_folds_the_same_digests_and_results() {
        String name = "e5_d1_a_second_jvm_folds_the_same_digests_and_results";
        Props.qt(name, 2).forAll(Scenarios.valid(150, 12)).checkAssert(s -> StreamFiles.capturing(name, s, () -> {
            try {
                Path dir = Files.createDirectories(Props.outDir().resolve("second-jvm"));
                Path json = dir.resolve("config.json");
                Path stream = dir.resolve("stream.tcds");
                Files.writeString(json, s.configJson(), StandardCharsets.UTF_8);
                StreamFiles.writeStream(stream, s.configuration(), s.events());
                String here = SecondJvmFold.trace(fold(s));
                String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
                // Another GC and hash-seed-relevant flags than surefire's JVM: nothing of that may reach a digest.
                ProcessBuilder pb = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xmx256m", "-XX:+UnlockExperimentalVMOptions",
                        "-XX:hashCode=2", "-cp", System.getProperty("java.class.path"),
                        SecondJvmFold.class.getName(), json.toString(), stream.toString());
                pb.redirectErrorStream(true);
                Process p = pb.start();
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                try (InputStream in = p.getInputStream()) {
                    in.transferTo(buf);
                }
                assertTrue(p.waitFor(120, TimeUnit.SECONDS), "second JVM did not finish");
                String out = buf.toString(StandardCharsets.UTF_8).trim();
                assertEquals(0, p.exitValue(), "second JVM failed: " + out);
                assertEquals(here, out, "digest/result trace differs across JVMs");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }));
    }

    @Test
    void prefix_snapshot_then_rest_equals_the_whole_fold() {
        String name = "prefix_snapshot_then_rest_equals_the_whole_fold";
        Props.qt(name, 40).forAll(splits(120, 10)).checkAssert(sp -> StreamFiles.capturing(name, sp.scenario(), () -> {
            Scenario s = sp.scenario();
            CoreConfiguration cfg = s.configuration();
            Folded whole = fold(s);
            State prefix = new State();
            Fold.fold(prefix, 0, s.events().subList(0, sp.at()), cfg, new CoreEngine(new RiskEngine(), s.catalog()));
            State restored = prefix.snapshot();
            assertEquals(prefix.digest(), restored.digest(), "a snapshot is an exact copy");
            Folded rest = Fold.fold(restored, sp.at(), s.events().subList(sp.at(), s.size()), cfg,
                    new CoreEngine(new RiskEngine(), s.catalog()));
            assertEquals(whole.digests().subList(sp.at(), s.size()), rest.digests(), "digests after the split");
            assertEquals(whole.results().subList(sp.at(), s.size()), rest.results(), "results after the split");
            // and folding the original on after the snapshot was taken did not touch the snapshot
            assertEquals(sp.at() == 0 ? new State().digest() : whole.digests().get(sp.at() - 1), prefix.digest());
        }));
    }

    @Test
    void e4_out_of_order_skipped_or_repeated_entries_are_refused_and_leave_state_untouched() {
        String name = "e4_out_of_order_skipped_or_repeated_entries_are_refused_and_leave_state_untouched";
        Gen<Split> g = splits(100, 8);
        Gen<long[]> wrong = in -> new long[] {Draw.between(in, -3, 3), Draw.integer(in, 0, 1_000)};
        Props.qt(name, 40).forAll(g, wrong).checkAssert((sp, w) -> StreamFiles.capturing(name, sp.scenario(), () -> {
            Scenario s = sp.scenario();
            CoreConfiguration cfg = s.configuration();
            int at = Math.max(1, Math.min(sp.at(), s.size() - 1));
            State state = new State();
            CoreEngine engine = new CoreEngine(new RiskEngine(), s.catalog());
            StepResult last = null;
            for (int i = 0; i < at; i++) {
                last = engine.processEvent(state, i, s.events().get(i), cfg);
            }
            String lastRendered = Fold.render(last);
            String before = state.digest();
            long position = w[0] <= 0 ? at + w[0] - 1 : at + w[0]; // a repeat (<= at-1) or a gap (> at)
            Event e = s.events().get((int) (w[1] % s.size()));
            InvariantViolation v = assertThrows(InvariantViolation.class,
                    () -> engine.processEvent(state, position, e, cfg), "entry at " + position + " after " + (at - 1));
            assertEquals(Invariant.E4, v.invariant(), v.getMessage());
            assertEquals(before, state.digest(), "State untouched");
            assertEquals(lastRendered, Fold.render(last), "the last good StepResult untouched");
            // and the stream goes on as if nothing happened
            for (int i = at; i < s.size(); i++) {
                engine.processEvent(state, i, s.events().get(i), cfg);
            }
            assertEquals(fold(s).state().digest(), state.digest());
        }));
    }

    @Test
    void atomicity_a_refused_entry_leaves_state_and_the_last_result_untouched() {
        String name = "atomicity_a_refused_entry_leaves_state_and_the_last_result_untouched";
        Gen<Split> g = splits(100, 8);
        Gen<Integer> kinds = in -> Draw.integer(in, 0, 4);
        Props.qt(name, 40).forAll(g, kinds).checkAssert((sp, kind) -> StreamFiles.capturing(name, sp.scenario(),
                () -> {
                    Scenario s = sp.scenario();
                    CoreConfiguration cfg = s.configuration();
                    int at = Math.max(1, sp.at());
                    State state = new State();
                    CoreEngine engine = new CoreEngine(new RiskEngine(), s.catalog());
                    StepResult last = null;
                    for (int i = 0; i < at && i < s.size(); i++) {
                        last = engine.processEvent(state, i, s.events().get(i), cfg);
                    }
                    String lastRendered = Fold.render(last);
                    String before = state.digest();
                    long t = state.control().controlTimeNs();
                    long unknown = state.execution().orders().keyHighWater() + 1_000;
                    Event hostile = switch (kind) {
                        case 0 -> new OrderFilled(t, t, unknown, 1, 100, 0, Liquidity.MAKER); // L3: no such Order
                        case 1 -> new BookDelta(t, t, 0, BookSide.BID, 100, -5); // EV1: negative quantity
                        case 2 -> new OrderAccepted(t, t, unknown); // L3
                        case 3 -> new OrderReplaced(t, t, unknown, 999_999, 100, 1); // answer without a record
                        default -> new OrderSubmitted(t, t, unknown, 999_999,
                                new OrderCommand(CommandType.NEW, 0, Side.BUY, 100, 1)); // a request never made
                    };
                    long p = state.lastPosition() + 1;
                    assertThrows(InvariantViolation.class, () -> engine.processEvent(state, p, hostile, cfg),
                            hostile::toString);
                    assertEquals(before, state.digest(), "State untouched by " + hostile);
                    assertEquals(lastRendered, Fold.render(last), "the last good StepResult untouched");
                }));
    }

    @Test
    void atomicity_a_throwing_strategy_changes_nothing_but_the_failure_report() {
        String name = "atomicity_a_throwing_strategy_changes_nothing_but_the_failure_report";
        Gen<Scenario[]> g = in -> {
            RunSpec spec = RunSpec.runs(5, 100, 10).generate(in);
            Set<Long> at = new TreeSet<>();
            int n = Draw.integer(in, 1, 12);
            for (int i = 0; i < n; i++) {
                at.add(Draw.between(in, 0, 250));
            }
            // The stream the silent twin makes (its dispatches are what a throwing decision must leave).
            Scenario silent = Interleavings.generate(in, spec, SuiteStrategies.FAULTY, SuiteStrategies.silent(at),
                    CtPolicy.AT_DEADLINE);
            Scenario faulty = new Scenario(silent.configJson(), SuiteStrategies.faulty(at), silent.events());
            return new Scenario[] {silent, faulty};
        };
        Props.qt(name, 40).forAll(g).describedAs(p -> p[0].toString()).checkAssert(p -> StreamFiles.capturing(name,
                p[0], () -> {
                    Folded silent = fold(p[0]);
                    Folded faulty = fold(p[1]);
                    assertEquals(silent.digests(), faulty.digests(), "State at every position");
                    int failures = 0;
                    for (int i = 0; i < silent.results().size(); i++) {
                        String f = faulty.results().get(i);
                        int cut = f.indexOf(" failure=");
                        if (cut >= 0) {
                            failures++;
                            assertTrue(f.substring(0, cut).endsWith(" ran"), f);
                            f = f.substring(0, cut);
                        }
                        assertEquals(silent.results().get(i), f, "result at " + i);
                    }
                    assertTrue(failures <= 12, "failures reported only at the throwing positions");
                }));
    }

    @Test
    void atomicity_a_throwing_risk_policy_is_a_denial_and_nothing_else() {
        String name = "atomicity_a_throwing_risk_policy_is_a_denial_and_nothing_else";
        RiskPolicy throwing = (view, cfg, intent) -> {
            long h = intent.orderKey() * 31 + intent.priceTicks() + intent.type().ordinal();
            if (h % 3 == 0) {
                if (h % 2 == 0) {
                    throw new OutOfMemoryError("generated policy Error");
                }
                throw new IllegalArgumentException("generated policy failure");
            }
            return Reason.NONE;
        };
        RiskPolicy denying = (view, cfg, intent) -> {
            long h = intent.orderKey() * 31 + intent.priceTicks() + intent.type().ordinal();
            return h % 3 == 0 ? Reason.POLICY_ERROR : Reason.NONE;
        };
        List<RiskPolicy> withThrowing = new ArrayList<>(RiskPolicies.STANDARD);
        withThrowing.add(throwing);
        List<RiskPolicy> withDenying = new ArrayList<>(RiskPolicies.STANDARD);
        withDenying.add(denying);
        Gen<Scenario> g = in -> Interleavings.generate(in, RunSpec.runs(5, 100, 10).generate(in), "scripted",
                StrategyCatalog.builtIn(), new RiskEngine(withDenying), CtPolicy.AT_DEADLINE);
        Props.qt(name, 40).forAll(g).checkAssert(s -> StreamFiles.capturing(name, s, () -> {
            CoreConfiguration cfg = s.configuration();
            Folded denied = Fold.fold(new State(), 0, s.events(), cfg, new CoreEngine(new RiskEngine(withDenying)));
            Folded thrown = Fold.fold(new State(), 0, s.events(), cfg, new CoreEngine(new RiskEngine(withThrowing)));
            assertEquals(denied.digests(), thrown.digests());
            assertEquals(denied.results(), thrown.results());
        }));
    }

    @Test
    void event_time_is_metadata_permuting_exchTsNs_changes_no_decision() {
        String name = "event_time_is_metadata_permuting_exchTsNs_changes_no_decision";
        Gen<Scenario[]> g = in -> {
            Scenario s = Scenarios.valid(100, 10).generate(in);
            List<Long> exch = new ArrayList<>();
            for (Event e : s.events()) {
                exch.add(e.exchTsNs());
            }
            List<Long> permuted = Draw.permutation(in, exch);
            List<Event> moved = new ArrayList<>();
            for (int i = 0; i < s.size(); i++) {
                Event e = s.events().get(i);
                moved.add(Events.withTimes(e, permuted.get(i), e.localTsNs()));
            }
            return new Scenario[] {s, new Scenario(s.configJson(), s.catalog(), moved)};
        };
        Props.qt(name, 40).forAll(g).describedAs(p -> p[0].toString()).checkAssert(p -> StreamFiles.capturing(name,
                p[1], () -> {
                    Folded a = fold(p[0]);
                    Folded b = fold(p[1]);
                    assertEquals(a.results(), b.results(), "every disposition, dispatch and obligation");
                    assertEquals(a.digests(), b.digests(), "State carries no event time");
                }));
    }

    @Test
    void control_time_is_monotone_whatever_localTsNs_does() {
        String name = "control_time_is_monotone_whatever_localTsNs_does";
        // A run's market rows, control events and Control-Time events under strategy "none", so rows can
        // be moved arbitrarily far into the past without changing what is valid.
        Gen<Scenario> g = in -> {
            RunSpec spec = RunSpec.runs(5, 100, 8).generate(in);
            Scenario s = Runs.run(spec).scenario();
            String none = spec.configJsonWithoutStrategy();
            String fingerprint = CoreConfiguration.parse(none, "none").fingerprint();
            List<Event> jittered = new ArrayList<>();
            for (Event e : s.events()) {
                if (e.type().category() == EventType.Category.EXECUTION
                        || e.type().category() == EventType.Category.INTENT_RECORD) {
                    // Under "none" a run's records do not always refold: a DispatchFailed establishes nothing,
                    // and a NEW that dominance moved behind a later key is recorded after it (properties/README.md).
                    continue;
                }
                if (e instanceof ConfigurationActivated) {
                    e = new ConfigurationActivated(e.exchTsNs(), e.localTsNs(), fingerprint);
                }
                boolean market = e.type().category() == EventType.Category.MARKET;
                long local = market && Draw.oneIn(in, 3) ? e.localTsNs() - Draw.between(in, 0, 50_000_000)
                        : e.localTsNs();
                jittered.add(market ? Events.withTimes(e, e.exchTsNs(), local) : e);
            }
            return new Scenario(none, StrategyCatalog.builtIn(), jittered);
        };
        Props.qt(name, 40).forAll(g).checkAssert(s -> StreamFiles.capturing(name, s, () -> {
            CoreConfiguration cfg = s.configuration();
            State state = new State();
            CoreEngine engine = new CoreEngine(new RiskEngine(), s.catalog());
            long max = Long.MIN_VALUE;
            long previous = Long.MIN_VALUE;
            for (int i = 0; i < s.size(); i++) {
                Event e = s.events().get(i);
                engine.processEvent(state, i, e, cfg);
                max = Math.max(max, e.localTsNs());
                long now = state.control().controlTimeNs();
                assertEquals(max, now, "control time = max(localTsNs) at position " + i);
                assertTrue(now >= previous, "monotone at " + i);
                previous = now;
            }
        }));
    }
}

package io.tradingchassis.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.ControlTime;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.risk.RiskEngine;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.core.step.StepResult;
import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.properties.gen.RunSpec;
import io.tradingchassis.properties.support.Fold;
import io.tradingchassis.properties.support.Props;
import io.tradingchassis.properties.support.Runs;
import io.tradingchassis.properties.support.Scenario;
import io.tradingchassis.properties.support.StreamFiles;
import io.tradingchassis.runtime.EventStreamCursor;
import io.tradingchassis.runtime.RuntimeLoop;
import io.tradingchassis.runtime.backtest.StreamRecorder;
import io.tradingchassis.runtime.venue.SimulatedVenue;
import io.tradingchassis.runtime.venue.VenueSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The runtime against the core alone: a stream the runtime recorded ({@link StreamRecorder}, the
 * {@code stream.tcds} of {@code tc backtest}) and read back refolds, in the core alone, to the same State
 * digest and the same StepResult at every position (chain values arrive with the golden-log issue); and
 * the runtime realizes each obligation exactly once, never before its deadline, and always before any
 * input after it (SPEC §9).
 */
class RuntimeVsCoreProperties {

    @Test
    void runtime_vs_core_a_recorded_stream_refolds_to_the_same_digest_and_result_at_every_position() {
        String name = "runtime_vs_core_a_recorded_stream_refolds_to_the_same_digest_and_result_at_every_position";
        Props.qt(name, 40).forAll(RunSpec.runs(5, 150, 14)).checkAssert(spec -> {
            CoreConfiguration cfg = CoreConfiguration.parse(spec.configJson(), "runtime");
            Path file = Props.outDir().resolve("runtime-vs-core.tcds");
            List<String> digests = new ArrayList<>();
            List<String> results = new ArrayList<>();
            List<Event> events = new ArrayList<>();
            State state = new State();
            try (StreamRecorder rec = StreamRecorder.create(file, cfg)) {
                EventStreamCursor cursor = new EventStreamCursor(new CoreEngine(new RiskEngine()), state, cfg,
                        (p, e, r) -> {
                            rec.onStep(p, e, r);
                            events.add(e);
                            results.add(Fold.render(r));
                            digests.add(state.digest());
                        });
                new RuntimeLoop(cursor, cfg, Runs.source(spec.market()),
                        new SimulatedVenue(VenueSettings.of(cfg), spec.failEveryNth(), Runs.source(spec.market()))).run();
                rec.commit();
                List<Event> back = StreamFiles.readStream(file);
                Scenario s = new Scenario(spec.configJson(), StrategyCatalog.builtIn(), back);
                StreamFiles.capturing(name, s, () -> {
                    assertEquals(events, back, "the recorded file holds every entry, in order");
                    Fold.Folded core = Fold.fold(back, cfg, StrategyCatalog.builtIn());
                    assertEquals(digests, core.digests(), "State digest at every position");
                    assertEquals(results, core.results(), "StepResult at every position");
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void runtime_realizes_each_deadline_once_never_before_it_and_before_any_later_input() {
        String name = "runtime_realizes_each_deadline_once_never_before_it_and_before_any_later_input";
        Props.qt(name, 60).forAll(RunSpec.rateLimitedRuns(5, 150, 14)).checkAssert(spec -> {
            Runs.Recorded run = Runs.run(spec);
            Scenario s = run.scenario();
            StreamFiles.capturing(name, s, () -> {
                long lastDeadline = Long.MIN_VALUE;
                long maxLocal = Long.MIN_VALUE;
                for (int i = 0; i < s.size(); i++) {
                    Event e = s.events().get(i);
                    StepResult prev = i == 0 ? null : run.results().get(i - 1);
                    boolean pending = prev != null && prev.hasObligation() && prev.obligationDeadlineNs() > lastDeadline;
                    if (e instanceof ControlTime ct) {
                        assertEquals(ct.deadlineNs(), ct.localTsNs(), "CT1: injected at its own deadline, at " + i);
                        assertTrue(ct.deadlineNs() > lastDeadline, "a deadline realized twice, at " + i);
                        assertTrue(pending && prev.obligationDeadlineNs() == ct.deadlineNs(),
                                "Control-Time at " + i + " realizes the pending obligation, nothing else");
                        assertTrue(maxLocal <= ct.deadlineNs(), "an input after the deadline came first, at " + i);
                        assertEquals(prev.obligationReason(), ct.reason());
                        lastDeadline = ct.deadlineNs();
                    } else if (pending && isInput(e)) {
                        assertTrue(e.localTsNs() <= prev.obligationDeadlineNs(), "input at " + e.localTsNs()
                                + " processed before the pending deadline " + prev.obligationDeadlineNs() + ", at " + i);
                    }
                    maxLocal = Math.max(maxLocal, e.localTsNs());
                }
            });
        });
    }

    /** Market rows and venue answers: what the merge takes (records follow their step unconditionally). */
    static boolean isInput(Event e) {
        return switch (e.type().category()) {
            case MARKET, EXECUTION -> true;
            default -> e.type() == EventType.KILL_SWITCH;
        };
    }
}

package io.tradingchassis.golden;

import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.intent.Disposition;
import io.tradingchassis.core.intent.Reason;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.step.DispatchRequest;
import io.tradingchassis.core.step.StepResult;
import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.replay.verify.Replayer;
import io.tradingchassis.replay.verify.StateTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A golden log as the core re-derives it while replaying it: each entry's event, the Intent dispositions and
 * dispatch requests of its step, and (for small logs) State as paths after it. What the corpus's per-rule
 * expectations read.
 */
final class Trace {
    /** Logs up to this many entries keep State after every entry. */
    static final int STATE_EVERY_ENTRY_UP_TO = 1000;

    /** One Intent disposition of a step. */
    record Disp(long key, CommandType type, Disposition disposition, Reason reason) {
        @Override
        public String toString() {
            return "key " + key + " " + type + " " + disposition + (reason == Reason.NONE ? "" : "(" + reason + ")");
        }
    }

    /** One entry: what the step did, and State after it (null for a big log). */
    record Entry(long position, Event event, List<Disp> dispositions, List<DispatchRequest> dispatches,
                 String obligation, String strategyFailure, Map<String, String> state) {
    }

    final List<Entry> entries = new ArrayList<>();
    Map<String, String> finalState;
    private State lastState;

    /** Replays {@code log} (which must verify) and keeps its trace. */
    static Trace of(Path log) throws IOException {
        Path work = Files.createTempDirectory("corpus-trace-");
        try {
            Trace t = new Trace();
            boolean small = log.getFileName().toString().endsWith(".yaml");
            new Replayer(StrategyCatalog.standard()).listener((p, e, r, s) -> {
                List<Disp> ds = new ArrayList<>();
                for (int i = 0; i < r.dispositionCount(); i++) {
                    ds.add(new Disp(r.dispositionOrderKey(i), r.dispositionType(i), r.disposition(i),
                            r.dispositionReason(i)));
                }
                List<DispatchRequest> xs = new ArrayList<>();
                for (int i = 0; i < r.dispatchCount(); i++) {
                    xs.add(r.dispatch(i));
                }
                t.entries.add(new Entry(p, e, List.copyOf(ds), List.copyOf(xs), obligation(r), r.strategyFailure(),
                        small && t.entries.size() < STATE_EVERY_ENTRY_UP_TO ? StateTree.of(s, 1) : null));
                t.lastState = s;
            }).replay(Corpus.binary(log, work));
            t.finalState = StateTree.of(t.lastState, 1);
            return t;
        } finally {
            Corpus.deleteTree(work);
        }
    }

    private static String obligation(StepResult r) {
        return r.hasObligation() ? r.obligationReason() + "@" + r.obligationDeadlineNs() : null;
    }

    /** Events of type {@code c}, in order. */
    <T extends Event> List<T> events(Class<T> c) {
        return entries.stream().map(Entry::event).filter(c::isInstance).map(c::cast).toList();
    }

    /** The position of the first event of type {@code c} matching {@code p}, or -1. */
    <T extends Event> long position(Class<T> c, Predicate<T> p) {
        for (Entry e : entries) {
            if (c.isInstance(e.event()) && p.test(c.cast(e.event()))) {
                return e.position();
            }
        }
        return -1;
    }

    Entry at(long position) {
        return entries.get((int) position);
    }

    /** Every disposition of the log, in order, as text ({@code key 1 NEW SUPERSEDED(REPLACED_BY_INCOMING)}). */
    List<String> dispositions() {
        return entries.stream().flatMap(e -> e.dispositions().stream()).map(Disp::toString).toList();
    }

    /** Every dispatch request of the log, in order. */
    List<DispatchRequest> dispatches() {
        return entries.stream().flatMap(e -> e.dispatches().stream()).toList();
    }

    /** A State path's value after the entry at {@code position}. */
    String state(long position, String path) {
        return at(position).state().get(path);
    }
}

package io.tradingchassis.core.step;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventStreamEntry;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.risk.RiskEngine;
import io.tradingchassis.core.state.Invariant;
import io.tradingchassis.core.state.InvariantViolation;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.strategy.StrategyCatalog;
import java.util.Objects;

/**
 * The processing step (SPEC §5): {@code State = f(Event Stream, Configuration)}, one entry at a time.
 *
 * <p>An engine holds only reusable scratch (two {@link StepResult}s it alternates and per-step
 * buffers), never State: two engines given the same State, entry and configuration produce the same
 * result. It is single-threaded; use one per stream.
 *
 * <p>A step is atomic: it validates its inputs and the event before anything changes (a violation
 * leaves State exactly as before, and the last good result untouched), and whatever the Strategy or a
 * risk policy throws — {@code Error}s included — is caught and reported as data, so a step that got past
 * validation always applies completely.
 */
public final class CoreEngine {
    private StepResult current = new StepResult();
    private StepResult spare = new StepResult();
    private final ExecutionPipeline pipeline;

    /** An engine with the standard risk policies; strategies come from the configuration's own catalog. */
    public CoreEngine() {
        this(new RiskEngine(), null);
    }

    /** An engine with custom risk policies (research on policies). */
    public CoreEngine(RiskEngine risk) {
        this(risk, null);
    }

    /**
     * An engine that builds strategies from {@code catalog} (an embedding application's providers); a
     * configuration selecting an id or version the catalog lacks is refused at its first step.
     *
     * @param risk    the risk policies
     * @param catalog where strategies come from; {@code null}: the provider each configuration was
     *                parsed with
     */
    public CoreEngine(RiskEngine risk, StrategyCatalog catalog) {
        this.pipeline = new ExecutionPipeline(Objects.requireNonNull(risk, "risk"), catalog);
    }

    /**
     * Applies one entry: intake (E4, CF1), state derivation, then strategy → risk → queue → queue
     * processing, all inside this call. The returned result stays valid until the next successful call
     * on this engine.
     *
     * @throws InvariantViolation   when the entry breaks an invariant; {@code state} is then exactly as
     *                              before the call, and so is the previously returned result
     * @throws NullPointerException when an argument is null (nothing changed)
     */
    public StepResult processEventEntry(State state, EventStreamEntry entry, CoreConfiguration configuration) {
        Objects.requireNonNull(entry, "entry");
        return processEvent(state, entry.position(), entry.event(), configuration);
    }

    /**
     * Same as {@link #processEventEntry} for an entry given as its position and event, so a reader that
     * decodes into reused event objects need not build an entry per step. The core never retains
     * {@code event} after the call.
     */
    public StepResult processEvent(State state, long position, Event event, CoreConfiguration configuration) {
        // Intake: validate every input before anything mutates (SPEC §5 atomicity).
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(configuration, "configuration");
        EventType type = Objects.requireNonNull(event.type(), "event.type()");
        if (position != state.lastPosition() + 1) {
            throw new InvariantViolation(Invariant.E4, position, "expected position " + (state.lastPosition() + 1)
                    + " after " + state.lastPosition() + ", got " + position
                    + (position <= state.lastPosition() ? " (repeat)" : " (gap)"));
        }
        String active = state.control().activeFingerprint();
        if (active != null && type != EventType.CONFIGURATION_ACTIVATED && !active.equals(configuration.fingerprint())) {
            throw new InvariantViolation(Invariant.CF1, position, "the stream is bound to configuration " + active
                    + " but this step was given " + configuration.fingerprint());
        }
        pipeline.prepare(configuration);
        StepResult result = spare;
        result.reset(position, type);
        StateDeriver.apply(state, event, type, position, configuration, result);
        if (active == null) {
            // CF1: the stream's first step binds its configuration; only ConfigurationActivated changes it.
            state.control().activeFingerprint(configuration.fingerprint());
        }
        pipeline.run(state, event, type, position, configuration, result);
        state.execution().orders().retireTerminal(); // SPEC §4 (README): State keeps live work only
        state.lastPosition(position);
        spare = current;
        current = result;
        return result;
    }

    /**
     * Folds entries into {@code state} in order; returns the result of the last step (or {@code null}
     * when there were none). Equal to calling {@link #processEventEntry} entry by entry. On a violation
     * the entries before the offending one stay applied and the offending one is not.
     */
    public StepResult foldEventStreamEntries(State state, Iterable<EventStreamEntry> entries,
                                             CoreConfiguration configuration) {
        Objects.requireNonNull(entries, "entries");
        StepResult last = null;
        for (EventStreamEntry entry : entries) {
            last = processEventEntry(state, entry, configuration);
        }
        return last;
    }

    /** A Throwable described without trusting it: {@code toString()}, or its class name if that throws. */
    static String describe(Throwable t) {
        try {
            String s = String.valueOf(t);
            return s.length() > 500 ? s.substring(0, 500) + "… (" + s.length() + " chars)" : s;
        } catch (Throwable inner) {
            return t.getClass().getName() + " (its toString() threw " + inner.getClass().getName() + ")";
        }
    }
}

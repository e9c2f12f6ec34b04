package io.tradingchassis.replay.verify;

import io.tradingchassis.core.config.ConfigurationException;
import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.ConfigurationActivated;
import io.tradingchassis.core.event.DispatchFailed;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.IntentRecordEvent;
import io.tradingchassis.core.event.OrderCommand;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.risk.RiskEngine;
import io.tradingchassis.core.state.InvariantViolation;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.core.step.DispatchRequest;
import io.tradingchassis.core.step.StepResult;
import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.replay.log.GoldenLogReader;
import io.tradingchassis.replay.log.LogException;
import io.tradingchassis.replay.log.LogFailure;
import io.tradingchassis.replay.log.LogHeader;
import io.tradingchassis.replay.log.ResultChain;
import io.tradingchassis.runtime.backtest.Backtest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Re-runs the core over a golden log and checks everything the log records (SPEC §13): every entry's
 * chain value (so every step's result), every checkpoint's State digest, every dispatch record against
 * the dispatch request the core re-derives, and the trailer. Stops at the first divergence with a
 * {@link LogException} naming the position: {@link LogFailure#CHAIN_MISMATCH} when this core version
 * recorded the log, {@link LogFailure#BEHAVIOUR_CHANGED} when another did (or another configuration was
 * allowed). Reads in constant memory.
 */
public final class Replayer {
    /** Sees every re-derived step, after the core applied it. */
    @FunctionalInterface
    public interface StepListener {
        /** The entry at {@code position} applied to {@code state} with {@code result}. */
        void onStep(long position, Event event, StepResult result, State state);
    }

    /** What a successful replay verified. */
    public record Outcome(LogHeader header, long entries, long checkpoints, long chain, String stateDigest,
                          boolean complete) {
    }

    private final StrategyCatalog catalog;
    private CoreConfiguration override;
    private boolean allowConfigChange;
    private boolean prefix;
    private StepListener listener = (p, e, r, s) -> { };

    /** A replayer whose configurations' strategies come from {@code catalog}. */
    public Replayer(StrategyCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /** Replays under {@code cfg} instead of the header's first configuration (refused unless its fingerprint matches, or {@code allowChange}). */
    public Replayer configuration(CoreConfiguration cfg, boolean allowChange) {
        this.override = cfg;
        this.allowConfigChange = allowChange;
        return this;
    }

    /** Accepts a log without a trailer (a recording cut off) and verifies its intact prefix. */
    public Replayer prefix(boolean on) {
        this.prefix = on;
        return this;
    }

    /** Receives every re-derived step. */
    public Replayer listener(StepListener l) {
        this.listener = Objects.requireNonNull(l, "listener");
        return this;
    }

    /** The header's configurations parsed, each checked against its recorded fingerprint. */
    public static List<CoreConfiguration> configurations(Path file, LogHeader h, StrategyCatalog catalog) {
        List<CoreConfiguration> out = new ArrayList<>();
        for (int i = 0; i < h.configurations().size(); i++) {
            CoreConfiguration c;
            try {
                c = CoreConfiguration.parse(h.configurations().get(i), file + " (header configuration " + i + ")",
                        catalog);
            } catch (ConfigurationException e) {
                throw new LogException(LogFailure.CORRUPT, file, LogException.UNKNOWN, LogException.UNKNOWN,
                        "its configuration " + i + " does not load: " + e.getMessage());
            }
            if (!c.fingerprint().equals(h.fingerprints().get(i))) {
                throw new LogException(LogFailure.HEADER_FINGERPRINT, file, LogException.UNKNOWN,
                        LogException.UNKNOWN, "configuration " + i + " has fingerprint " + c.fingerprint()
                                + " but the header records " + h.fingerprints().get(i));
            }
            out.add(c);
        }
        return out;
    }

    /**
     * Replays {@code file}.
     *
     * @throws LogException at the first divergence or damage
     */
    public Outcome replay(Path file) throws IOException {
        try (GoldenLogReader in = GoldenLogReader.open(file)) {
            LogHeader h = in.header();
            List<CoreConfiguration> configs = configurations(file, h, catalog);
            Map<String, CoreConfiguration> byFingerprint = new HashMap<>();
            for (CoreConfiguration c : configs) {
                byFingerprint.put(c.fingerprint(), c);
            }
            String substituteFrom = null;
            if (override != null && !override.fingerprint().equals(h.fingerprints().get(0))) {
                if (!allowConfigChange) {
                    throw new LogException(LogFailure.CONFIG_MISMATCH, file, LogException.UNKNOWN, LogException.UNKNOWN,
                            "the given configuration's fingerprint " + override.fingerprint() + " is not the log's "
                                    + h.fingerprints().get(0) + " (--allow-config-change replays under it anyway and "
                                    + "reports where behaviour first differs)");
                }
                substituteFrom = h.fingerprints().get(0);
                byFingerprint.put(override.fingerprint(), override);
            }
            boolean sameCore = override == null && h.coreVersion().equals(Backtest.codeVersion());
            LogFailure divergence = sameCore ? LogFailure.CHAIN_MISMATCH : LogFailure.BEHAVIOUR_CHANGED;
            CoreConfiguration cfg = substituteFrom != null ? override : configs.get(0);
            State state = new State();
            CoreEngine engine = new CoreEngine(new RiskEngine(), catalog);
            ResultChain chain = new ResultChain();
            ArrayDeque<Expected> records = new ArrayDeque<>();
            long entries = 0;
            long checkpoints = 0;
            while (true) {
                boolean more;
                try {
                    more = in.next();
                } catch (LogException e) {
                    if (prefix && (e.failure() == LogFailure.TRUNCATED || e.failure() == LogFailure.MISSING_TRAILER)) {
                        return new Outcome(h, entries, checkpoints, chain.value(), state.digest(), false);
                    }
                    throw e;
                }
                if (!more) {
                    break;
                }
                long p = in.position();
                if (in.kind() == GoldenLogReader.Kind.CHECKPOINT) {
                    String d = state.digest();
                    if (!d.equals(in.digest())) {
                        throw new LogException(divergence, file, p, in.recordOffset(), "the State digest after "
                                + "this entry is " + d + ", the log's checkpoint records " + in.digest());
                    }
                    checkpoints++;
                    continue;
                }
                Event e = in.event();
                Event applied = e;
                if (e instanceof ConfigurationActivated ca) {
                    String fp = ca.fingerprint();
                    if (substituteFrom != null && fp.equals(substituteFrom)) {
                        fp = override.fingerprint();
                        applied = new ConfigurationActivated(ca.exchTsNs(), ca.localTsNs(), fp);
                    }
                    CoreConfiguration next = byFingerprint.get(fp);
                    if (next != null) {
                        cfg = next;
                    }
                }
                if (!records.isEmpty()) {
                    Expected x = records.poll();
                    String why = x.mismatch(e);
                    if (why != null) {
                        throw new LogException(divergence, file, p, in.recordOffset(), why);
                    }
                }
                StepResult r;
                try {
                    r = engine.processEvent(state, p, applied, cfg);
                } catch (InvariantViolation v) {
                    throw new LogException(divergence, file, p, in.recordOffset(),
                            "the core refuses the entry (" + e.type() + "): " + v.getMessage());
                }
                long recorded = in.chain();
                long derived = chain.append(p, in.buffer(), in.eventFrom(), in.eventTo(), r);
                if (recorded != derived) {
                    throw new LogException(divergence, file, p, in.recordOffset(), "chain value "
                            + hex(derived) + " re-derived, " + hex(recorded) + " recorded: the step's result ("
                            + e.type() + ") or the entry's bytes differ from the recording"
                            + (sameCore ? "" : " (recorded by core " + h.coreVersion() + ", replayed by "
                                    + Backtest.codeVersion() + ")"));
                }
                for (int i = 0; i < r.dispatchCount(); i++) {
                    records.add(new Expected(p, r.dispatch(i)));
                }
                listener.onStep(p, e, r, state);
                entries++;
            }
            if (!records.isEmpty()) {
                Expected x = records.peek();
                throw new LogException(divergence, file, in.lastEntry(), LogException.UNKNOWN, "the log ends without "
                        + "the record of request " + x.d().requestId() + " (dispatched at position " + x.from() + ")");
            }
            if (in.trailerChain() != chain.value()) {
                throw new LogException(divergence, file, in.lastEntry(), LogException.UNKNOWN, "the trailer's chain "
                        + hex(in.trailerChain()) + " is not the last entry's " + hex(chain.value()));
            }
            String d = state.digest();
            if (!d.equals(in.trailerDigest())) {
                throw new LogException(divergence, file, in.lastEntry(), LogException.UNKNOWN,
                        "the final State digest is " + d + ", the trailer records " + in.trailerDigest());
            }
            return new Outcome(h, entries, checkpoints, chain.value(), d, true);
        }
    }

    /** {@code 0x} and 16 hex digits. */
    public static String hex(long v) {
        return String.format("0x%016x", v);
    }

    /** A dispatch request whose record must come next (SPEC §12: records right after their step). */
    private record Expected(long from, DispatchRequest d) {
        String mismatch(Event e) {
            String want = "the record of request " + d.requestId() + " (" + d.type() + " of order " + d.orderKey()
                    + ", dispatched at position " + from + ")";
            if (!(e instanceof IntentRecordEvent)) {
                return want + " should come next, the log has " + e.type();
            }
            long rid = e instanceof OrderSubmitted s ? s.requestId() : ((DispatchFailed) e).requestId();
            long oid = e instanceof OrderSubmitted s ? s.orderId() : ((DispatchFailed) e).orderId();
            if (rid != d.requestId() || oid != d.orderKey()) {
                return want + " should come next, the log records request " + rid + " of order " + oid;
            }
            if (e instanceof OrderSubmitted s) {
                OrderCommand c = s.command();
                if (!c.equals(d.command())) {
                    return want + " is recorded as " + c + ", the core dispatches " + d.command();
                }
            }
            return null;
        }
    }
}

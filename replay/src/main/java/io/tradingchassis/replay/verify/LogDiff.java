package io.tradingchassis.replay.verify;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.ConfigurationActivated;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.risk.RiskEngine;
import io.tradingchassis.core.state.InvariantViolation;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.step.CoreEngine;
import io.tradingchassis.core.step.StepResult;
import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.replay.log.GoldenLogReader;
import io.tradingchassis.replay.log.LogException;
import io.tradingchassis.replay.log.LogFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two golden logs entry by entry (SPEC §13) while the core folds each under its own
 * configurations, and stops at the first position where the entries' bytes or chain values differ (or
 * where one log ends): the result names that position, both events, both steps' results and the State
 * paths that differ after it. Constant memory.
 */
public final class LogDiff {
    /**
     * The first difference, or none.
     *
     * @param equal       true when the logs hold the same entries with the same chain values
     * @param position    the first divergent position (-1 when equal)
     * @param eventA      the entry of A there ({@code null} when A ended)
     * @param eventB      the entry of B there ({@code null} when B ended)
     * @param resultA     A's step result there, as text
     * @param resultB     B's step result there, as text
     * @param chainA      A's recorded chain value there
     * @param chainB      B's recorded chain value there
     * @param differences the State paths that differ after that entry
     * @param entries     entries compared (equal ones)
     */
    public record Result(boolean equal, long position, Event eventA, Event eventB, String resultA, String resultB,
                         long chainA, long chainB, List<StateTree.Difference> differences, long entries) {
    }

    private LogDiff() {
    }

    /** Compares {@code a} with {@code b}. */
    public static Result compare(Path a, Path b, StrategyCatalog catalog) throws IOException {
        try (Side x = new Side(a, catalog); Side y = new Side(b, catalog)) {
            long n = 0;
            while (true) {
                boolean hasA = x.nextEntry();
                boolean hasB = y.nextEntry();
                if (!hasA && !hasB) {
                    return new Result(true, -1, null, null, null, null, 0, 0, List.of(), n);
                }
                boolean same = hasA && hasB && x.in.chain() == y.in.chain()
                        && x.in.sameEventBytes(y.in);
                StepResult ra = hasA ? x.apply() : null;
                String sa = ra == null ? null : ra.toString();
                StepResult rb = hasB ? y.apply() : null;
                String sb = rb == null ? null : rb.toString();
                if (!same) {
                    long p = hasA ? x.in.position() : y.in.position();
                    int instruments = Math.max(x.cfg.instruments().size(), y.cfg.instruments().size());
                    List<StateTree.Difference> d = StateTree.diff(StateTree.of(x.state, instruments),
                            StateTree.of(y.state, instruments));
                    return new Result(false, p, hasA ? x.event : null, hasB ? y.event : null, sa, sb,
                            hasA ? x.in.chain() : 0, hasB ? y.in.chain() : 0, d, n);
                }
                n++;
            }
        }
    }

    /** One log being read and folded. */
    private static final class Side implements AutoCloseable {
        final GoldenLogReader in;
        final Map<String, CoreConfiguration> byFingerprint = new HashMap<>();
        final State state = new State();
        final CoreEngine engine;
        CoreConfiguration cfg;
        Event event;

        Side(Path file, StrategyCatalog catalog) throws IOException {
            in = GoldenLogReader.open(file);
            try {
                List<CoreConfiguration> configs = Replayer.configurations(file, in.header(), catalog);
                configs.forEach(c -> byFingerprint.put(c.fingerprint(), c));
                cfg = configs.get(0);
                engine = new CoreEngine(new RiskEngine(), catalog);
            } catch (RuntimeException e) {
                in.close();
                throw e;
            }
        }

        boolean nextEntry() throws IOException {
            while (in.next()) {
                if (in.kind() == GoldenLogReader.Kind.ENTRY) {
                    return true;
                }
            }
            return false;
        }

        StepResult apply() {
            event = in.event();
            if (event instanceof ConfigurationActivated ca && byFingerprint.containsKey(ca.fingerprint())) {
                cfg = byFingerprint.get(ca.fingerprint());
            }
            try {
                return engine.processEvent(state, in.position(), event, cfg);
            } catch (InvariantViolation v) {
                throw new LogException(LogFailure.CORRUPT, in.file(), in.position(), in.recordOffset(),
                        "the core refuses the entry (" + event.type() + "): " + v.getMessage());
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}

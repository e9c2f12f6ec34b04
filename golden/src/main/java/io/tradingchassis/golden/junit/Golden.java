package io.tradingchassis.golden.junit;

import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.replay.log.GoldenLogReader;
import io.tradingchassis.replay.log.LogException;
import io.tradingchassis.replay.log.LogHeader;
import io.tradingchassis.replay.log.LogYaml;
import io.tradingchassis.replay.verify.LogDiff;
import io.tradingchassis.replay.verify.Replayer;
import io.tradingchassis.replay.verify.StateTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One approved golden log and the check of a new recording against it (the ApprovalTests workflow). The
 * approved golden is {@code DIR/NAME.tcgl.yaml}. {@link #verify(GoldenRun)} records the run, replays the
 * recording (one that does not replay is never approved) and:
 * <ul>
 *   <li>no approved golden yet: writes it ({@link Outcome#CREATED}) — or, with {@link #requireApproved},
 *       fails and writes the recording as {@code NAME.received.tcgl.yaml};</li>
 *   <li>blessing on: replaces the approved golden by the recording ({@link Outcome#BLESSED});</li>
 *   <li>otherwise compares the recording with the approved golden entry by entry ({@link LogDiff}) and
 *       replays the approved golden ({@link Replayer}); equal: {@link Outcome#UNCHANGED} (and a stale
 *       received file is deleted); else writes {@code NAME.received.tcgl.yaml} and fails with the first
 *       divergent position, both events, both steps' results and the State paths that differ.</li>
 * </ul>
 * Blessing a mismatch is one explicit step: move the received file over the approved one, or run again
 * with {@code -Dgolden.bless=NAME}.
 */
public final class Golden {
    /** File name ending of an approved golden. */
    public static final String APPROVED_EXTENSION = LogYaml.EXTENSION;
    /** File name ending of a recording that did not match. */
    public static final String RECEIVED_EXTENSION = ".received" + LogYaml.EXTENSION;
    /** Where a scenario's {@code binance} market is read under, unless set. */
    public static final String DEFAULT_SHARED_DATA = "../shared/data";
    /** State paths listed in a failure message at most. */
    static final int MAX_PATHS = 20;

    /** What {@link #verify(GoldenRun)} did. */
    public enum Outcome {
        /** There was no approved golden: the recording became it. */
        CREATED,
        /** The recording equals the approved golden. */
        UNCHANGED,
        /** Blessing was on: the recording replaced the approved golden. */
        BLESSED
    }

    private final Path dir;
    private final String name;
    private boolean bless;
    private boolean requireApproved;
    private Path sharedData = Path.of(DEFAULT_SHARED_DATA);
    private Outcome outcome;
    private String blessedChange;

    private Golden(Path dir, String name) {
        this.dir = dir;
        this.name = name;
    }

    /**
     * The golden {@code name} in folder {@code dir}.
     *
     * @param dir  the folder of approved goldens
     * @param name letters, digits, {@code .}, {@code _}, {@code -}
     * @return the golden, blessing off
     */
    public static Golden of(Path dir, String name) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || name.endsWith(".received")) {
            throw new IllegalArgumentException("a golden's name is letters, digits, '.', '_' and '-' (and does not "
                    + "end in .received), got \"" + name + "\"");
        }
        return new Golden(dir, name);
    }

    /**
     * Blessing on: {@link #verify} replaces the approved golden by the recording, whatever it holds.
     *
     * @param on whether to bless
     * @return this
     */
    public Golden bless(boolean on) {
        this.bless = on;
        return this;
    }

    /**
     * A missing approved golden is a failure (the recording is written as received) instead of being created:
     * for CI, where a golden nobody committed must not pass.
     *
     * @param on whether an approved golden is required
     * @return this
     */
    public Golden requireApproved(boolean on) {
        this.requireApproved = on;
        return this;
    }

    /**
     * The folder a scenario's {@code binance} market is read under (default {@value #DEFAULT_SHARED_DATA}).
     *
     * @param folder the folder holding {@code binance/}
     * @return this
     */
    public Golden sharedData(Path folder) {
        this.sharedData = Objects.requireNonNull(folder, "folder");
        return this;
    }

    /**
     * The golden's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The approved golden: {@code DIR/NAME.tcgl.yaml}.
     *
     * @return its path
     */
    public Path approved() {
        return dir.resolve(name + APPROVED_EXTENSION);
    }

    /**
     * Where a recording that does not match is written: {@code DIR/NAME.received.tcgl.yaml}.
     *
     * @return its path
     */
    public Path received() {
        return dir.resolve(name + RECEIVED_EXTENSION);
    }

    /**
     * What the last {@link #verify} did.
     *
     * @return the outcome, or {@code null} before any verify
     */
    public Outcome outcome() {
        return outcome;
    }

    /**
     * What the last blessing changed: the first divergence from the golden it replaced, or {@code "new"}.
     *
     * @return the change, or {@code null} when the last verify did not bless
     */
    public String blessedChange() {
        return blessedChange;
    }

    /**
     * Records {@code run} and checks it against the approved golden (see the class comment).
     *
     * @param run what to record
     * @return what was done
     * @throws AssertionError when the recording does not match (the message names the first divergent
     *                        position), or no approved golden exists and one is required
     * @throws IOException    when a file cannot be read or written
     */
    public Outcome verify(GoldenRun run) throws IOException {
        Objects.requireNonNull(run, "run");
        outcome = null;
        blessedChange = null;
        Path work = Files.createTempDirectory("golden-" + name + "-");
        try {
            Path fresh = work.resolve("received.tcgl");
            run.record(fresh, work, sharedData);
            try {
                new Replayer(StrategyCatalog.standard()).replay(fresh);
            } catch (LogException e) {
                // e.g. a hand-written stream without a venue that lacks a dispatch record: never approve it
                throw new AssertionError("golden " + name + " (" + run + "): the new recording does not replay, so it "
                        + "cannot be approved: " + e.getMessage());
            }
            Path approved = approved();
            Files.createDirectories(dir);
            if (bless) {
                blessedChange = Files.exists(approved) ? describeChange(approved, fresh, work) : "new";
                LogYaml.writeFile(fresh, approved);
                Files.deleteIfExists(received());
                outcome = Outcome.BLESSED;
                return outcome;
            }
            if (!Files.exists(approved)) {
                if (requireApproved) {
                    LogYaml.writeFile(fresh, received());
                    throw new AssertionError("golden " + name + ": no approved golden at " + approved + " (and "
                            + GoldenTestExtension.REQUIRE_APPROVED_PROPERTY + " is set); the recording of " + run
                            + " is at " + received() + ". " + howToBless());
                }
                LogYaml.writeFile(fresh, approved);
                outcome = Outcome.CREATED;
                return outcome;
            }
            String mismatch = mismatch(approved, fresh, work);
            if (mismatch != null) {
                LogYaml.writeFile(fresh, received());
                throw new AssertionError("golden " + name + " (" + run + "): " + mismatch + "\nThe new recording is at "
                        + received() + ". " + howToBless());
            }
            Files.deleteIfExists(received());
            outcome = Outcome.UNCHANGED;
            return outcome;
        } finally {
            deleteTree(work);
        }
    }

    private String howToBless() {
        return "If the change is intended, bless it: move " + received().getFileName() + " over "
                + approved().getFileName() + ", or run again with -D" + GoldenTestExtension.BLESS_PROPERTY + "=" + name
                + ".";
    }

    /** Why {@code fresh} does not match the approved YAML golden, or null when it does. */
    private String mismatch(Path approvedYaml, Path fresh, Path work) throws IOException {
        Path approved = work.resolve("approved.tcgl");
        try {
            LogYaml.toBinary(approvedYaml, approved);
        } catch (LogException e) {
            return "the approved golden cannot be read: " + e.getMessage();
        }
        String header = headerDifference(approved, fresh);
        try {
            LogDiff.Result r = LogDiff.compare(approved, fresh, StrategyCatalog.standard());
            if (!r.equal()) {
                return describe(r) + (header == null ? "" : "\n  (" + header + ")");
            }
        } catch (LogException e) {
            return "the approved golden does not fold under this core: " + e.getMessage();
        }
        if (header != null) {
            return "the entries are equal but " + header;
        }
        try {
            new Replayer(StrategyCatalog.standard()).replay(approved);
        } catch (LogException e) {
            return "the approved golden does not replay: " + e.getMessage();
        }
        return null;
    }

    private String describeChange(Path approvedYaml, Path fresh, Path work) throws IOException {
        String m = mismatch(approvedYaml, fresh, work);
        return m == null ? "unchanged" : m;
    }

    /** A header field that differs (the core version aside: a new core that behaves the same needs no blessing). */
    private static String headerDifference(Path a, Path b) throws IOException {
        LogHeader x;
        LogHeader y;
        try (GoldenLogReader ra = GoldenLogReader.open(a); GoldenLogReader rb = GoldenLogReader.open(b)) {
            x = ra.header();
            y = rb.header();
        }
        List<String> d = new ArrayList<>();
        field(d, "datasetId", x.datasetId(), y.datasetId());
        field(d, "strategyId", x.strategyId(), y.strategyId());
        field(d, "strategyVersion", x.strategyVersion(), y.strategyVersion());
        field(d, "configuration fingerprints", x.fingerprints(), y.fingerprints());
        field(d, "checkpointInterval", x.checkpointInterval(), y.checkpointInterval());
        return d.isEmpty() ? null : "the header differs: " + String.join("; ", d);
    }

    private static void field(List<String> out, String what, Object approved, Object received) {
        if (!approved.equals(received)) {
            out.add(what + " " + approved + " approved, " + received + " received");
        }
    }

    /** The diff's first divergence as text. */
    static String describe(LogDiff.Result r) {
        StringBuilder sb = new StringBuilder("differs from the approved golden at position ").append(r.position())
                .append(" (the first divergent position; ").append(r.entries()).append(" equal entries before it)");
        sb.append("\n  approved: ").append(r.eventA() == null ? "(ended)" : r.eventA());
        if (r.resultA() != null) {
            sb.append("\n            ").append(r.resultA());
        }
        sb.append("\n  received: ").append(r.eventB() == null ? "(ended)" : r.eventB());
        if (r.resultB() != null) {
            sb.append("\n            ").append(r.resultB());
        }
        List<StateTree.Difference> diffs = r.differences();
        if (!diffs.isEmpty()) {
            sb.append("\n  State paths that differ after it:");
            for (int i = 0; i < Math.min(MAX_PATHS, diffs.size()); i++) {
                sb.append("\n    ").append(diffs.get(i));
            }
            if (diffs.size() > MAX_PATHS) {
                sb.append("\n    … and ").append(diffs.size() - MAX_PATHS).append(" more");
            }
        }
        return sb.toString();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Override
    public String toString() {
        return "golden " + name + " (" + approved() + ")";
    }
}

package io.tradingchassis.core.state;

import java.util.Arrays;

/**
 * Control State (SPEC §4): control time, session flag, kill switch, active configuration
 * fingerprint, feed-health flags, the last processed Control-Time deadline, the decision counter of
 * the decision trigger (I4), and the Strategy's memory: a fixed number of {@code long} slots its
 * provider declares, written only through the Strategy's view during a decision, so replay and
 * restore-from-snapshot reproduce what the Strategy remembers.
 */
public final class ControlState {
    /** Control time before the first entry. */
    public static final long NO_TIME = Long.MIN_VALUE;

    private long controlTimeNs = NO_TIME;
    private boolean sessionStarted;
    private boolean killSwitch;
    private String activeFingerprint;
    private boolean[] feedGap = new boolean[0];
    private long lastControlTimeDeadlineNs = NO_TIME;
    private long decisionCounter;
    private long[] memory = new long[0];
    private long strategyTimerNs = NO_TIME;

    /** Initial control state. */
    public ControlState() {
    }

    /** An exact, independent copy. */
    public ControlState copy() {
        ControlState c = new ControlState();
        c.controlTimeNs = controlTimeNs;
        c.sessionStarted = sessionStarted;
        c.killSwitch = killSwitch;
        c.activeFingerprint = activeFingerprint;
        c.feedGap = feedGap.clone();
        c.lastControlTimeDeadlineNs = lastControlTimeDeadlineNs;
        c.decisionCounter = decisionCounter;
        c.memory = memory.clone();
        c.strategyTimerNs = strategyTimerNs;
        return c;
    }

    /** Control time: max localTsNs over entries so far (SPEC §2); {@link #NO_TIME} before the first. */
    public long controlTimeNs() {
        return controlTimeNs;
    }

    /** Advances control time monotonically. */
    @Mutator
    public void observe(long localTsNs) {
        if (localTsNs > controlTimeNs) {
            controlTimeNs = localTsNs;
        }
    }

    /** Whether a SessionStart was processed. */
    public boolean sessionStarted() {
        return sessionStarted;
    }

    /** Sets the session flag. */
    @Mutator
    public void sessionStarted(boolean v) {
        sessionStarted = v;
    }

    /** Kill switch flag. */
    public boolean killSwitch() {
        return killSwitch;
    }

    /** Sets the kill switch. */
    @Mutator
    public void killSwitch(boolean on) {
        killSwitch = on;
    }

    /**
     * Fingerprint of the active configuration: bound by the stream's first step, then changed only by a
     * ConfigurationActivated (CF1); {@code null} before the first step.
     */
    public String activeFingerprint() {
        return activeFingerprint;
    }

    /** Records the active configuration fingerprint. */
    @Mutator
    public void activeFingerprint(String fp) {
        activeFingerprint = fp;
    }

    /** True when the instrument's feed has an unhealed gap. */
    public boolean feedGap(int instrument) {
        return instrument < feedGap.length && feedGap[instrument];
    }

    /** Sets or clears an instrument's feed-gap flag. */
    @Mutator
    public void feedGap(int instrument, boolean gap) {
        if (instrument >= feedGap.length) {
            if (!gap) {
                return;
            }
            feedGap = Arrays.copyOf(feedGap, instrument + 1);
        }
        feedGap[instrument] = gap;
    }

    /** The last Control-Time deadline processed, or {@link #NO_TIME}. */
    public long lastControlTimeDeadlineNs() {
        return lastControlTimeDeadlineNs;
    }

    /** Records a processed Control-Time deadline. */
    @Mutator
    public void lastControlTimeDeadlineNs(long v) {
        lastControlTimeDeadlineNs = v;
    }

    /** Triggering events since the start, for the decision trigger's every-Nth rule (I4). */
    public long decisionCounter() {
        return decisionCounter;
    }

    /** Counts one triggering event; returns the new count. */
    @Mutator
    public long countTriggeringEvent() {
        return ++decisionCounter;
    }

    /** The control time the Strategy asked to decide at (SPEC §9 timers), or {@link #NO_TIME}. */
    public long strategyTimerNs() {
        return strategyTimerNs;
    }

    /** Sets or clears ({@link #NO_TIME}) the Strategy's timer. */
    @Mutator
    public void strategyTimerNs(long timeNs) {
        strategyTimerNs = timeNs;
    }

    /** Strategy memory slot {@code slot}; slots never written read 0. */
    public long memory(int slot) {
        return slot >= 0 && slot < memory.length ? memory[slot] : 0;
    }

    /**
     * Commits the Strategy's memory after a decision that returned normally: slots {@code 0..n-1} take
     * {@code values}; slots past {@code n} are cleared.
     */
    @Mutator
    public void commitMemory(long[] values, int n) {
        if (memory.length != n) {
            memory = new long[n]; // only when the declared slot count changes (a new configuration)
        }
        System.arraycopy(values, 0, memory, 0, n);
    }

    void encode(CanonicalEncoder enc) {
        enc.tag('C').writeLong(controlTimeNs).writeBoolean(sessionStarted).writeBoolean(killSwitch)
                .writeString(activeFingerprint);
        int n = feedGap.length;
        while (n > 0 && !feedGap[n - 1]) {
            n--;
        }
        enc.writeLong(n);
        for (int i = 0; i < n; i++) {
            enc.writeBoolean(feedGap[i]);
        }
        enc.writeLong(lastControlTimeDeadlineNs).writeLong(decisionCounter);
        int m = memory.length;
        while (m > 0 && memory[m - 1] == 0) {
            m--; // zero slots at the end read like slots never written
        }
        enc.tag('Y').writeLong(strategyTimerNs).writeLong(m);
        for (int i = 0; i < m; i++) {
            enc.writeLong(memory[i]);
        }
    }
}

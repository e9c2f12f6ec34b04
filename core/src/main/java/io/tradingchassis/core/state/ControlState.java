package io.tradingchassis.core.state;

import java.util.Arrays;

/**
 * Control State (SPEC §4): control time, session flag, kill switch, active configuration
 * fingerprint, feed-health flags, the last processed Control-Time deadline, and the decision counter
 * of the decision trigger (I4).
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
        return c;
    }

    /** Control time: max localTsNs over entries so far (SPEC §2); {@link #NO_TIME} before the first. */
    public long controlTimeNs() {
        return controlTimeNs;
    }

    /** Advances control time monotonically. */
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
    public void sessionStarted(boolean v) {
        sessionStarted = v;
    }

    /** Kill switch flag. */
    public boolean killSwitch() {
        return killSwitch;
    }

    /** Sets the kill switch. */
    public void killSwitch(boolean on) {
        killSwitch = on;
    }

    /** Fingerprint named by the last ConfigurationActivated, or {@code null}. */
    public String activeFingerprint() {
        return activeFingerprint;
    }

    /** Records the active configuration fingerprint. */
    public void activeFingerprint(String fp) {
        activeFingerprint = fp;
    }

    /** True when the instrument's feed has an unhealed gap. */
    public boolean feedGap(int instrument) {
        return instrument < feedGap.length && feedGap[instrument];
    }

    /** Sets or clears an instrument's feed-gap flag. */
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
    public void lastControlTimeDeadlineNs(long v) {
        lastControlTimeDeadlineNs = v;
    }

    /** Triggering events since the start, for the decision trigger's every-Nth rule (I4). */
    public long decisionCounter() {
        return decisionCounter;
    }

    /** Counts one triggering event; returns the new count. */
    public long countTriggeringEvent() {
        return ++decisionCounter;
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
    }
}

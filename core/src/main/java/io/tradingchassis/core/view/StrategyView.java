package io.tradingchassis.core.view;

/**
 * What a Strategy's {@code decide} receives: the read-only {@link StateView} plus write access to its
 * own memory slots. Writes become State only when {@code decide} returns normally; if it throws, the
 * decision's writes are discarded with its Intents (a step is atomic, SPEC §5).
 */
public interface StrategyView extends StateView {

    /** Sets memory slot {@code slot}; an IndexOutOfBoundsException past {@link #memorySlots()}. */
    void memory(int slot, long value);

    /**
     * Asks for a decision at control time {@code timeNs} (SPEC §9 timers: "cancel after 3 s"), which must
     * be after the current control time. One timer: a later call replaces it; {@link Long#MIN_VALUE}
     * clears it. Kept in State like memory (committed when {@code decide} returns normally); the core
     * returns it as a Control Scheduling Obligation with reason {@code STRATEGY_TIMER}, the runtime
     * realizes it as a Control-Time event, and at that step the Strategy decides whatever the decision
     * trigger says (the timer is cleared first).
     */
    void decisionAt(long timeNs);
}

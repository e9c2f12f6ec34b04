package io.tradingchassis.core.view;

/**
 * What a Strategy's {@code decide} receives: the read-only {@link StateView} plus write access to its
 * own memory slots. Writes become State only when {@code decide} returns normally; if it throws, the
 * decision's writes are discarded with its Intents (a step is atomic, SPEC §5).
 */
public interface StrategyView extends StateView {

    /** Sets memory slot {@code slot}; an IndexOutOfBoundsException past {@link #memorySlots()}. */
    void memory(int slot, long value);
}

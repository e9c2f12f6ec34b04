package io.tradingchassis.core.strategy;

import io.tradingchassis.core.intent.IntentSink;
import io.tradingchassis.core.view.StrategyView;
import java.util.List;

/**
 * {@code scripted}: emits the Intents its configuration holds inline, each at exactly its control time
 * {@code atNs} (items with equal times in script order). After each decision it sets a timer for its
 * next item, so an emission never waits for the next market event. Its progress — the index of the
 * next item — lives in strategy memory (slot {@value #NEXT}). It is how tests, golden logs and a user
 * reproducing an incident drive the core into one exact situation.
 */
public final class ScriptedStrategy implements Strategy {
    /** Its id. */
    public static final String ID = "scripted";
    /** Memory slot of the next item's index. */
    public static final int NEXT = 0;

    private final List<ScriptItem> script;

    /** A strategy emitting {@code parameters.script()}. */
    public ScriptedStrategy(StrategyParameters parameters) {
        this.script = parameters.script();
    }

    @Override
    public void decide(StrategyView view, IntentSink out) {
        long now = view.controlTimeNs();
        int next = (int) view.memory(NEXT);
        while (next < script.size() && script.get(next).atNs() <= now) {
            ScriptItem i = script.get(next);
            out.emit(i.type(), i.key(), i.instrument(), i.side(), i.priceTicks(), i.qtyLots(), i.timeInForce());
            next++;
        }
        view.memory(NEXT, next);
        if (next < script.size()) {
            view.decisionAt(script.get(next).atNs());
        }
    }
}

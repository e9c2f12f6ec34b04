package io.tradingchassis.core.strategy;

import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.intent.IntentSink;
import io.tradingchassis.core.state.State;
import java.util.ArrayList;
import java.util.List;

/** Records emitted Intents; runs a Strategy directly against a State the way the pipeline does. */
final class StrategyTestSupport {
    private StrategyTestSupport() {
    }

    /** One emitted Intent. */
    record Emitted(CommandType type, long key, int instrument, Side side, long px, long qty) {
        @Override
        public String toString() {
            return type + " " + key + " " + side + " " + qty + "@" + px;
        }
    }

    /** An IntentSink that records. */
    static final class Sink implements IntentSink {
        final List<Emitted> emitted = new ArrayList<>();

        @Override
        public void emit(CommandType type, long orderKey, int instrument, Side side, long priceTicks, long qtyLots) {
            emitted.add(new Emitted(type, orderKey, instrument, side, priceTicks, qtyLots));
        }
    }

    /**
     * Runs {@code s} on {@code state} as the pipeline would (working index rebuilt first, predicate
     * honoured); returns what it emitted.
     */
    static List<Emitted> decide(Strategy s, State state) {
        Sink sink = new Sink();
        if (!s.wantsDecision(state)) {
            return sink.emitted;
        }
        state.execution().rebuildWorkingIndex();
        s.decide(state, sink);
        return sink.emitted;
    }
}

package io.tradingchassis.properties.support;

import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.intent.IntentSink;
import io.tradingchassis.core.strategy.ParameterSpec;
import io.tradingchassis.core.strategy.ScriptedStrategy;
import io.tradingchassis.core.strategy.Strategy;
import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.core.strategy.StrategyParameters;
import io.tradingchassis.core.strategy.StrategyProvider;
import io.tradingchassis.core.view.StateView;
import io.tradingchassis.core.view.StrategyView;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The suite's strategies, installed only through the public door (a {@link StrategyProvider} in a
 * {@link StrategyCatalog}): each wraps the built-in {@code scripted} strategy, so a generated script
 * drives it.
 *
 * <ul>
 *   <li>{@code scripted-gated}: the script behind a decision predicate over State that reads strategy
 *       memory (slot 1, a decision counter the strategy keeps), for prefix/snapshot equivalence;</li>
 *   <li>{@code scripted-faulty}: the script, but at the given positions it decides, writes memory and sets
 *       its timer, then throws (a different kind of {@code Throwable} by position, {@code Error}s and a
 *       checked exception included);</li>
 *   <li>{@code scripted-faulty} in its silent twin: at those positions it returns without doing
 *       anything — what a throwing decision must be equal to (SPEC §5 atomicity).</li>
 * </ul>
 */
public final class SuiteStrategies {
    /** Id of the gated strategy. */
    public static final String GATED = "scripted-gated";
    /** Id shared by the faulty strategy and its silent twin (same id, same fingerprint). */
    public static final String FAULTY = "scripted-faulty";

    private SuiteStrategies() {
    }

    /** The built-ins plus {@code scripted-gated}. */
    public static StrategyCatalog gated() {
        return StrategyCatalog.builtIn().with(provider(GATED, 2, Gated::new));
    }

    /** The built-ins plus {@code scripted-faulty} throwing at {@code positions}. */
    public static StrategyCatalog faulty(Set<Long> positions) {
        return StrategyCatalog.builtIn().with(provider(FAULTY, 1, p -> new Faulty(new ScriptedStrategy(p),
                Set.copyOf(positions), true)));
    }

    /** The built-ins plus the silent twin of {@code scripted-faulty} for {@code positions}. */
    public static StrategyCatalog silent(Set<Long> positions) {
        return StrategyCatalog.builtIn().with(provider(FAULTY, 1, p -> new Faulty(new ScriptedStrategy(p),
                Set.copyOf(positions), false)));
    }

    private static StrategyProvider provider(String id, int slots, Function<StrategyParameters, Strategy> make) {
        return new StrategyProvider() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String version() {
                return "test";
            }

            @Override
            public boolean takesScript() {
                return true;
            }

            @Override
            public List<ParameterSpec> parameters() {
                return List.of();
            }

            @Override
            public int memorySlots() {
                return slots;
            }

            @Override
            public Strategy create(StrategyParameters parameters) {
                return make.apply(parameters);
            }
        };
    }

    /** The script behind a predicate that reads memory: decides on 3 of every 4 chances, and always on Control-Time. */
    static final class Gated implements Strategy {
        private final ScriptedStrategy inner;

        Gated(StrategyParameters p) {
            this.inner = new ScriptedStrategy(p);
        }

        @Override
        public boolean wantsDecision(StateView view) {
            return view.eventType() == EventType.CONTROL_TIME || (view.memory(1) + view.position()) % 4 != 0;
        }

        @Override
        public void decide(StrategyView view, IntentSink out) {
            inner.decide(view, out);
            view.memory(1, view.memory(1) + 1 + (view.position() & 1));
        }
    }

    /** The script, throwing (or, silent, doing nothing) at the given positions. */
    static final class Faulty implements Strategy {
        private final ScriptedStrategy inner;
        private final Set<Long> positions;
        private final boolean throwing;

        Faulty(ScriptedStrategy inner, Set<Long> positions, boolean throwing) {
            this.inner = inner;
            this.positions = positions;
            this.throwing = throwing;
        }

        @Override
        public void decide(StrategyView view, IntentSink out) {
            if (!positions.contains(view.position())) {
                inner.decide(view, out);
                return;
            }
            if (!throwing) {
                return;
            }
            inner.decide(view, out); // emits, writes memory and sets the timer: all of it must be discarded
            throw throwable(view.position());
        }
    }

    /** A different kind of Throwable by position: runtime, Error, stack overflow, a checked one, one whose toString throws. */
    static RuntimeException throwable(long position) {
        switch ((int) (position % 5)) {
            case 0:
                return new IllegalStateException("generated strategy failure at " + position);
            case 1:
                throw new AssertionError("generated Error at " + position);
            case 2:
                throw new StackOverflowError("generated at " + position);
            case 3:
                return sneaky(new Exception("checked, at " + position));
            default:
                return new RuntimeException() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public String toString() {
                        throw new IllegalStateException("toString throws too");
                    }
                };
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }
}

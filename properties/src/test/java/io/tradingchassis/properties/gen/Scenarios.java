package io.tradingchassis.properties.gen;

import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.properties.gen.Interleavings.CtPolicy;
import io.tradingchassis.properties.support.Runs;
import io.tradingchassis.properties.support.Scenario;
import io.tradingchassis.properties.support.SuiteStrategies;
import org.quicktheories.core.Gen;

/**
 * Valid streams for the core properties, from the two sources the suite trusts to be consistent with
 * what the core dispatched: a real run (runtime loop + simulated venue, {@link Runs}) and the closed-loop
 * interleaving generator ({@link Interleavings}), with the built-in {@code scripted} strategy or the
 * suite's memory-and-predicate strategy.
 */
public final class Scenarios {
    private Scenarios() {
    }

    /** A real run, an interleaved {@code scripted} stream or an interleaved gated one; at most {@code rows} market rows. */
    public static Gen<Scenario> valid(int rows, int items) {
        return in -> {
            RunSpec spec = RunSpec.generate(in, 5, rows, items, true);
            switch (Draw.integer(in, 0, 2)) {
                case 0:
                    return Runs.run(spec).scenario();
                case 1:
                    return Interleavings.generate(in, spec, "scripted", StrategyCatalog.builtIn(), CtPolicy.AT_DEADLINE);
                default:
                    return Interleavings.generate(in, spec, SuiteStrategies.GATED, SuiteStrategies.gated(),
                            CtPolicy.AT_DEADLINE);
            }
        };
    }

    /** Interleaved streams only (records late, answers and fills anywhere legal), {@code scripted} or gated. */
    public static Gen<Scenario> interleaved(int rows, int items) {
        return in -> {
            RunSpec spec = RunSpec.generate(in, 5, rows, items, true);
            boolean gated = Draw.bool(in);
            return gated ? Interleavings.generate(in, spec, SuiteStrategies.GATED, SuiteStrategies.gated(),
                    CtPolicy.AT_DEADLINE)
                    : Interleavings.generate(in, spec, "scripted", StrategyCatalog.builtIn(), CtPolicy.AT_DEADLINE);
        };
    }

    /** Real runs only. */
    public static Gen<Scenario> runs(int rows, int items) {
        return in -> Runs.run(RunSpec.generate(in, 5, rows, items, true)).scenario();
    }
}

package io.tradingchassis.replay.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code tc sweep}: listed in {@code tc --help}, run by the {@code ./tc} script, which hands every
 * {@code tc sweep …} over to {@code ./tc-sweep}, the sweep module's own launcher (issue 12: Spark is never on
 * this jar's class path). Reached only when {@code tc.jar} is run directly with {@code java -jar}: it then
 * says where the command lives, with exit code 2.
 */
@Command(name = "sweep",
        description = {"Parameter sweeps on Spark: every point of a grid of configuration values over every "
                + "dataset, each run the same backtest as 'tc backtest', written to sweep.csv, sweep.json and "
                + "sweep.html. The tc script runs it with tc-sweep, the sweep module's own launcher (Spark is not "
                + "in tc.jar); 'tc sweep --help' lists its options."},
        footer = {"Example (from the checkout, after mvn -B -q package -DskipTests):",
                "  ./tc sweep runtime/local/sweep.json --out .runtime/sweep"})
final class SweepHandoffCommand implements Callable<Integer> {

    /** What {@code tc.jar} says when asked to run a sweep itself. */
    static final String WHERE = "sweep: Spark is not in tc.jar; run './tc sweep ...' from the checkout (the tc "
            + "script hands it to ./tc-sweep, built by mvn -B -q package -DskipTests), see sweep/README.md";

    /** What would go to {@code ./tc-sweep} (SWEEP.json and its options). */
    @Unmatched
    List<String> args;

    @Override
    public Integer call() {
        throw new UserInputException(WHERE);
    }
}

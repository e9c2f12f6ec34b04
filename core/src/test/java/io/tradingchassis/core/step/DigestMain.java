package io.tradingchassis.core.step;

import io.tradingchassis.core.state.State;

/**
 * Folds {@link RandomStreams#generate(long, int)} and prints the final State digest on one line. Run
 * in a second JVM by {@link FoldDeterminismTest} to show the digest does not depend on the JVM run
 * (hash seeds, GC, identity hash codes).
 *
 * <p>Usage: {@code DigestMain <seed> <count>}.
 */
public final class DigestMain {

    private DigestMain() {
    }

    public static void main(String[] args) {
        long seed = Long.parseLong(args[0]);
        int count = Integer.parseInt(args[1]);
        State state = new State();
        new CoreEngine().foldEventStreamEntries(state, RandomStreams.generate(seed, count), RandomStreams.config());
        System.out.println(state.digest());
    }
}

package io.tradingchassis.properties.gen;

import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Draws from QuickTheories' randomness source. Every generator in this package is written as plain
 * code over these draws, so QuickTheories' integrated shrinking (it shrinks the draws themselves
 * toward their lower bounds) gives small counterexamples without a hand-written shrinker.
 */
public final class Draw {
    private Draw() {
    }

    /** A long in {@code [lo, hi]}; shrinks toward {@code lo} (or 0 when 0 is in range). */
    public static long between(RandomnessSource in, long lo, long hi) {
        return in.next(Constraint.between(lo, hi));
    }

    /** An int in {@code [lo, hi]}. */
    public static int integer(RandomnessSource in, int lo, int hi) {
        return (int) in.next(Constraint.between(lo, hi));
    }

    /** A boolean; shrinks toward false. */
    public static boolean bool(RandomnessSource in) {
        return in.next(Constraint.between(0, 1)) == 1;
    }

    /** True with probability about {@code 1/n}; shrinks toward false. */
    public static boolean oneIn(RandomnessSource in, int n) {
        return in.next(Constraint.between(0, n - 1)) == n - 1;
    }

    /** One of {@code values}; shrinks toward the first. */
    public static <T> T pick(RandomnessSource in, List<T> values) {
        return values.get((int) in.next(Constraint.between(0, values.size() - 1)));
    }

    /** One of {@code values}; shrinks toward the first. */
    @SafeVarargs
    public static <T> T pick(RandomnessSource in, T... values) {
        return values[(int) in.next(Constraint.between(0, values.length - 1))];
    }

    /** A permutation of {@code values} (Fisher–Yates over draws); shrinks toward the given order. */
    public static <T> List<T> permutation(RandomnessSource in, List<T> values) {
        ArrayList<T> l = new ArrayList<>(values);
        for (int i = 0; i < l.size() - 1; i++) {
            int j = i + (int) in.next(Constraint.between(0, l.size() - 1 - i));
            T tmp = l.get(i);
            l.set(i, l.get(j));
            l.set(j, tmp);
        }
        return l;
    }
}

package io.tradingchassis.core.strategy;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** A strategy's fully resolved parameters (every declared parameter present), sorted by name. */
public final class StrategyParameters {
    private final SortedMap<String, Long> values;
    private final List<ScriptItem> script;

    /** Copies {@code values} (name → resolved value). */
    public StrategyParameters(Map<String, Long> values) {
        this(values, List.of());
    }

    /** Copies {@code values} and a script (for a provider that {@linkplain StrategyProvider#takesScript takes one}). */
    public StrategyParameters(Map<String, Long> values, List<ScriptItem> script) {
        this.values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
        this.script = List.copyOf(script);
    }

    /** The script, in emission order; empty for a strategy that takes none. */
    public List<ScriptItem> script() {
        return script;
    }

    /** No parameters. */
    public static StrategyParameters none() {
        return new StrategyParameters(new TreeMap<>());
    }

    /** The value of an INTEGER or INSTRUMENT parameter. */
    public long integer(String name) {
        Long v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter \"" + name + "\"; resolved: " + values.keySet());
        }
        return v;
    }

    /** The value of an INSTRUMENT parameter, as an index. */
    public int instrument(String name) {
        return (int) integer(name);
    }

    /** The value of a BOOLEAN parameter. */
    public boolean bool(String name) {
        return integer(name) != 0;
    }

    /** Every resolved value, sorted by name (unmodifiable). */
    public SortedMap<String, Long> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StrategyParameters p && p.values.equals(values) && p.script.equals(script);
    }

    @Override
    public int hashCode() {
        return values.hashCode() * 31 + script.hashCode();
    }

    @Override
    public String toString() {
        return script.isEmpty() ? values.toString() : values + " script=" + script;
    }
}

package io.tradingchassis.core.strategy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The strategies a configuration can select, by id. Immutable: {@link #with} returns a new catalog.
 * {@link #builtIn()} holds the shipped strategies; {@link #standard()} adds every provider found
 * through {@link ServiceLoader}. An id appears once: a second provider with the same id is an error,
 * never a silent override.
 */
public final class StrategyCatalog {
    /** Most memory slots a provider may declare. */
    public static final int MAX_MEMORY_SLOTS = 1024;

    private static final StrategyCatalog BUILT_IN = new StrategyCatalog(new TreeMap<>())
            .with(new BuiltInStrategies.None(), new BuiltInStrategies.MarketMaker(),
                    new BuiltInStrategies.MomentumTaker(), new BuiltInStrategies.Scripted());
    private static volatile StrategyCatalog standard;

    private final Map<String, StrategyProvider> providers;

    private StrategyCatalog(TreeMap<String, StrategyProvider> providers) {
        this.providers = Collections.unmodifiableMap(providers);
    }

    /** The shipped strategies: {@code none}, {@code market-maker}, {@code momentum-taker}, {@code scripted}. */
    public static StrategyCatalog builtIn() {
        return BUILT_IN;
    }

    /**
     * The built-ins plus every provider {@link ServiceLoader#load(Class)} finds on the class path (the
     * thread's context class loader). Computed once.
     */
    public static StrategyCatalog standard() {
        StrategyCatalog s = standard;
        if (s == null) {
            List<StrategyProvider> found = new ArrayList<>();
            for (StrategyProvider p : ServiceLoader.load(StrategyProvider.class)) {
                found.add(p);
            }
            s = BUILT_IN.with(found.toArray(new StrategyProvider[0]));
            standard = s;
        }
        return s;
    }

    /** The built-ins plus the providers {@link ServiceLoader} finds through {@code loader}. */
    public static StrategyCatalog discover(ClassLoader loader) {
        List<StrategyProvider> found = new ArrayList<>();
        for (StrategyProvider p : ServiceLoader.load(StrategyProvider.class, loader)) {
            found.add(p);
        }
        return BUILT_IN.with(found.toArray(new StrategyProvider[0]));
    }

    /** This catalog plus {@code more}; an invalid declaration or a repeated id is an IllegalArgumentException. */
    public StrategyCatalog with(StrategyProvider... more) {
        TreeMap<String, StrategyProvider> m = new TreeMap<>(providers);
        for (StrategyProvider p : more) {
            validate(p);
            StrategyProvider old = m.putIfAbsent(p.id(), p);
            if (old != null) {
                throw new IllegalArgumentException("strategy id \"" + p.id() + "\" is provided twice: by "
                        + old.getClass().getName() + " and " + p.getClass().getName());
            }
        }
        return new StrategyCatalog(m);
    }

    /** The provider with this id, or {@code null}. */
    public StrategyProvider provider(String id) {
        return providers.get(id);
    }

    /** Every id, sorted. */
    public List<String> ids() {
        return List.copyOf(providers.keySet());
    }

    @Override
    public String toString() {
        return "StrategyCatalog" + ids();
    }

    private static boolean isId(String s) {
        if (s == null || s.isEmpty() || s.length() > 64 || !(s.charAt(0) >= 'a' && s.charAt(0) <= 'z')) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static void validate(StrategyProvider p) {
        if (p == null) {
            throw new IllegalArgumentException("a null strategy provider");
        }
        String who = p.getClass().getName();
        if (!isId(p.id())) {
            throw new IllegalArgumentException(who + ": strategy id \"" + p.id()
                    + "\" must be a lowercase letter then up to 63 lowercase letters, digits or '-'");
        }
        if (p.version() == null || p.version().isBlank() || p.version().length() > 64) {
            throw new IllegalArgumentException(who + ": strategy " + p.id() + " needs a version (1-64 chars)");
        }
        if (p.memorySlots() < 0 || p.memorySlots() > MAX_MEMORY_SLOTS) {
            throw new IllegalArgumentException(who + ": strategy " + p.id() + " memorySlots " + p.memorySlots()
                    + " not in [0, " + MAX_MEMORY_SLOTS + "]");
        }
        List<ParameterSpec> params = p.parameters();
        if (params == null) {
            throw new IllegalArgumentException(who + ": strategy " + p.id() + " declares null parameters");
        }
        Set<String> names = new TreeSet<>();
        for (ParameterSpec s : params) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException(who + ": strategy " + p.id() + " declares parameter "
                        + s.name() + " twice");
            }
        }
    }
}

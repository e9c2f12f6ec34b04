package io.tradingchassis.golden.junit;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link GoldenTest}: hands the test a {@link Golden} for its name and folder, with
 * blessing on when the system property {@value #BLESS_PROPERTY} names it, and fails the test if it never
 * verified anything. Its outcome (created, unchanged, blessed) is published as a report entry.
 */
public final class GoldenTestExtension implements ParameterResolver, AfterEachCallback {
    /** System property: comma-separated names of goldens to re-record and approve in this run. */
    public static final String BLESS_PROPERTY = "golden.bless";
    /** System property: the folder of approved goldens when {@link GoldenTest#dir()} is empty. */
    public static final String DIR_PROPERTY = "golden.dir";
    /** System property: {@code true} makes a missing approved golden a failure (for CI) instead of creating it. */
    public static final String REQUIRE_APPROVED_PROPERTY = "golden.requireApproved";
    /** System property: the folder a scenario's {@code binance} market is read under. */
    public static final String SHARED_DATA_PROPERTY = "golden.sharedData";
    /** The default folder of approved goldens. */
    public static final String DEFAULT_DIR = "src/test/resources/golden";

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(GoldenTestExtension.class);
    private static final String KEY = "golden";

    /** JUnit creates it. */
    public GoldenTestExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Golden.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Method m = context.getRequiredTestMethod();
        GoldenTest a = m.getAnnotation(GoldenTest.class);
        if (a == null) {
            throw new ParameterResolutionException("a Golden parameter needs the test to be a @GoldenTest: " + m);
        }
        String name = a.value().isEmpty() ? m.getName() : a.value();
        String dir = !a.dir().isEmpty() ? a.dir() : System.getProperty(DIR_PROPERTY, DEFAULT_DIR);
        Golden g;
        try {
            g = Golden.of(Path.of(dir), name);
        } catch (IllegalArgumentException e) {
            throw new ParameterResolutionException("@GoldenTest on " + m.getName() + ": " + e.getMessage(), e);
        }
        g.bless(blessed(System.getProperty(BLESS_PROPERTY), name))
                .requireApproved(Boolean.getBoolean(REQUIRE_APPROVED_PROPERTY))
                .sharedData(Path.of(System.getProperty(SHARED_DATA_PROPERTY, Golden.DEFAULT_SHARED_DATA)));
        context.getStore(NS).put(KEY, g);
        return g;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Golden g = context.getStore(NS).get(KEY, Golden.class);
        if (context.getExecutionException().isPresent()) {
            return;
        }
        if (g == null) {
            throw new AssertionError("@GoldenTest " + context.getRequiredTestMethod().getName()
                    + " takes a Golden parameter and calls golden.verify(GoldenRun)");
        }
        if (g.outcome() == null) {
            throw new AssertionError("@GoldenTest " + g.name() + " never called golden.verify(GoldenRun)");
        }
        context.publishReportEntry("golden", g.name() + ": " + g.outcome() + " (" + g.approved() + ")");
        if (g.outcome() == Golden.Outcome.CREATED) {
            System.out.println("golden " + g.name() + ": created " + g.approved() + " (review and commit it)");
        } else if (g.outcome() == Golden.Outcome.BLESSED) {
            System.out.println("golden " + g.name() + ": blessed " + g.approved() + "; it was: " + g.blessedChange());
        }
    }

    /**
     * Whether {@code property} (comma-separated golden names, as given to {@value #BLESS_PROPERTY}) names
     * {@code name}. Only exact names: there is no wildcard, so every blessed golden was named.
     */
    static boolean blessed(String property, String name) {
        if (property == null || property.isBlank()) {
            return false;
        }
        return Arrays.stream(property.split(",")).map(String::trim).anyMatch(name::equals);
    }
}

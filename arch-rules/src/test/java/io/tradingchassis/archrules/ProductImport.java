package io.tradingchassis.archrules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * What the rules look at. Every rule class analyses {@value #ROOT} with {@link ImportOption.DoNotIncludeTests}
 * and {@link ExcludeFixtures}: the product modules' main classes (jars or {@code target/classes}), never
 * test classes or the fixtures that exist to break the rules.
 *
 * <p>Every rule is built by a factory that takes the root package, so the same rule runs on the
 * product ({@value #ROOT}) and on the fixture tree ({@value #FIXTURES_ROOT}), which mirrors the
 * product's package layout ({@code core.strategy}, {@code runtime.venue}, …).
 */
public final class ProductImport {

    /** Root package of every product module. */
    public static final String ROOT = "io.tradingchassis";

    /** Root of the fixture tree: small classes that break each rule on purpose. */
    public static final String FIXTURES_ROOT = "io.tradingchassis.archrules.fixtures";

    /** Product classes the import must find (sweep's too: its Spark rule needs it), so no rule can pass on an empty import. */
    static final String[] SENTINELS = {
        "io.tradingchassis.core.step.CoreEngine",
        "io.tradingchassis.core.event.BookDelta",
        "io.tradingchassis.sweep.SweepJob",
    };

    private static JavaClasses fixtures;

    private ProductImport() {
    }

    /** Keeps the fixture classes out of the product import, whatever the other options decide. */
    public static final class ExcludeFixtures implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/io/tradingchassis/archrules/fixtures/");
        }
    }

    /** The fixture tree, imported once (tests included: fixtures live in the test output). */
    public static synchronized JavaClasses fixtures() {
        if (fixtures == null) {
            fixtures = new ClassFileImporter().importPackages(FIXTURES_ROOT);
        }
        return fixtures;
    }

    /** Fails unless {@code classes} holds the product sentinels and nothing from arch-rules. */
    public static void assertImportsProduct(JavaClasses classes) {
        for (String sentinel : SENTINELS) {
            assertTrue(classes.contain(sentinel), "the product import lacks " + sentinel
                    + ": rules would pass vacuously (is tradingchassis-core on the test classpath?)");
        }
        assertTrue(classes.stream().noneMatch(c -> c.getPackageName().startsWith("io.tradingchassis.archrules")),
                "the product import contains arch-rules classes (fixtures must be excluded)");
    }

    /**
     * Evaluates {@code rule} on the fixture tree and asserts it reports a violation naming each of
     * {@code offenders} (fully qualified names or any text the report must contain) and none of
     * {@code innocents}. Returns the report for further checks.
     */
    public static String assertBites(ArchRule rule, String[] offenders, String... innocents) {
        EvaluationResult result = rule.evaluate(fixtures());
        // The details only: the header repeats the rule text, which may name exempt classes.
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertTrue(result.hasViolation(), "rule reported nothing on its fixtures: " + rule.getDescription());
        for (String offender : offenders) {
            assertTrue(report.contains(offender), "report does not name " + offender + ":\n" + report);
        }
        for (String innocent : innocents) {
            assertTrue(!report.contains(innocent), "report wrongly names " + innocent + ":\n" + report);
        }
        return report;
    }

    /** Shorthand for one offender and no innocents. */
    public static String assertBites(ArchRule rule, String offender) {
        return assertBites(rule, new String[] {offender});
    }

    /** Fully qualified name of a fixture class given its name relative to {@link #FIXTURES_ROOT}. */
    public static String fixture(String relativeName) {
        return FIXTURES_ROOT + "." + relativeName;
    }
}

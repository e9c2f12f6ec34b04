package io.tradingchassis.archrules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.THROW_GENERIC_EXCEPTIONS;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * General coding rules from ArchUnit's {@code GeneralCodingRules}, scoped to the core and the runtime
 * (the replay CLI legitimately writes to standard output).
 */
@AnalyzeClasses(packages = ProductImport.ROOT,
        importOptions = {ImportOption.DoNotIncludeTests.class, ProductImport.ExcludeFixtures.class})
public final class CodingRules {

    @ArchTest
    static final ArchRule no_standard_streams_in_core_or_runtime = noStandardStreamsInCoreOrRuntime(ProductImport.ROOT);

    @ArchTest
    static final ArchRule no_generic_exceptions_in_core_or_runtime =
            noGenericExceptionsInCoreOrRuntime(ProductImport.ROOT);

    /** The import is the product, not nothing: these rules cannot pass vacuously. */
    @ArchTest
    static void imports_the_product(JavaClasses classes) {
        ProductImport.assertImportsProduct(classes);
    }

    private CodingRules() {
    }

    /** No System.out, System.err, System.in or printStackTrace() in {@code root.core} and {@code root.runtime}. */
    static ArchRule noStandardStreamsInCoreOrRuntime(String root) {
        return noClasses().that().resideInAnyPackage(root + ".core..", root + ".runtime..")
                .should(ACCESS_STANDARD_STREAMS)
                .because("SPEC §5, §13 (STYLE habit 5): the core reports through StepResult and exceptions "
                        + "naming the invariant, position and values, and the runtime through its recorder "
                        + "and outputs; console output is invisible to replay and a hidden side effect (D3)");
    }

    /** No {@code new Throwable/Exception/RuntimeException} in {@code root.core} and {@code root.runtime}. */
    static ArchRule noGenericExceptionsInCoreOrRuntime(String root) {
        return noClasses().that().resideInAnyPackage(root + ".core..", root + ".runtime..")
                .should(THROW_GENERIC_EXCEPTIONS)
                .because("SPEC §5, §11 (STYLE habit 5): an invariant violation throws InvariantViolation "
                        + "naming the invariant, position and values, bad input a specific exception "
                        + "(IllegalArgumentException, ConfigurationException); a bare Exception or "
                        + "RuntimeException says nothing a person can act on");
    }
}

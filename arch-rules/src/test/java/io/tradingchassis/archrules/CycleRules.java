package io.tradingchassis.archrules;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/**
 * No package cycles. Every package under the root is its own slice, so this covers cycles inside
 * each module and across modules alike.
 */
@AnalyzeClasses(packages = ProductImport.ROOT,
        importOptions = {ImportOption.DoNotIncludeTests.class, ProductImport.ExcludeFixtures.class})
public final class CycleRules {

    @ArchTest
    static final ArchRule no_package_cycles = noPackageCycles(ProductImport.ROOT);

    /** The import is the product, not nothing: these rules cannot pass vacuously. */
    @ArchTest
    static void imports_the_product(JavaClasses classes) {
        ProductImport.assertImportsProduct(classes);
    }

    private CycleRules() {
    }

    /** Every package under {@code root} is a slice; the slices are free of cycles. */
    static ArchRule noPackageCycles(String root) {
        return SlicesRuleDefinition.slices().matching(root + ".(**)")
                .should().beFreeOfCycles()
                .because("SPEC §5: the processing step is a pipeline of stages (intake, derivation, strategy, "
                        + "risk, queue, outputs) and the modules a stack (core, runtime, replay); a package "
                        + "cycle lets a lower layer reach back into a higher one and hides the direction");
    }
}

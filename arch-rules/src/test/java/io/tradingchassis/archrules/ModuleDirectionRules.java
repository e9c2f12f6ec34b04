package io.tradingchassis.archrules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Which module may depend on which. The modules share the root package, so a module is its
 * top-level package under the root: {@code core}, {@code runtime}, {@code replay} (the product),
 * {@code sweep} (parameter sweeps on Spark, on top of the product) and {@code bench}, {@code golden},
 * {@code properties}, {@code archrules} (the checkers).
 *
 * <p>Spark's layout (issue 12): Spark, Scala and Hadoop are used by the {@code sweep} module only, and no
 * product module depends on {@code sweep}, so Spark never reaches the classes of {@code core},
 * {@code runtime} or the {@code tc} jar. {@code TcJarLayoutIT} checks the built {@code tc.jar} itself.
 */
@AnalyzeClasses(packages = ProductImport.ROOT,
        importOptions = {ImportOption.DoNotIncludeTests.class, ProductImport.ExcludeFixtures.class})
public final class ModuleDirectionRules {

    /** Packages of Spark and what it brings (Scala, Hadoop); declared before the rules that use it. */
    static final String[] SPARK_PACKAGES = {"org.apache.spark..", "scala..", "org.apache.hadoop.."};

    @ArchTest
    static final ArchRule core_depends_on_no_other_module = coreDependsOnNoOtherModule(ProductImport.ROOT);

    @ArchTest
    static final ArchRule runtime_does_not_depend_on_replay = runtimeDoesNotDependOnReplay(ProductImport.ROOT);

    @ArchTest
    static final ArchRule product_does_not_depend_on_checkers = productDoesNotDependOnCheckers(ProductImport.ROOT);

    @ArchTest
    static final ArchRule product_does_not_depend_on_sweep = productDoesNotDependOnSweep(ProductImport.ROOT);

    @ArchTest
    static final ArchRule only_the_sweep_module_uses_spark = onlyTheSweepModuleUsesSpark(ProductImport.ROOT);

    /** The import is the product, not nothing: these rules cannot pass vacuously. */
    @ArchTest
    static void imports_the_product(JavaClasses classes) {
        ProductImport.assertImportsProduct(classes);
    }

    private ModuleDirectionRules() {
    }

    /** {@code root.core} depends on no other module of the product or of the checkers. */
    static ArchRule coreDependsOnNoOtherModule(String root) {
        return noClasses().that().resideInAPackage(root + ".core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        root + ".runtime..", root + ".replay..", root + ".bench..", root + ".golden..",
                        root + ".properties..", root + ".archrules..")
                .because("SPEC §1, §12: the core is State = f(Event Stream, Configuration) and never sees "
                        + "the runtime, the venue or the tools around it; STYLE habit 1: checkers stay off the "
                        + "product's path");
    }

    /** {@code root.runtime} does not depend on {@code root.replay}. */
    static ArchRule runtimeDoesNotDependOnReplay(String root) {
        return noClasses().that().resideInAPackage(root + ".runtime..")
                .should().dependOnClassesThat().resideInAPackage(root + ".replay..")
                .because("SPEC §12, §13: replay and the CLI sit on top of the runtime (replay re-runs the "
                        + "core over a log); the runtime does not know it is being replayed");
    }

    /** No product module ({@code core}, {@code runtime}, {@code replay}) depends on a checker module. */
    static ArchRule productDoesNotDependOnCheckers(String root) {
        return noClasses().that().resideInAnyPackage(root + ".core..", root + ".runtime..", root + ".replay..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        root + ".bench..", root + ".golden..", root + ".properties..", root + ".archrules..")
                .because("SPEC §1 (STYLE habit 1): benchmarks, golden corpora, property tests and "
                        + "architecture rules depend on the product, never the other way round");
    }

    /** No product module ({@code core}, {@code runtime}, {@code replay}) depends on {@code root.sweep}. */
    static ArchRule productDoesNotDependOnSweep(String root) {
        return noClasses().that().resideInAnyPackage(root + ".core..", root + ".runtime..", root + ".replay..")
                .should().dependOnClassesThat().resideInAPackage(root + ".sweep..")
                .because("SPEC §12 (issue 12): a sweep distributes real backtests on Spark and sits on top of the "
                        + "runtime; the product never depends on it, so Spark stays off the tc jar");
    }

    /** Only {@code root.sweep} depends on Spark, Scala or Hadoop classes. */
    static ArchRule onlyTheSweepModuleUsesSpark(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackage(root + ".sweep..")
                .should().dependOnClassesThat().resideInAnyPackage(SPARK_PACKAGES)
                .because("SPEC §12 (issue 12): Spark (277 MiB, 173 jars) is the sweep module's dependency only; "
                        + "core, runtime, replay and the tc jar never see it");
    }
}

package io.tradingchassis.archrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rule classes keep their own conventions: every rule is an {@code @ArchTest static final ArchRule}
 * with a snake_case name and a {@code because("SPEC §…")}, every rule class analyses the product with
 * the same import options, and every rule has a {@code <rule>_bites} test in {@code <RuleClass>Test}
 * (a rule that cannot fail is a defect), with no orphan bite tests.
 */
class RuleCatalogTest {

    static final List<Class<?>> RULE_CLASSES = List.of(ModuleDirectionRules.class, CoreLayerRules.class,
            DeterminismRules.class, ImmutabilityRules.class, CodingRules.class, CycleRules.class);

    @Test
    void every_rule_is_named_explained_and_bitten() throws ClassNotFoundException {
        for (Class<?> rules : RULE_CLASSES) {
            Set<String> ruleNames = new TreeSet<>();
            for (Field f : rules.getDeclaredFields()) {
                if (!ArchRule.class.isAssignableFrom(f.getType())) {
                    continue;
                }
                String where = rules.getSimpleName() + "." + f.getName();
                assertTrue(f.isAnnotationPresent(ArchTest.class), where + " lacks @ArchTest");
                assertTrue(Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers()),
                        where + " is not static final");
                assertTrue(f.getName().matches("[a-z][a-z0-9]*(_[a-z0-9]+)+"), where + " is not snake_case");
                f.setAccessible(true);
                ArchRule rule = readRule(f);
                assertTrue(rule.getDescription().contains("because SPEC §"),
                        where + " does not explain itself with because(\"SPEC §…\"): " + rule.getDescription());
                ruleNames.add(f.getName());
            }
            assertTrue(!ruleNames.isEmpty(), rules.getSimpleName() + " holds no rule");

            Class<?> test = Class.forName(rules.getName() + "Test");
            Set<String> bitten = Arrays.stream(test.getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(Test.class))
                    .map(Method::getName)
                    .filter(n -> n.endsWith("_bites"))
                    .map(n -> n.substring(0, n.length() - "_bites".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(ruleNames, bitten, "rules of " + rules.getSimpleName() + " vs _bites tests in "
                    + test.getSimpleName());
        }
    }

    @Test
    void every_rule_class_analyses_the_product_without_tests_or_fixtures() {
        for (Class<?> rules : RULE_CLASSES) {
            AnalyzeClasses a = rules.getAnnotation(AnalyzeClasses.class);
            assertTrue(a != null, rules.getSimpleName() + " lacks @AnalyzeClasses");
            assertEquals(List.of(ProductImport.ROOT), List.of(a.packages()), rules.getSimpleName());
            assertEquals(Set.of(ImportOption.DoNotIncludeTests.class,
                            ProductImport.ExcludeFixtures.class),
                    Set.of(a.importOptions()), rules.getSimpleName());
        }
    }

    private static ArchRule readRule(Field f) {
        try {
            return (ArchRule) f.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError("cannot read " + f, e);
        }
    }
}

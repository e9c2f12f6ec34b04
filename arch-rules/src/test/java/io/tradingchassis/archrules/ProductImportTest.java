package io.tradingchassis.archrules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The import the rule classes declare finds the product and only the product, and the fixture import
 * finds the fixtures: neither the rules nor their bite tests can pass on an empty import.
 */
class ProductImportTest {

    @Test
    void product_import_holds_core_classes_and_no_fixtures() {
        JavaClasses product = new ClassFileImporter()
                .withImportOptions(List.of(new ImportOption.DoNotIncludeTests(), new ProductImport.ExcludeFixtures()))
                .importPackages(ProductImport.ROOT);
        ProductImport.assertImportsProduct(product);
        assertFalse(product.contain(ProductImport.fixture("core.ClockReader")));
    }

    @Test
    void fixture_import_holds_the_fixtures() {
        JavaClasses fixtures = ProductImport.fixtures();
        assertTrue(fixtures.contain(ProductImport.fixture("core.ClockReader")));
        assertTrue(fixtures.contain(ProductImport.fixture("cycles.a.Alpha")));
        assertTrue(fixtures.stream().noneMatch(c -> c.getPackageName().startsWith("io.tradingchassis.core")),
                "the fixture import reaches into the product");
    }

    @Test
    void exclude_fixtures_option_drops_the_fixture_tree() {
        JavaClasses filtered = new ClassFileImporter()
                .withImportOption(new ProductImport.ExcludeFixtures())
                .importPackages(ProductImport.FIXTURES_ROOT);
        assertTrue(filtered.stream().noneMatch(c -> c.getPackageName().startsWith(ProductImport.FIXTURES_ROOT)),
                "ExcludeFixtures let fixture classes through");
    }
}

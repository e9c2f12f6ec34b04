package io.tradingchassis.golden.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code @GoldenTest} through JUnit itself: the extension resolves the {@link Golden} parameter with the
 * annotation's name (or the method's) and folder, and the test passes when the recording matches (or is
 * new). The folder is under target/, so a clean build starts with no approved golden here.
 */
class GoldenTestAnnotationTest {
    static final String DIR = "target/golden-annotation-test";

    static GoldenRun ioc() {
        return GoldenRun.scenario(Path.of(System.getProperty("basedir", "."), "scenarios", "ioc-expiry.json"));
    }

    @GoldenTest(value = "annotated-ioc", dir = DIR)
    void theAnnotationNamesTheGoldenAndItsFolder(Golden golden) throws IOException {
        assertEquals("annotated-ioc", golden.name());
        assertEquals(Path.of(DIR, "annotated-ioc.tcgl.yaml"), golden.approved());
        assertNotEquals(Golden.Outcome.BLESSED, golden.verify(ioc()));
    }

    @GoldenTest(dir = DIR)
    void withoutANameTheMethodNameIsTheGoldenName(Golden golden) throws IOException {
        assertEquals("withoutANameTheMethodNameIsTheGoldenName", golden.name());
        golden.verify(ioc());
    }
}

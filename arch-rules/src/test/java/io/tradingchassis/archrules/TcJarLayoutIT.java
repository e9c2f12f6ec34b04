package io.tradingchassis.archrules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The built {@code tc} jar (replay's shaded jar: core, runtime, replay and every library they need at
 * runtime) holds no Spark, Scala or Hadoop class (issue 12: Spark lives in {@code sweep/} only). The
 * ArchUnit rules in {@link ModuleDirectionRules} hold the code; this holds the class path, which a
 * dependency could change without any class of ours naming Spark. Runs after {@code package} (the
 * {@code integration-test} phase of this module), when {@code replay/target/tc.jar} exists.
 */
class TcJarLayoutIT {

    /** Entry prefixes of {@link ModuleDirectionRules#SPARK_PACKAGES}. */
    private static final String[] FORBIDDEN = {"org/apache/spark/", "scala/", "org/apache/hadoop/"};

    @Test
    void tc_jar_holds_no_spark_scala_or_hadoop_class() throws IOException {
        Path jar = Path.of("..", "replay", "target", "tc.jar");
        assertTrue(Files.isRegularFile(jar), jar.toAbsolutePath() + " is missing: build with mvn package first");
        List<String> offending = new ArrayList<>();
        int classes = 0;
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry e : Collections.list(file.entries())) {
                if (!e.getName().endsWith(".class")) {
                    continue;
                }
                classes++;
                for (String prefix : FORBIDDEN) {
                    if (e.getName().startsWith(prefix) && offending.size() < 10) {
                        offending.add(e.getName());
                    }
                }
            }
        }
        assertTrue(classes > 1000, jar + " holds only " + classes + " classes: not the shaded tc jar");
        assertTrue(offending.isEmpty(), jar + " holds Spark/Scala/Hadoop classes, e.g. " + offending);
    }

    @Test
    void forbidden_prefixes_match_the_rules_packages() {
        List<String> fromRules = new ArrayList<>();
        for (String p : ModuleDirectionRules.SPARK_PACKAGES) {
            fromRules.add(p.substring(0, p.length() - 2).replace('.', '/') + "/");
        }
        assertTrue(fromRules.equals(List.of(FORBIDDEN)), "FORBIDDEN " + List.of(FORBIDDEN) + " vs rules " + fromRules);
    }
}

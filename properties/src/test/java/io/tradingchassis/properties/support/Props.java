package io.tradingchassis.properties.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import org.quicktheories.QuickTheory;

/**
 * The one way every property gets its QuickTheories runner: a fixed seed per property (printed, so
 * CI is deterministic and a failure names what re-runs it), an example count scaled by
 * {@code tc.properties.scale} (1 in {@code mvn verify}, 100 in the {@code properties-release}
 * profile), and a line per property in {@code target/properties-examples.txt} (what the README's table
 * is built from).
 *
 * <p>Seeds: {@code -Dtc.properties.seed=fixed} (default) uses each property's own constant;
 * {@code fresh} draws one per property per run; a number re-runs exactly that seed.
 */
public final class Props {
    /** Base of every fixed seed; each property mixes in its name. */
    static final long BASE_SEED = 0x7C_2026_0010L;

    private Props() {
    }

    /** Examples scale factor ({@code tc.properties.scale}, default 1). */
    public static int scale() {
        return Integer.parseInt(System.getProperty("tc.properties.scale", "1").trim());
    }

    /** The seed for {@code property}, per {@code tc.properties.seed}. */
    public static long seed(String property) {
        String s = System.getProperty("tc.properties.seed", "fixed").trim();
        if (s.equals("fixed") || s.isEmpty()) {
            return BASE_SEED ^ ((long) property.hashCode() << 16); // String.hashCode is specified: same in every JVM
        }
        if (s.equals("fresh")) {
            return ThreadLocalRandom.current().nextLong(); // release runs only; printed below
        }
        return Long.parseLong(s);
    }

    /**
     * A runner for {@code property} with {@code baseExamples} × scale examples and its seed, printed.
     * Shrinking is bounded so a failure of a slow property still reports in minutes.
     */
    public static QuickTheory qt(String property, int baseExamples) {
        long seed = seed(property);
        int examples = Math.max(1, baseExamples * scale());
        String line = property + " seed=" + seed + " examples=" + examples;
        System.out.println("[property] " + line + "  (re-run: -Dtc.properties.seed=" + seed + ")");
        record(line);
        return QuickTheory.qt().withFixedSeed(seed).withExamples(examples).withShrinkCycles(200)
                .withGenerateAttempts(10_000);
    }

    /** Where the module writes what it produces: {@code target/} (surefire sets {@code tc.properties.out}). */
    public static Path outDir() {
        return Path.of(System.getProperty("tc.properties.out", "target"));
    }

    private static synchronized void record(String line) {
        try {
            Path f = outDir().resolve("properties-examples.txt");
            Files.createDirectories(f.getParent());
            Files.writeString(f, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

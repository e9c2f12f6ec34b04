package io.tradingchassis.properties.support;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.runtime.dataset.DatasetHeader;
import io.tradingchassis.runtime.dataset.DatasetReader;
import io.tradingchassis.runtime.dataset.DatasetWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A failing example on disk: the stream in the dataset format ({@code .tcds}, written by the runtime's
 * {@link DatasetWriter}, so {@code DatasetReader} and later {@code tc replay} read it), its
 * configuration ({@code .json}) and what failed ({@code .txt}), under
 * {@code target/properties-failures/}. {@link RefoldTest} refolds such a file with the core alone.
 */
public final class StreamFiles {
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private StreamFiles() {
    }

    /** The folder failing examples go to. */
    public static Path failureDir() {
        return Props.outDir().resolve("properties-failures");
    }

    /** Writes {@code events} as a dataset at {@code file} (replacing it). */
    public static void writeStream(Path file, CoreConfiguration cfg, List<Event> events) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String symbol = cfg.instruments().isEmpty() ? "NONE" : cfg.instruments().get(0).symbol();
        BigDecimal tick = cfg.instruments().isEmpty() ? BigDecimal.ONE : cfg.instruments().get(0).tickSize();
        BigDecimal lot = cfg.instruments().isEmpty() ? BigDecimal.ONE : cfg.instruments().get(0).lotSize();
        DatasetHeader h = DatasetHeader.of("tradingchassis", "properties", symbol, tick, lot, List.of());
        try (DatasetWriter w = DatasetWriter.create(file, h, true)) {
            for (Event e : events) {
                w.append(e);
            }
            w.commit();
        }
    }

    /** Reads a stream written by {@link #writeStream}. */
    public static List<Event> readStream(Path file) throws IOException {
        List<Event> out = new ArrayList<>();
        DatasetReader.forEach(file, out::add);
        return out;
    }

    /**
     * Records a failing example of {@code property}: {@code <property>.tcds}, {@code .json} and
     * {@code .txt} (the seed, the failure and how to re-run). The files of a property are overwritten
     * by each failure QuickTheories sees while shrinking, so they end holding the last (smallest) one.
     */
    public static void recordFailure(String property, Scenario s, Throwable failure) {
        try {
            Path dir = failureDir();
            Files.createDirectories(dir);
            CoreConfiguration cfg = s.configuration();
            writeStream(dir.resolve(property + ".tcds"), cfg, s.events());
            Files.writeString(dir.resolve(property + ".json"), s.configJson(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(property + ".txt"), "property " + property + "\nseed "
                    + Props.seed(property) + "\nentries " + s.size() + "\nfailure " + failure
                    + "\nre-run the property: mvn -B -o verify -pl properties -Dtest=<class>#" + property
                    + " -Dtc.properties.seed=" + Props.seed(property)
                    + "\nrefold the stream alone: mvn -B -o verify -pl properties -Dtest=RefoldTest"
                    + " -Dtc.properties.refold=" + dir.resolve(property + ".tcds").toAbsolutePath() + "\n",
                    StandardCharsets.UTF_8);
            if (REPORTED.add(property)) {
                System.out.println("[property] " + property + ": failing example (the last one seen while shrinking)"
                        + " written to " + dir.resolve(property + ".tcds").toAbsolutePath());
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("[property] " + property + ": could not write the failing example: " + e);
        }
    }

    /** Runs {@code check} on {@code s}; on any failure writes the example (see {@link #recordFailure}) and rethrows. */
    public static void capturing(String property, Scenario s, Runnable check) {
        try {
            check.run();
        } catch (Throwable t) {
            recordFailure(property, s, t);
            throw t;
        }
    }
}

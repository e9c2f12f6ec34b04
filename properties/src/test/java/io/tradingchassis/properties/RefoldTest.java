package io.tradingchassis.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.properties.gen.RunSpec;
import io.tradingchassis.properties.support.Fold;
import io.tradingchassis.properties.support.Props;
import io.tradingchassis.properties.support.Runs;
import io.tradingchassis.properties.support.Scenario;
import io.tradingchassis.properties.support.SecondJvmFold;
import io.tradingchassis.properties.support.StreamFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The failing-example files: a stream written the way a failing property writes it reads back and
 * refolds to the same State at every position. With {@code -Dtc.properties.refold=FILE.tcds} it also
 * refolds that file (with the {@code .json} beside it) and prints every step: how a counterexample
 * from {@code target/properties-failures/} is re-run on its own.
 */
class RefoldTest {

    @Test
    void aWrittenStreamReadsBackAndRefoldsToTheSameStates() throws Exception {
        Props.qt("refold_roundtrip", 5).forAll(RunSpec.runs(20, 80, 8)).checkAssert(spec -> {
            try {
                Scenario s = Runs.run(spec).scenario();
                Path file = Props.outDir().resolve("refold-roundtrip.tcds");
                StreamFiles.writeStream(file, s.configuration(), s.events());
                List<Event> back = StreamFiles.readStream(file);
                assertEquals(s.events(), back, "every event, through the dataset codec");
                assertEquals(Fold.fold(s.events(), s.configuration(), s.catalog()).digests(),
                        Fold.fold(back, s.configuration(), s.catalog()).digests());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        String requested = System.getProperty("tc.properties.refold", "").trim();
        if (!requested.isEmpty()) {
            Path stream = Path.of(requested);
            Path json = Path.of(requested.replaceAll("\\.tcds$", ".json"));
            String text = Files.readString(json, StandardCharsets.UTF_8);
            CoreConfiguration cfg = CoreConfiguration.parse(text, json.toString(), SecondJvmFold.catalogFor(text));
            List<Event> events = StreamFiles.readStream(stream);
            Fold.Folded f = Fold.fold(events, cfg, SecondJvmFold.catalogFor(text));
            for (int i = 0; i < events.size(); i++) {
                System.out.println(i + " " + events.get(i));
                System.out.println("    " + f.results().get(i) + "  " + f.digests().get(i));
            }
        }
    }
}

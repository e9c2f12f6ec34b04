package io.tradingchassis.properties.support;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.strategy.StrategyCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * Folds a stream file with the core alone and prints one line: the SHA-256 over every step's State
 * digest and full result rendering, in order. Run in a second JVM by the E5/D1 property
 * ({@code java -cp <test class path> ...SecondJvmFold CONFIG.json STREAM.tcds}).
 */
public final class SecondJvmFold {
    private SecondJvmFold() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        String json = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        List<Event> events = StreamFiles.readStream(Path.of(args[1]));
        StrategyCatalog catalog = catalogFor(json);
        Fold.Folded f = Fold.fold(events, CoreConfiguration.parse(json, args[0], catalog), catalog);
        System.out.println(trace(f));
    }

    /** The catalog a scenario's configuration needs (the built-ins, or the gated suite strategy). */
    public static StrategyCatalog catalogFor(String json) {
        return json.contains("\"" + SuiteStrategies.GATED + "\"") ? SuiteStrategies.gated() : StrategyCatalog.builtIn();
    }

    /** SHA-256 hex over every step's digest and result rendering. */
    public static String trace(Fold.Folded f) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < f.digests().size(); i++) {
            md.update(f.digests().get(i).getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
            md.update(f.results().get(i).getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
        }
        return HexFormat.of().formatHex(md.digest());
    }
}

package io.tradingchassis.runtime.binance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The Binance recordings in {@code <shared>/data/binance} (read in place, never copied into the
 * repository), where {@code <shared>} is the system property {@code tc.shared.dir} that surefire sets.
 */
final class SharedData {

    static final String SPOT_BTC_0808 = "spot-btcusdt_20240808.gz";
    static final String SPOT_BTC_0809 = "spot-btcusdt_20240809.gz";
    static final String SPOT_ETH_0808 = "spot-ethusdt_20240808.gz";
    static final String USDM_BTC_0808 = "usdm-btcusdt_20240808.gz";

    private SharedData() {
    }

    /** {@code <shared>/data/binance/<name>}; fails with a clear message when the property or the file is missing. */
    static Path binance(String name) {
        String shared = System.getProperty("tc.shared.dir");
        if (shared == null || shared.isBlank()) {
            throw new IllegalStateException("system property tc.shared.dir is not set: run the tests through Maven "
                    + "(surefire sets it to ../shared beside the checkout) or pass -Dtc.shared.dir=/path/to/shared");
        }
        Path file = Paths.get(shared, "data", "binance", name).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Binance recording not found: " + file + " (tc.shared.dir=" + shared
                    + "); the shared data directory must sit beside the checkout");
        }
        return file;
    }

    /** The decompressed lines of a recording. */
    static List<String> lines(Path gz) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String l : text.split("\n", -1)) {
                if (!l.isEmpty()) {
                    out.add(l);
                }
            }
        }
        return out;
    }

    /** Writes {@code lines} gzipped, each followed by a newline. */
    static Path gzip(Path file, List<String> lines) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            for (String l : lines) {
                out.write(l.getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            }
        }
        Files.write(file, bytes.toByteArray());
        return file;
    }
}

package io.tradingchassis.runtime.binance;

import io.tradingchassis.runtime.dataset.Dataset;
import io.tradingchassis.runtime.dataset.DatasetHeader;
import io.tradingchassis.runtime.dataset.DatasetSource;
import io.tradingchassis.runtime.dataset.DatasetWriter;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Imports Binance recordings into a dataset in one streaming pass: each gzipped file is read once (its
 * SHA-256 computed on the way), its lines become events ({@link BinanceRecordingAdapter}) that go
 * straight to a {@link DatasetWriter}. The dataset appears at its path only when the whole import
 * succeeded; on any error nothing is left behind.
 */
public final class BinanceImport {

    /** The venue a dataset header names. */
    public static final String VENUE = "binance";

    private static final String PLACEHOLDER_SHA256 = "0".repeat(64);
    private static final int READ_BUFFER_BYTES = 64 * 1024;

    private BinanceImport() {
    }

    /** The outcome: the report, the committed header, the dataset's id and size. */
    public record Result(BinanceImportReport report, DatasetHeader header, String datasetId, long datasetBytes) {
    }

    /**
     * Imports {@code options.files()} into a new dataset at {@code out}.
     *
     * @param replaceExisting whether an existing {@code out} may be replaced
     * @throws BinanceImportException for input that cannot be imported (named by file and line)
     * @throws java.nio.file.FileAlreadyExistsException when {@code out} exists and may not be replaced
     * @throws IOException when the dataset cannot be written
     */
    public static Result run(BinanceImportOptions options, Path out, boolean replaceExisting, ImportProgress progress)
            throws IOException {
        long total = 0;
        List<DatasetSource> placeholders = new ArrayList<>();
        for (Path f : options.files()) {
            total += checkReadable(f);
            placeholders.add(new DatasetSource(f.getFileName().toString(), PLACEHOLDER_SHA256));
        }
        DatasetHeader header = DatasetHeader.of(VENUE, options.market().id(), options.symbol(),
                options.sizes().tickSize(), options.sizes().lotSize(), placeholders);
        try (DatasetWriter writer = DatasetWriter.create(out, header, replaceExisting)) {
            BinanceRecordingAdapter adapter = new BinanceRecordingAdapter(options, writer::append);
            List<DatasetSource> sources = new ArrayList<>();
            long before = 0;
            for (Path f : options.files()) {
                String sha = readOne(adapter, f, before, total, progress);
                sources.add(new DatasetSource(f.getFileName().toString(), sha));
                before += Files.size(f);
            }
            BinanceImportReport report = adapter.finish();
            DatasetHeader committed = writer.commit(header.withSources(sources));
            progress.onProgress(options.files().get(options.files().size() - 1).toString(), total, total);
            return new Result(report, committed, Dataset.id(out), Files.size(out));
        }
    }

    /** Reads one recording into the adapter; returns the SHA-256 of its bytes. */
    private static String readOne(BinanceRecordingAdapter adapter, Path f, long before, long total,
                                  ImportProgress progress) throws IOException {
        String name = f.toString();
        MessageDigest sha = Dataset.sha256();
        InputStream raw;
        try {
            raw = Files.newInputStream(f);
        } catch (IOException e) {
            throw unreadable(f, e);
        }
        try (CountingStream counted = new CountingStream(new DigestInputStream(
                new BufferedInputStream(raw, READ_BUFFER_BYTES), sha))) {
            GZIPInputStream gz;
            try {
                gz = new GZIPInputStream(counted, READ_BUFFER_BYTES);
            } catch (ZipException e) {
                throw new BinanceImportException(name + ": not a gzip file (" + e.getMessage() + ")");
            } catch (EOFException e) {
                throw new BinanceImportException(name + ": not a gzip file (it ends inside the gzip header after "
                        + counted.count + " bytes)");
            } catch (IOException e) {
                throw unreadable(f, e);
            }
            adapter.read(name, gz, () -> progress.onProgress(name, before + counted.count, total));
            try {
                // The gzip reader may stop before the file's last bytes (padding after the last member):
                // they are part of the file, and of its digest.
                byte[] rest = new byte[READ_BUFFER_BYTES];
                while (counted.read(rest) >= 0) {
                    // drained into the digest
                }
            } catch (IOException e) {
                throw unreadable(f, e);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static long checkReadable(Path f) {
        if (Files.isDirectory(f)) {
            throw new BinanceImportException(f + ": is a directory, not a recording");
        }
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw unreadable(f, e);
        }
    }

    private static BinanceImportException unreadable(Path f, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new BinanceImportException(f + ": no such file");
        }
        if (e instanceof AccessDeniedException) {
            return new BinanceImportException(f + ": permission denied");
        }
        return new BinanceImportException(f + ": cannot read: " + e.getMessage());
    }

    /** Counts the bytes read through it (for progress). */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        /** Reads rather than skips, so the digest below sees every byte. */
        @Override
        public long skip(long n) throws IOException {
            byte[] b = new byte[(int) Math.min(n, 8192)];
            long skipped = 0;
            while (skipped < n) {
                int k = read(b, 0, (int) Math.min(b.length, n - skipped));
                if (k < 0) {
                    break;
                }
                skipped += k;
            }
            return skipped;
        }
    }
}

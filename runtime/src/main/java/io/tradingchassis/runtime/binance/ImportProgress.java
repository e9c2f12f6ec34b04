package io.tradingchassis.runtime.binance;

/** Progress of an import, reported every few thousand lines: compressed bytes read of all the files. */
@FunctionalInterface
public interface ImportProgress {

    /** Reports nothing. */
    ImportProgress NONE = (file, bytesRead, bytesTotal) -> { };

    /**
     * @param file       the file being read, as it was named
     * @param bytesRead  compressed bytes read so far, over all files
     * @param bytesTotal compressed bytes of all files
     */
    void onProgress(String file, long bytesRead, long bytesTotal);
}

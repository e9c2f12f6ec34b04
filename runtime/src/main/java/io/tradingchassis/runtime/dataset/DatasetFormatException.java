package io.tradingchassis.runtime.dataset;

/**
 * A dataset file that is not well-formed: not a dataset, an unsupported version, truncated, or corrupt
 * (a checksum or an entry that does not decode). The message is one line naming the file, what is
 * wrong, the byte offset and, where there is one, the index of the entry (0-based).
 */
public final class DatasetFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** {@link #entryIndex()} when the problem is not in an entry (header, trailer). */
    public static final long NO_ENTRY = -1;

    private final String file;
    private final long offset;
    private final long entryIndex;

    DatasetFormatException(String file, String detail, long offset, long entryIndex) {
        super(file + ": " + detail + " at byte offset " + offset + (entryIndex >= 0 ? " (entry " + entryIndex + ")" : ""));
        this.file = file;
        this.offset = offset;
        this.entryIndex = entryIndex;
    }

    /** The file as it was named to the reader. */
    public String file() {
        return file;
    }

    /** The byte offset in the file where the problem is. */
    public long offset() {
        return offset;
    }

    /** The 0-based index of the entry concerned, or {@link #NO_ENTRY}. */
    public long entryIndex() {
        return entryIndex;
    }
}

package io.tradingchassis.runtime.binance;

/**
 * One depth diff message, kept while it waits for a snapshot (before the first one) or for a later
 * snapshot that may need it re-applied (the last {@value BinanceRecordingAdapter#RECENT_DIFFS} applied).
 */
final class DepthDiff {
    final String file;
    final long line;
    final long exchTsNs;
    final long localTsNs;
    /** {@code U}, {@code u}, {@code pu} (futures only). */
    final long firstId;
    final long lastId;
    final long prevId;
    final long[] bidPrices;
    final long[] bidQtys;
    final long[] askPrices;
    final long[] askQtys;
    /** Whether it was applied once already (then a re-application does not count it again). */
    boolean applied;

    DepthDiff(String file, long line, long exchTsNs, long localTsNs, RecordedMessage m) {
        this.file = file;
        this.line = line;
        this.exchTsNs = exchTsNs;
        this.localTsNs = localTsNs;
        this.firstId = m.firstUpdateId;
        this.lastId = m.lastUpdateIdInEvent;
        this.prevId = m.prevUpdateId;
        this.bidPrices = m.bidPrices.toArray();
        this.bidQtys = m.bidQtys.toArray();
        this.askPrices = m.askPrices.toArray();
        this.askQtys = m.askQtys.toArray();
    }
}

package io.tradingchassis.runtime.binance;

/**
 * Input the importer cannot turn into a dataset: a missing or unreadable file, a truncated gzip, a
 * malformed line, a price or quantity off the tick/lot grid, a message of another symbol, a recording
 * without a depth snapshot, options that do not fit. The message is one line that names the file and,
 * where there is one, the line: {@code spot-btcusdt_20240808.gz:1234: …}.
 */
public final class BinanceImportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one line, starting with the file (and line) it is about */
    public BinanceImportException(String message) {
        super(message);
    }
}

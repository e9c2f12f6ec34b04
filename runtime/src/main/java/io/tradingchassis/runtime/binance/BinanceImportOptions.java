package io.tradingchassis.runtime.binance;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What to import: the recordings, in the order their rows form one stream, and the instrument.
 *
 * @param files  gzipped recordings; a later file continues the book and the update-id chain of the one
 *               before it
 * @param symbol the Binance symbol, upper case ({@code BTCUSDT}); every message must be of it
 * @param market spot or USD-M futures
 * @param sizes  tick and lot size ({@link InstrumentSizes#known} for the built-in symbols)
 */
public record BinanceImportOptions(List<Path> files, String symbol, BinanceMarket market, InstrumentSizes sizes) {

    /** Validates: at least one file, no file twice, a symbol of letters and digits (upper-cased here). */
    public BinanceImportOptions {
        files = List.copyOf(Objects.requireNonNull(files, "files"));
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(sizes, "sizes");
        if (files.isEmpty()) {
            throw new BinanceImportException("no recording to import: give at least one file");
        }
        for (int i = 0; i < files.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (files.get(i).toAbsolutePath().normalize().equals(files.get(j).toAbsolutePath().normalize())) {
                    throw new BinanceImportException(files.get(i) + ": given twice (files " + (j + 1) + " and "
                            + (i + 1) + "); each recording is read once");
                }
            }
        }
        symbol = symbol.toUpperCase(Locale.ROOT);
        if (!symbol.matches("[A-Z0-9]{1,40}")) {
            throw new BinanceImportException("symbol \"" + symbol + "\" is not a Binance symbol (letters and "
                    + "digits, e.g. BTCUSDT)");
        }
    }
}

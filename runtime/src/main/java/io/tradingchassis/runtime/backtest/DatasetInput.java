package io.tradingchassis.runtime.backtest;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.config.InstrumentSpec;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.runtime.InputSource;
import io.tradingchassis.runtime.dataset.DatasetHeader;
import io.tradingchassis.runtime.dataset.DatasetReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A dataset as the market input of a run, streamed in constant memory. Opening it checks that the
 * dataset is for the configuration's instrument 0 (symbol, tick size and lot size), the index its
 * events carry: prices in ticks mean nothing under another grid.
 */
public final class DatasetInput implements InputSource, AutoCloseable {
    private final Path file;
    private final DatasetReader reader;
    private Event next;

    private DatasetInput(Path file, DatasetReader reader) {
        this.file = file;
        this.reader = reader;
    }

    /**
     * Opens {@code file} for {@code cfg}.
     *
     * @throws IllegalArgumentException naming the file and what does not match the configuration
     */
    public static DatasetInput open(Path file, CoreConfiguration cfg) throws IOException {
        DatasetReader r = DatasetReader.open(file);
        DatasetHeader h = r.header();
        if (cfg.instruments().isEmpty()) {
            r.close();
            throw new IllegalArgumentException(file + ": the configuration defines no instrument for dataset symbol "
                    + h.symbol());
        }
        InstrumentSpec i = cfg.instruments().get(0);
        if (!i.symbol().equals(h.symbol()) || i.tickSize().compareTo(new BigDecimal(h.tickSize())) != 0
                || i.lotSize().compareTo(new BigDecimal(h.lotSize())) != 0) {
            r.close();
            throw new IllegalArgumentException(file + ": dataset is " + h.symbol() + " (tick " + h.tickSize() + ", lot "
                    + h.lotSize() + ") but the configuration's instruments[0] is " + i.symbol() + " (tick "
                    + i.tickSize().toPlainString() + ", lot " + i.lotSize().toPlainString()
                    + "): the events' ticks and lots are only meaningful on the dataset's grid");
        }
        return new DatasetInput(file, r);
    }

    /** Number of events the dataset holds. */
    public long eventCount() {
        return reader.header().eventCount();
    }

    /**
     * Whether {@code other} reads the same dataset file (the same file, the same header) and neither has
     * handed out or looked at an event yet: the two would deliver the same events in the same order.
     */
    public boolean sameUnreadDataset(DatasetInput other) {
        if (next != null || other.next != null || reader.index() != 0 || other.reader.index() != 0
                || !reader.header().equals(other.reader.header())) {
            return false;
        }
        try {
            return Files.isSameFile(file, other.file);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public long peekLocalTsNs() {
        if (next == null && reader.hasNext()) {
            next = reader.next();
        }
        return next == null ? EXHAUSTED : next.localTsNs();
    }

    @Override
    public Event poll() {
        peekLocalTsNs();
        Event e = next;
        next = null;
        return e;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}

package io.tradingchassis.runtime.backtest;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.config.InstrumentSpec;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.step.StepResult;
import io.tradingchassis.runtime.Recorder;
import io.tradingchassis.runtime.dataset.DatasetHeader;
import io.tradingchassis.runtime.dataset.DatasetWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Records a run's whole stream — every entry in processing order, market data, records, venue answers
 * and Control-Time events — in the dataset format (the entry's index is its position). Written to a
 * temporary file and moved into place by {@link #commit()}, so a failed run leaves no partial stream.
 * The golden-log store (SPEC §13) will add chained digests and checkpoints on top.
 */
public final class StreamRecorder implements Recorder, AutoCloseable {
    private final DatasetWriter writer;
    private long expected;

    private StreamRecorder(DatasetWriter writer) {
        this.writer = writer;
    }

    /** A recorder writing {@code file} for a run of {@code cfg}. */
    public static StreamRecorder create(Path file, CoreConfiguration cfg) throws IOException {
        InstrumentSpec i = cfg.instruments().get(0);
        DatasetHeader h = DatasetHeader.of("tradingchassis", "run", i.symbol(), i.tickSize(), i.lotSize(), List.of());
        return new StreamRecorder(DatasetWriter.create(file, h, true));
    }

    @Override
    public void onStep(long position, Event event, StepResult result) {
        if (position != expected) {
            throw new IllegalStateException("stream recorder: position " + position + " after " + (expected - 1));
        }
        try {
            writer.append(event);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the stream: " + e.getMessage(), e);
        }
        expected++;
    }

    /** Finishes the file and moves it into place. */
    public void commit() throws IOException {
        writer.commit();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}

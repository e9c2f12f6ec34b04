package io.tradingchassis.bench;

import io.tradingchassis.core.event.Bbo;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.Trade;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The baselines of {@link FoldBench}, over the same pre-decoded events and with the same chunking:
 * {@link #readOnly} reads every event's fields and nothing else; {@link #primitiveBook} keeps a
 * {@link PrimitiveBook} ({@code long[]} ladders) of the stream. The fold's target is a ratio against
 * {@code primitiveBook} measured in the same JMH run.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@State(Scope.Thread)
public class FoldBaselineBench {
    /** The stream read. */
    @Param({BenchStreams.SYNTHETIC, BenchStreams.SPOT_DAY, BenchStreams.USDM_DAY})
    public String stream;

    private Event[] events;
    private PrimitiveBook book;
    private int cursor;

    @Setup(Level.Trial)
    public void load() {
        events = BenchStreams.events(stream);
        book = new PrimitiveBook();
        cursor = 0;
    }

    /** Reads each event's type, time and payload fields. */
    @Benchmark
    @OperationsPerInvocation(FoldBench.CHUNK)
    public long readOnly() {
        Event[] ev = events;
        int c = cursor;
        long acc = 0;
        for (int k = 0; k < FoldBench.CHUNK; k++) {
            if (c == ev.length) {
                c = 0;
            }
            Event e = ev[c++];
            switch (e.type()) {
                case BOOK_DELTA:
                    BookDelta d = (BookDelta) e;
                    acc += d.priceTicks() ^ d.qtyLots() ^ d.side().ordinal();
                    break;
                case TRADE:
                    Trade t = (Trade) e;
                    acc += t.priceTicks() ^ t.qtyLots();
                    break;
                case BBO:
                    Bbo b = (Bbo) e;
                    acc += b.bidTicks() ^ b.askTicks();
                    break;
                default:
                    acc++;
                    break;
            }
            acc += e.localTsNs();
        }
        cursor = c;
        return acc;
    }

    /** Keeps a primitive L2 book of the stream. */
    @Benchmark
    @OperationsPerInvocation(FoldBench.CHUNK)
    public long primitiveBook() {
        Event[] ev = events;
        int c = cursor;
        long acc = 0;
        for (int k = 0; k < FoldBench.CHUNK; k++) {
            if (c == ev.length) {
                book.clear();
                c = 0;
            }
            acc += book.apply(ev[c++]);
        }
        cursor = c;
        return acc;
    }
}

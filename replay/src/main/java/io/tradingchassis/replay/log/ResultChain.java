package io.tradingchassis.replay.log;

import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.ControlTimeReason;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.TimeInForce;
import io.tradingchassis.core.intent.Disposition;
import io.tradingchassis.core.intent.Reason;
import io.tradingchassis.core.step.StepResult;
import io.tradingchassis.core.view.OrderStatus;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.openhft.hashing.LongHashFunction;

/**
 * The chain of a golden log (SPEC §13): {@code chain[n] = XXH3-64(chain[n-1] ‖ position ‖ event ‖
 * result[n])}, where {@code event} is the entry's codec bytes and {@code result[n]} the canonical bytes of
 * the step's {@link StepResult}, in this order: event type code; transitions (count, then order id,
 * from-status code or 255 for a created Order, to-status code); dispositions (count, then intent id,
 * order key, command code, disposition ordinal, reason ordinal or 255); dispatch requests (count, then
 * request id, order key, command code, instrument, side code, price, quantity, time-in-force code);
 * whether the strategy ran; the strategy failure (length or -1, UTF-8); the obligation (flag, then
 * deadline, scope key, reason code). Integers are 8-byte little-endian, codes one byte. Reusable and
 * allocation-free per step except for a strategy failure's text; not thread-safe.
 */
public final class ResultChain {
    private static final LongHashFunction XXH3 = LongHashFunction.xx3();
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int NONE = 255;
    /** The most one step's result can need besides a strategy failure's text (a dispatch is 43 bytes). */
    private static final int FIXED_RESULT_BYTES = 1 + 8 + 8 + 8 + 1 + 8 + 1 + 17;

    /** The bytes hashed for one entry; {@code n} of them written. Grows, never shrinks. */
    private byte[] buf = new byte[1 << 12];
    private int n;
    private long chain;

    /** The chain value so far ({@code 0} before the first entry). */
    public long value() {
        return chain;
    }

    /** Restarts the chain at {@code value}. */
    public void reset(long value) {
        chain = value;
    }

    /**
     * Extends the chain by the entry at {@code position} whose codec bytes are {@code event[from, to)},
     * applied with {@code result}; returns the new value.
     */
    public long append(long position, ByteBuffer event, int from, int to, StepResult result) {
        int eventBytes = to - from;
        n = 0;
        ensure(16 + eventBytes + FIXED_RESULT_BYTES);
        putLong(chain);
        putLong(position);
        if (event.hasArray()) {
            System.arraycopy(event.array(), event.arrayOffset() + from, buf, n, eventBytes);
        } else {
            event.get(from, buf, n, eventBytes);
        }
        n += eventBytes;
        writeResult(result);
        chain = XXH3.hashBytes(buf, 0, n);
        return chain;
    }

    private void writeResult(StepResult r) {
        put8(r.eventType() == null ? NONE : r.eventType().code());
        int count = r.transitionCount();
        ensure(8 + count * 10);
        putLong(count);
        for (int i = 0; i < count; i++) {
            OrderStatus from = r.transitionFrom(i);
            putLong(r.transitionOrderId(i));
            put8(from == null ? NONE : from.code());
            put8(r.transitionTo(i).code());
        }
        count = r.dispositionCount();
        ensure(8 + count * 19);
        putLong(count);
        for (int i = 0; i < count; i++) {
            CommandType t = r.dispositionType(i);
            Disposition d = r.disposition(i);
            Reason why = r.dispositionReason(i);
            putLong(r.dispositionIntentId(i));
            putLong(r.dispositionOrderKey(i));
            put8(t == null ? NONE : t.code());
            put8(d == null ? NONE : d.ordinal());
            put8(why == null ? NONE : why.ordinal());
        }
        count = r.dispatchCount();
        ensure(8 + count * 43 + FIXED_RESULT_BYTES);
        putLong(count);
        for (int i = 0; i < count; i++) {
            Side side = r.dispatchSide(i);
            TimeInForce tif = r.dispatchTimeInForce(i);
            putLong(r.dispatchRequestId(i));
            putLong(r.dispatchOrderKey(i));
            put8(r.dispatchType(i).code());
            putLong(r.dispatchInstrument(i));
            put8(side == null ? NONE : side.code());
            putLong(r.dispatchPriceTicks(i));
            putLong(r.dispatchQtyLots(i));
            put8(tif == null ? NONE : tif.code());
        }
        put8(r.strategyRan() ? 1 : 0);
        String failure = r.strategyFailure();
        if (failure == null) {
            putLong(-1);
        } else {
            byte[] bytes = failure.getBytes(StandardCharsets.UTF_8);
            ensure(8 + bytes.length + FIXED_RESULT_BYTES);
            putLong(bytes.length);
            System.arraycopy(bytes, 0, buf, n, bytes.length);
            n += bytes.length;
        }
        put8(r.hasObligation() ? 1 : 0);
        if (r.hasObligation()) {
            ControlTimeReason reason = r.obligationReason();
            putLong(r.obligationDeadlineNs());
            putLong(r.obligationScopeKey());
            put8(reason == null ? NONE : reason.code());
        }
    }

    /** One byte; room was ensured by the caller. */
    private void put8(int v) {
        buf[n++] = (byte) v;
    }

    /** Eight bytes, little-endian; room was ensured by the caller. */
    private void putLong(long v) {
        LONG_LE.set(buf, n, v);
        n += 8;
    }

    /** Room for {@code more} bytes after the {@code n} written. */
    private void ensure(int more) {
        if (buf.length - n < more) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more + 64));
        }
    }
}

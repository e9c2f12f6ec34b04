package io.tradingchassis.core.intent;

import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.TimeInForce;
import java.util.Arrays;

/** The Intents of one step, in emission order, in reusable parallel arrays (allocation-free once grown). */
public final class IntentBuffer implements IntentSink {
    private CommandType[] type = new CommandType[8];
    private long[] orderKey = new long[8];
    private int[] instrument = new int[8];
    private Side[] side = new Side[8];
    private long[] priceTicks = new long[8];
    private long[] qtyLots = new long[8];
    private TimeInForce[] tif = new TimeInForce[8];
    private int count;

    @Override
    public void emit(CommandType t, long key, int inst, Side s, long price, long qty, TimeInForce timeInForce) {
        if (t == null || s == null || timeInForce == null) {
            throw new IllegalArgumentException("an Intent needs a command type, a side and a time in force");
        }
        if (count == type.length) {
            int n = count * 2;
            type = Arrays.copyOf(type, n);
            orderKey = Arrays.copyOf(orderKey, n);
            instrument = Arrays.copyOf(instrument, n);
            side = Arrays.copyOf(side, n);
            priceTicks = Arrays.copyOf(priceTicks, n);
            qtyLots = Arrays.copyOf(qtyLots, n);
            tif = Arrays.copyOf(tif, n);
        }
        type[count] = t;
        orderKey[count] = key;
        instrument[count] = inst;
        side[count] = s;
        priceTicks[count] = price;
        qtyLots[count] = qty;
        tif[count] = timeInForce;
        count++;
    }

    /** A reusable read-only cursor over this buffer: {@link Cursor#at} selects the Intent it shows. */
    public Cursor cursor() {
        return new Cursor();
    }

    /** A read-only view of one Intent of the buffer; reused, allocation-free. */
    public final class Cursor implements IntentView {
        private int i;

        private Cursor() {
        }

        /** Points the cursor at Intent {@code index}; returns it. */
        public Cursor at(int index) {
            this.i = index;
            return this;
        }

        @Override
        public CommandType type() {
            return type[i];
        }

        @Override
        public long orderKey() {
            return orderKey[i];
        }

        @Override
        public int instrument() {
            return instrument[i];
        }

        @Override
        public Side side() {
            return side[i];
        }

        @Override
        public long priceTicks() {
            return priceTicks[i];
        }

        @Override
        public long qtyLots() {
            return qtyLots[i];
        }

        @Override
        public TimeInForce timeInForce() {
            return tif[i];
        }

        @Override
        public String toString() {
            return type[i] + "{key=" + orderKey[i] + " " + side[i] + " " + qtyLots[i] + "@" + priceTicks[i] + "}";
        }
    }

    /** Forgets every Intent (start of a step). */
    public void clear() {
        count = 0;
    }

    /** Number of Intents emitted. */
    public int size() {
        return count;
    }

    /** Command type of Intent i. */
    public CommandType type(int i) {
        return type[i];
    }

    /** Order key of Intent i. */
    public long orderKey(int i) {
        return orderKey[i];
    }

    /** Instrument of Intent i. */
    public int instrument(int i) {
        return instrument[i];
    }

    /** Side of Intent i. */
    public Side side(int i) {
        return side[i];
    }

    /** Price of Intent i. */
    public long priceTicks(int i) {
        return priceTicks[i];
    }

    /** Quantity of Intent i. */
    public long qtyLots(int i) {
        return qtyLots[i];
    }

    /** Time in force of Intent i. */
    public TimeInForce timeInForce(int i) {
        return tif[i];
    }
}

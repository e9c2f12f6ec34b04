package io.tradingchassis.core.state;

import java.util.Arrays;

/** Position and cash per instrument, and the fill count (SPEC §4 Execution State). */
public final class Positions {
    private long[] positionLots = new long[0];
    private long[] cashTickLots = new long[0];
    private long fillCount;

    Positions() {
    }

    Positions copy() {
        Positions c = new Positions();
        c.positionLots = positionLots.clone();
        c.cashTickLots = cashTickLots.clone();
        c.fillCount = fillCount;
        return c;
    }

    /** Signed position in lots. */
    public long positionLots(int instrument) {
        return instrument >= 0 && instrument < positionLots.length ? positionLots[instrument] : 0;
    }

    /** Cash in tick×lot units (price ticks times quantity lots), signed. */
    public long cashTickLots(int instrument) {
        return instrument >= 0 && instrument < cashTickLots.length ? cashTickLots[instrument] : 0;
    }

    /** Total fills applied. */
    public long fillCount() {
        return fillCount;
    }

    /** Applies a fill's position and cash effect; the caller checked for overflow. */
    @Mutator
    public void applyFill(int instrument, long sideSign, long fillQty, long fillPrice) {
        if (instrument >= positionLots.length) {
            int n = Math.max(instrument + 1, positionLots.length * 2);
            positionLots = Arrays.copyOf(positionLots, n);
            cashTickLots = Arrays.copyOf(cashTickLots, n);
        }
        positionLots[instrument] += sideSign * fillQty;
        cashTickLots[instrument] -= sideSign * fillQty * fillPrice;
        fillCount++;
    }

    void encode(CanonicalEncoder enc) {
        int n = positionLots.length;
        while (n > 0 && positionLots[n - 1] == 0 && cashTickLots[n - 1] == 0) {
            n--; // zero slots past the last traded instrument are capacity, not state
        }
        enc.tag('P').writeLong(n);
        for (int i = 0; i < n; i++) {
            enc.writeLong(positionLots[i]).writeLong(cashTickLots[i]);
        }
        enc.writeLong(fillCount);
    }
}

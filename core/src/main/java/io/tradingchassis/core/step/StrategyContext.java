package io.tradingchassis.core.step;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.Bbo;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSnapshot;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.Trade;
import io.tradingchassis.core.state.ExecutionState;
import io.tradingchassis.core.state.Order;
import io.tradingchassis.core.state.PendingCommand;
import io.tradingchassis.core.state.PendingQueue;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.view.StrategyView;
import java.util.Arrays;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The Strategy's view (SPEC §5 step 3): holds State privately and answers read-only queries; the only
 * writes it takes are to the Strategy's memory, buffered until {@code decide} returns normally. The
 * working index ("my orders") is a projection of State computed here when first asked for in a step,
 * and kept while execution state does not change (its version), so it is always a function of State
 * (I2) and never stored in it.
 */
final class StrategyContext extends StateReader implements StrategyView {
    private CoreConfiguration cfg;
    private Event event;
    private EventType eventType;
    private ExecutionState execution;
    private long position;
    private boolean writable;

    // Memory scratch: loaded from State on first use in a decision, committed only on success.
    private long[] memory = new long[0];
    private int memorySlots;
    private boolean memoryLoaded;
    private boolean memoryDirty;
    private long timer;
    private boolean timerDirty;

    // Working index, cached by (State identity, execution version).
    private State indexedState;
    private long indexedVersion = -1;
    private long[] wKey = new long[8];
    private int[] wInstrument = new int[8];
    private Side[] wSide = new Side[8];
    private long[] wPrice = new long[8];
    private long[] wQty = new long[8];
    private boolean[] wCancelling = new boolean[8];
    private int wCount;
    private long[] scratchKeys = new long[8];

    /** As {@link #begin(State, CoreConfiguration, Event, EventType, long, int)} with the event's own type. */
    void begin(State s, CoreConfiguration c, Event e, long pos, int slots) {
        begin(s, c, e, e.type(), pos, slots);
    }

    /** Binds the view to this step's State, configuration and triggering event (read-only phase). */
    void begin(State s, CoreConfiguration c, Event e, EventType type, long pos, int slots) {
        bindState(s);
        this.execution = s.execution();
        this.cfg = c;
        this.event = e;
        this.eventType = type;
        this.position = pos;
        this.writable = false;
        this.memorySlots = slots;
        if (memory.length < slots) {
            memory = new long[slots];
        }
        memoryLoaded = false;
        memoryDirty = false;
        timerDirty = false;
    }

    /** Opens memory writes ({@code decide}). */
    void allowWrites() {
        writable = true;
    }

    /** After a normal return of {@code decide}: memory writes become State. */
    void commit() {
        if (memoryDirty) {
            state().control().commitMemory(memory, memorySlots);
        }
        if (timerDirty) {
            state().control().strategyTimerNs(timer);
        }
    }

    /** Unbinds (drops uncommitted writes). */
    void end() {
        writable = false;
        memoryDirty = false;
        memoryLoaded = false;
        timerDirty = false;
        bindState(null);
        execution = null;
        event = null; // the core never retains an event after its step
        eventType = null;
    }

    // ---------------------------------------------------------------- StateView

    @Override
    public long position() {
        return position;
    }

    @Override
    public long controlTimeNs() {
        return state().control().controlTimeNs();
    }

    @Override
    public int instrumentCount() {
        return cfg.instruments().size();
    }



    @Override
    public long cashTickLots(int instrument) {
        return state().execution().positions().cashTickLots(instrument);
    }


    @Override
    public boolean isKeyActive(long orderKey) {
        ExecutionState x = state().execution();
        Order o = x.orders().get(orderKey);
        return (o != null && !o.status().isTerminal()) || x.queue().forKey(orderKey) != null
                || x.inflight().get(orderKey) != null;
    }


    @Override
    public EventType eventType() {
        return eventType;
    }

    @Override
    public int eventInstrument() {
        switch (eventType) {
            case BOOK_DELTA:
                return ((BookDelta) event).instrument();
            case BOOK_SNAPSHOT:
                return ((BookSnapshot) event).instrument();
            case TRADE:
                return ((Trade) event).instrument();
            case BBO:
                return ((Bbo) event).instrument();
            default:
                return -1;
        }
    }


    @Override
    public boolean feedGap(int instrument) {
        return state().control().feedGap(instrument);
    }

    @Override
    public long decisionTimerNs() {
        return timerDirty ? timer : state().control().strategyTimerNs();
    }

    @Override
    public void decisionAt(long timeNs) {
        if (!writable) {
            throw new IllegalStateException("a timer is set only during decide, not in wantsDecision");
        }
        if (timeNs != Long.MIN_VALUE && timeNs <= state().control().controlTimeNs()) {
            throw new IllegalArgumentException("decisionAt(" + timeNs + ") is not after control time "
                    + state().control().controlTimeNs());
        }
        timer = timeNs;
        timerDirty = true;
    }

    @Override
    public int memorySlots() {
        return memorySlots;
    }

    @Override
    public long memory(int slot) {
        checkSlot(slot);
        return memoryLoaded ? memory[slot] : state().control().memory(slot);
    }

    @Override
    public void memory(int slot, long value) {
        checkSlot(slot);
        if (!writable) {
            throw new IllegalStateException("strategy memory is written only during decide, not in wantsDecision");
        }
        if (!memoryLoaded) {
            for (int i = 0; i < memorySlots; i++) {
                memory[i] = state().control().memory(i);
            }
            memoryLoaded = true;
        }
        memory[slot] = value;
        memoryDirty = true;
    }

    private void checkSlot(int slot) {
        if (slot < 0 || slot >= memorySlots) {
            throw new IndexOutOfBoundsException("memory slot " + slot + " of " + memorySlots
                    + " declared by the strategy's provider");
        }
    }

    // ---------------------------------------------------------------- working index

    @Override
    public int workingCount() {
        index();
        return wCount;
    }

    @Override
    public long workingKey(int i) {
        index();
        return wKey[check(i)];
    }

    @Override
    public int workingInstrument(int i) {
        index();
        return wInstrument[check(i)];
    }

    @Override
    public Side workingSide(int i) {
        index();
        return wSide[check(i)];
    }

    @Override
    public long workingPriceTicks(int i) {
        index();
        return wPrice[check(i)];
    }

    @Override
    public long workingQtyLots(int i) {
        index();
        return wQty[check(i)];
    }

    @Override
    public boolean workingCancelling(int i) {
        index();
        return wCancelling[check(i)];
    }

    private int check(int i) {
        if (i < 0 || i >= wCount) {
            throw new IndexOutOfBoundsException("working entry " + i + " of " + wCount);
        }
        return i;
    }

    private void index() {
        // Every accessor asks: one read of the execution state's change counter (issue #11).
        long version = execution.version();
        if (version == indexedVersion && state() == indexedState) {
            return;
        }
        indexedState = null; // a rebuild that throws leaves no index behind
        rebuild(execution);
        indexedState = state();
        indexedVersion = version;
    }

    /**
     * Keys with a non-terminal Order, a pending NEW, or a dispatched NEW not yet recorded, ascending.
     * Allocation-free once the scratch arrays have grown.
     */
    private void rebuild(ExecutionState x) {
        PendingQueue q = x.queue();
        int need = x.orders().liveCount() + q.size() + x.inflight().size() + 1;
        if (scratchKeys.length < need) {
            scratchKeys = new long[Math.max(need, scratchKeys.length * 2)];
        }
        int n = x.orders().liveIds(scratchKeys);
        for (int i = 0; i < q.size(); i++) {
            PendingCommand p = q.at(i);
            if (p.type() == CommandType.NEW) {
                scratchKeys[n++] = p.orderKey();
            }
        }
        Long2ObjectHashMap<PendingCommand>.ValueIterator it = x.inflight().iterator();
        while (it.hasNext()) {
            PendingCommand c = it.next();
            if (c.type() == CommandType.NEW && x.orders().get(c.orderKey()) == null) {
                scratchKeys[n++] = c.orderKey();
            }
        }
        Arrays.sort(scratchKeys, 0, n); // the order reaching the Strategy is by key, never hash order
        if (wKey.length < n) {
            int cap = Math.max(n, wKey.length * 2);
            wKey = new long[cap];
            wInstrument = new int[cap];
            wSide = new Side[cap];
            wPrice = new long[cap];
            wQty = new long[cap];
            wCancelling = new boolean[cap];
        }
        wCount = 0;
        for (int i = 0; i < n; i++) {
            long key = scratchKeys[i];
            if (wCount > 0 && wKey[wCount - 1] == key) {
                continue;
            }
            Order o = x.orders().get(key);
            PendingCommand p = q.forKey(key);
            PendingCommand f = x.inflight().get(key);
            // Where the key is heading: a pending NEW/REPLACE, else an inflight one, else the Order.
            PendingCommand heading = p != null && p.type() != CommandType.CANCEL ? p
                    : f != null && f.type() != CommandType.CANCEL ? f : null;
            PendingCommand any = p != null ? p : f;
            wKey[wCount] = key;
            wInstrument[wCount] = o != null ? o.instrument() : any.instrument();
            wSide[wCount] = o != null ? o.side() : any.side();
            wPrice[wCount] = heading != null ? heading.priceTicks() : o.priceTicks();
            wQty[wCount] = heading != null ? heading.qtyLots() : o.qtyLots();
            wCancelling[wCount] = (p != null && p.type() == CommandType.CANCEL)
                    || (f != null && f.type() == CommandType.CANCEL);
            wCount++;
        }
    }
}

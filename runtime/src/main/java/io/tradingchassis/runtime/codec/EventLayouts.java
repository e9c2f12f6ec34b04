package io.tradingchassis.runtime.codec;

import static io.tradingchassis.runtime.codec.Wire.MAX_VARINT_BYTES;
import static io.tradingchassis.runtime.codec.Wire.readBoolean;
import static io.tradingchassis.runtime.codec.Wire.readFixed64;
import static io.tradingchassis.runtime.codec.Wire.readInt;
import static io.tradingchassis.runtime.codec.Wire.readString;
import static io.tradingchassis.runtime.codec.Wire.readU8;
import static io.tradingchassis.runtime.codec.Wire.readVarint;
import static io.tradingchassis.runtime.codec.Wire.writeFixed64;
import static io.tradingchassis.runtime.codec.Wire.writeString;
import static io.tradingchassis.runtime.codec.Wire.writeU8;
import static io.tradingchassis.runtime.codec.Wire.writeVarint;

import io.tradingchassis.core.event.Bbo;
import io.tradingchassis.core.event.BookDelta;
import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.BookSnapshot;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.ConfigurationActivated;
import io.tradingchassis.core.event.ControlTime;
import io.tradingchassis.core.event.ControlTimeReason;
import io.tradingchassis.core.event.DispatchFailed;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.event.FeedGap;
import io.tradingchassis.core.event.KillSwitch;
import io.tradingchassis.core.event.Liquidity;
import io.tradingchassis.core.event.OrderAccepted;
import io.tradingchassis.core.event.OrderCancelled;
import io.tradingchassis.core.event.OrderCommand;
import io.tradingchassis.core.event.OrderExpired;
import io.tradingchassis.core.event.OrderFilled;
import io.tradingchassis.core.event.OrderRejected;
import io.tradingchassis.core.event.OrderReplaced;
import io.tradingchassis.core.event.OrderSubmitted;
import io.tradingchassis.core.event.PriceLevel;
import io.tradingchassis.core.event.SessionStart;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.TimeInForce;
import io.tradingchassis.core.event.Trade;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Every event type's layout after the common head, one nested class per type, in the order of
 * runtime/README.md's table. {@code v} is a zig-zag varint, {@code u8} one byte, {@code i64} a fixed
 * little-endian long, {@code str} a varint length ({@code -1} = null) and UTF-8 bytes.
 */
final class EventLayouts {

    /** Every layout; {@link EventCodec} indexes them by type code. Adding a type: one class, one line here. */
    static final List<EventLayout<?>> ALL = List.of(
            new BookDeltaLayout(), new BookSnapshotLayout(), new TradeLayout(), new BboLayout(),
            new OrderAcceptedLayout(), new OrderRejectedLayout(), new OrderFilledLayout(),
            new OrderCancelledLayout(), new OrderReplacedLayout(), new OrderExpiredLayout(),
            new OrderSubmittedLayout(), new DispatchFailedLayout(),
            new SessionStartLayout(), new KillSwitchLayout(), new ConfigurationActivatedLayout(),
            new FeedGapLayout(), new ControlTimeLayout());

    /** An encoded price level is at least two one-byte varints: bounds a count read from corrupt bytes. */
    private static final int MIN_LEVEL_BYTES = 2;

    private EventLayouts() {
    }

    private static <T> T notNull(T value, EventType type, String field) {
        if (value == null) {
            throw new IllegalArgumentException(type + "." + field + " is null; the codec has no encoding for it");
        }
        return value;
    }

    private static BookSide readBookSide(ByteBuffer b, int start, EventType type, String field) {
        int at = b.position();
        int code = readU8(b, start, type, field);
        BookSide side = CodecEnums.bookSide(code);
        if (side == null) {
            throw new EventCodecException(at, type + "." + field + " has unknown BookSide code " + code);
        }
        return side;
    }

    private static Side readSide(ByteBuffer b, int start, EventType type, String field) {
        int at = b.position();
        int code = readU8(b, start, type, field);
        Side side = CodecEnums.side(code);
        if (side == null) {
            throw new EventCodecException(at, type + "." + field + " has unknown Side code " + code);
        }
        return side;
    }

    // ---------------------------------------------------------------- market

    /** {@code instrument v, side u8 (BookSide), priceTicks v, qtyLots v}. */
    static final class BookDeltaLayout extends EventLayout<BookDelta> {
        BookDeltaLayout() {
            super(EventType.BOOK_DELTA, BookDelta.class);
        }

        @Override
        int maxFieldsLength(BookDelta e) {
            return 3 * MAX_VARINT_BYTES + 1;
        }

        @Override
        void writeFields(BookDelta e, ByteBuffer b) {
            writeVarint(b, e.instrument());
            writeU8(b, CodecEnums.code(notNull(e.side(), type, "side")));
            writeVarint(b, e.priceTicks());
            writeVarint(b, e.qtyLots());
        }

        @Override
        BookDelta readFields(ByteBuffer b, int start, long exchTsNs, long localTsNs, int version) {
            int instrument = readInt(b, start, type, "instrument", Integer.MIN_VALUE, Integer.MAX_VALUE);
            BookSide side = readBookSide(b, start, type, "side");
            long price = readVarint(b, start, type, "priceTicks");
            long qty = readVarint(b, start, type, "qtyLots");
            return new BookDelta(exchTsNs, localTsNs, instrument, side, price, qty);
        }
    }

    /** {@code instrument v, bidCount v, bidCount × (priceTicks v, qtyLots v), askCount v, askCount × (…)}. */
    static final class BookSnapshotLayout extends EventLayout<BookSnapshot> {
        BookSnapshotLayout() {
            super(EventType.BOOK_SNAPSHOT, BookSnapshot.class);
        }

        @Override
        int maxFieldsLength(BookSnapshot e) {
            return 3 * MAX_VARINT_BYTES + 2 * MAX_VARINT_BYTES * (e.bids().size() + e.asks().size());
        }

        @Override
        void writeFields(BookSnapshot e, ByteBuffer b) {
            writeVarint(b, e.instrument());
            writeLevels(e.bids(), b);
            writeLevels(e.asks(), b);
        }

        private static void writeLevels(List<PriceLevel> levels, ByteBuffer b) {
            int n = levels.size();
            writeVarint(b, n);
            for (int i = 0; i < n; i++) { // by index: no iterator allocated
                PriceLevel l = levels.get(i);
                writeVarint(b, l.priceTicks());
                writeVarint(b, l.qtyLots());
            }
        }

        @Override
        BookSnapshot readFields(ByteBuffer b, int start, long exchTsNs, long localTsNs, int version) {
            int instrument = readInt(b, start, type, "instrument", Integer.MIN_VALUE, Integer.MAX_VALUE);
            PriceLevel[] bids = readLevels(b, start, "bidCount", "bids");
            PriceLevel[] asks = readLevels(b, start, "askCount", "asks");
            return new BookSnapshot(exchTsNs, localTsNs, instrument, Arrays.asList(bids), Arrays.asList(asks));
        }

        private PriceLevel[] readLevels(ByteBuffer b, int start, String countField, String levelsField) {
            int at = b.position();
            long n = readVarint(b, start, type, countField);
            if (n < 0 || n > b.remaining() / MIN_LEVEL_BYTES) {
                throw new EventCodecException(at, type + "." + countField + " = " + n + " is negative or more "
                        + "levels than the " + b.remaining() + " remaining bytes can hold");
            }
            PriceLevel[] levels = new PriceLevel[(int) n];
            for (int i = 0; i < levels.length; i++) {
                long price = readVarint(b, start, type, levelsField);
                long qty = readVarint(b, start, type, levelsField);
                levels[i] = new PriceLevel(price, qty);
            }
            return levels;
        }
    }

    /** {@code instrument v, aggressorSide u8 (Side.code), priceTicks v, qtyLots v}. */
    static final class TradeLayout extends EventLayout<Trade> {
        TradeLayout() {
            super(EventType.TRADE, Trade.class);
        }

        @Override
        int maxFieldsLength(Trade e) {
            return 3 * MAX_VARINT_BYTES + 1;
        }

        @Override
        void writeFields(Trade e, ByteBuffer b) {
            writeVarint(b, e.instrument());
            writeU8(b, CodecEnums.code(notNull(e.aggressorSide(), type, "aggressorSide")));
            writeVarint(b, e.priceTicks());
            writeVarint(b, e.qtyLots());
        }

        @Override
        Trade readFields(ByteBuffer b, int start, long exchTsNs, long localTsNs, int version) {
            int instrument = readInt(b, start, type, "instrument", Integer.MIN_VALUE, Integer.MAX_VALUE);
            Side side = readSide(b, start, type, "aggressorSide");
            long price = readVarint(b, start, type, "priceTicks");
            long qty = readVarint(b, start, type, "qtyLots");
            return new Trade(exchTsNs, localTsNs, instrument, side, price, qty);
        }
    }

    /** {@code instrument v, bidTicks v, bidLots v, askTicks v, askLots v}. */
    static final class BboLayout extends EventLayout<Bbo> {
        BboLayout() {
            super(EventType.BBO, Bbo.class);
        }

        @Override
        int maxFieldsLength(Bbo e) {
            return 5 * MAX_VARINT_BYTES;
        }

        @Override
        void writeFields(Bbo e, ByteBuffer b) {
            writeVarint(b, e.instrument());
            writeVarint(b, e.bidTicks());
            writeVarint(b, e.bidLots());
            writeVarint(b, e.askTicks());
            writeVarint(b, e.askLots());
        }

        @Override
        Bbo readFields(ByteBuffer b, int start, long exchTsNs, long localTsNs, int version) {
            int instrument = readInt(b, start, type, "instrument", Integer.MIN_VALUE, Integer.MAX_VALUE);
            long bidTicks = readVarint(b, start, type, "bidTicks");
            long bidLots = readVarint(b, start, type, "bidLots");
            long askTicks = readVarint(b, start, type, "askTicks");
            long askLots = readVarint(b, start, type, "askLots");
            return new Bbo(exchTsNs, localTsNs, instrument, bidTicks, bidLots, askTicks, askLots);
        }
    }

    // ---------------------------------------------------------------- execution

    /** {@code orderId v}. */
    static final class OrderAcceptedLayout extends EventLayout<OrderAccepted> {
        OrderAcceptedLayout() {
            super(EventType.ORDER_ACCEPTED, OrderAccepted.class);
        }

        @Override
        int maxFieldsLength(OrderAccepted e) {
            return MAX_VARINT_BYTES;
        }

        @Override
        void writeFields(OrderAccepted e, ByteBuffer b) {
            writeVarint(b, e.orderId());
        }

        @Override
        OrderAccepted readFields(ByteBuffer b, int start, long exchTsNs, long localTsNs, int version) {
            return new OrderAccepted(exchTsNs, localTsNs, readVarint(b, start, type, "orderId"));
        }
    }

    /** {@code orderId v, requestId v, reason str}. */
    static final class OrderRejectedLayout extends EventLayout<OrderRejected> {
        OrderRejectedLayout() {
            super(EventType.ORDER_REJECTED, OrderRejected.class);
        }

        @Override
        int maxFieldsLength(OrderRejected e) {
            return 2 * MAX_VARINT_BYTES + Wire.maxStringLength(e.reason());
        }

        @Override
        void writeFields(OrderRejected e, ByteBuffer b) {
            writeVarint(b, e.orderId());
            writeVarint(b, e.requestId());
            writeString(b, e.reason(), type, "reason");
        }

        @Override
        OrderRejected readFields(ByteBuffer b, int start, long exchTsNs, long localTsNs, int version) {
            long orderId = readVarint(b, start, type, "orderId");
            long requestId = readVarint(b, start, type, "requestId");
            String reason = readString(b, start, type, "reason");
            return new OrderRejected(exchTsNs, localTsNs, orderId, requestId, reason);
        }
    }

    /**
     * {@code orderId v, fillQtyLots v, fillPriceTicks v, leavesLots v, liquidity u8 (Liquidity.code(); since
     * version 2, version 1 reads UNKNOWN)}.
     */
    static final class OrderFilledLayout extends EventLayout<OrderFilled> {
        OrderFilledLayout() {
            super(EventType.ORDER_FILLED, OrderFilled.class);
        }

        @Override
        int maxFieldsLength(OrderFilled e) {
            return 4 * MAX_VARINT_BYTES + 1;
        }

        @Override
        void writeFields(OrderFilled e, ByteBuffer b) {
            writeVarint(b, e.orderId());
            writeVarint(b, e.fillQtyLots());
            writeVarint(b, e.fillPriceTicks());
            writeVarint(b, e.leavesLots());
            writeU8(b, notNull(e.liquidity(), type, "liquidity").code());
        }

        @Override
        OrderFilled readFields(ByteBuffer b, int start, long exchTsNs, long localTsNs, int version) {
            long orderId = readVarint(b, start, type, "orderId");
            long qty = readVarint(b, start, type, "fillQtyLots");
            long price = readVarint(b, start, type, "fillPriceTicks");
            long leaves = readVarint(b, start, type, "leavesLots");
            if (version < 2) {
                return new OrderFilled(exchTsNs, localTsNs, orderId, qty, price, leaves, Liquidity.UNKNOWN);
            }
            int at = b.position();
            int code = readU8(b, start, type, "liquidity");
            Liquidity liquidity = CodecEnums.liquidity(code);
            if (liquidity == null) {
                throw new EventCodecException(at, type + ".liquidity has unknown Liquidity code " + code);
            }
            return new OrderFilled(exchTsNs, localTsNs, orderId, qty, price, leaves, liquidity);
        }
    }

    /** {@code orderId v}. */
    static final class OrderExpiredLayout extends EventLayout<OrderExpired> {
        OrderExpiredLayout() {
            super(EventType.ORDER_EXPIRED, OrderExpired.class);
        }

        @Override
        int maxFieldsLength(OrderExpired e) {
            return MAX_VARINT_BYTES;
        }

        @Override
        void writeFields(OrderExpired e, ByteBuffer b) {
            writeVarint(b, e.orderId());
        }

        @Override
        OrderExpired readFields(ByteBuffer b, int start, long exchTsNs, long localTsNs, int version) {
            return new OrderExpired(exchTsNs, localTsNs, readVarint(b, start, type, "orderId"));
        }
    }

    /** {@code orderId v, requestId v}. */
    static final class OrderCancelledLayout extends EventLayout<OrderCancelled> {
        OrderCancelledLayout() {
            super(EventType.ORDER_CANCELLED, OrderCancelled.class);
        }

        @Override
        int maxFieldsLength(OrderCancelled e) {
            return 2 * MAX_VARINT_BYTES;
        }

        @Override
        void writeFields(OrderCancelled e, ByteBuffer b) {
            writeVarint(b, e.orderId());
            writeVarint(b, e.requestId());
        }

        @Override
        OrderCancelled readFields(ByteBuffer b, int start, long exchTsNs, long localTsNs, int version) {
            long orderId = readVarint(b, start, type, "orderId");
            long requestId = readVarint(b, start, type, "requestId");
            return new OrderCancelled(exchTsNs, localTsNs, orderId, requestId);
        }
    }

    /** {@code orderId v, requestId v, priceTicks v, qtyLots v}. */
    static final class OrderReplacedLayout extends EventLayout<OrderReplaced> {
        OrderReplacedLayout() {
            super(EventType.ORDER_REPLACED, OrderReplaced.class);
        }

        @Override
        int maxFieldsLength(OrderReplaced e) {
            return 4 * MAX_VARINT_BYTES;
        }

        @Override
        void writeFields(OrderReplaced e, ByteBuffer b) {
            writeVarint(b, e.orderId());
            writeVarint(b, e.requestId());
            writeVarint(b, e.priceTicks());
            writeVarint(b, e.qtyLots());
        }

        @Override
        OrderReplaced readFields(ByteBuffer b, int start, long exchTsNs, long localTsNs, int version) {
            long orderId = readVarint(b, start, type, "orderId");
            long requestId = readVarint(b, start, type, "requestId");
            long price = readVarint(b, start, type, "priceTicks");
            long qty = readVarint(b, start, type, "qtyLots");
            return new OrderReplaced(exchTsNs, localTsNs, orderId, requestId, price, qty);
        }
    }

    // ---------------------------------------------------------------- intent records

    /**
     * {@code orderId v, requestId v}, then the command: {@code type u8 (CommandType.code), instrument v,
     * side u8 (Side.code), priceTicks v, qtyLots v}.
     */
    static final class OrderSubmittedLayout extends EventLayout<OrderSubmitted> {
        OrderSubmittedLayout() {
            super(EventType.ORDER_SUBMITTED, OrderSubmitted.class);
        }

        @Override
        int maxFieldsLength(OrderSubmitted e) {
            return 5 * MAX_VARINT_BYTES + 3;
        }

        @Override
        void writeFields(OrderSubmitted e, ByteBuffer b) {
            OrderCommand c = notNull(e.command(), type, "command");
            writeVarint(b, e.orderId());
            writeVarint(b, e.requestId());
            writeU8(b, CodecEnums.code(notNull(c.type(), type, "command.type")));
            writeVarint(b, c.instrument());
            writeU8(b, CodecEnums.code(notNull(c.side(), type, "command.side")));
            writeVarint(b, c.priceTicks());
            writeVarint(b, c.qtyLots());
            writeU8(b, notNull(c.timeInForce(), type, "command.timeInForce").code());
        }

        @Override
        OrderSubmitted readFields(ByteBuffer b, int start, long exchTsNs, long localTsNs, int version) {
            long orderId = readVarint(b, start, type, "orderId");
            long requestId = readVarint(b, start, type, "requestId");
            int at = b.position();
            int typeCode = readU8(b, start, type, "command.type");
            CommandType commandType = CodecEnums.commandType(typeCode);
            if (commandType == null) {
                throw new EventCodecException(at, type + ".command.type has unknown CommandType code " + typeCode);
            }
            int instrument = readInt(b, start, type, "command.instrument", Integer.MIN_VALUE, Integer.MAX_VALUE);
            Side side = readSide(b, start, type, "command.side");
            long price = readVarint(b, start, type, "command.priceTicks");
            long qty = readVarint(b, start, type, "command.qtyLots");
            if (version < 2) {
                return new OrderSubmitted(exchTsNs, localTsNs, orderId, requestId,
                        new OrderCommand(commandType, instrument, side, price, qty, TimeInForce.GTC));
            }
            int tifAt = b.position();
            int tifCode = readU8(b, start, type, "command.timeInForce");
            TimeInForce tif = CodecEnums.timeInForce(tifCode);
            if (tif == null) {
                throw new EventCodecException(tifAt, type + ".command.timeInForce has unknown TimeInForce code "
                        + tifCode);
            }
            return new OrderSubmitted(exchTsNs, localTsNs, orderId, requestId,
                    new OrderCommand(commandType, instrument, side, price, qty, tif));
        }
    }

    /** {@code orderId v, requestId v, reason str}. */
    static final class DispatchFailedLayout extends EventLayout<DispatchFailed> {
        DispatchFailedLayout() {
            super(EventType.DISPATCH_FAILED, DispatchFailed.class);
        }

        @Override
        int maxFieldsLength(DispatchFailed e) {
            return 2 * MAX_VARINT_BYTES + Wire.maxStringLength(e.reason());
        }

        @Override
        void writeFields(DispatchFailed e, ByteBuffer b) {
            writeVarint(b, e.orderId());
            writeVarint(b, e.requestId());
            writeString(b, e.reason(), type, "reason");
        }

        @Override
        DispatchFailed readFields(ByteBuffer b, int start, long exchTsNs, long localTsNs, int version) {
            long orderId = readVarint(b, start, type, "orderId");
            long requestId = readVarint(b, start, type, "requestId");
            String reason = readString(b, start, type, "reason");
            return new DispatchFailed(exchTsNs, localTsNs, orderId, requestId, reason);
        }
    }

    // ---------------------------------------------------------------- control

    /** No fields. */
    static final class SessionStartLayout extends EventLayout<SessionStart> {
        SessionStartLayout() {
            super(EventType.SESSION_START, SessionStart.class);
        }

        @Override
        int maxFieldsLength(SessionStart e) {
            return 0;
        }

        @Override
        void writeFields(SessionStart e, ByteBuffer b) {
            // the head is the whole event
        }

        @Override
        SessionStart readFields(ByteBuffer b, int start, long exchTsNs, long localTsNs, int version) {
            return new SessionStart(exchTsNs, localTsNs);
        }
    }

    /** {@code on u8 (0 off, 1 on)}. */
    static final class KillSwitchLayout extends EventLayout<KillSwitch> {
        KillSwitchLayout() {
            super(EventType.KILL_SWITCH, KillSwitch.class);
        }

        @Override
        int maxFieldsLength(KillSwitch e) {
            return 1;
        }

        @Override
        void writeFields(KillSwitch e, ByteBuffer b) {
            writeU8(b, e.on() ? 1 : 0);
        }

        @Override
        KillSwitch readFields(ByteBuffer b, int start, long exchTsNs, long localTsNs, int version) {
            return new KillSwitch(exchTsNs, localTsNs, readBoolean(b, start, type, "on"));
        }
    }

    /** {@code fingerprint str}. */
    static final class ConfigurationActivatedLayout extends EventLayout<ConfigurationActivated> {
        ConfigurationActivatedLayout() {
            super(EventType.CONFIGURATION_ACTIVATED, ConfigurationActivated.class);
        }

        @Override
        int maxFieldsLength(ConfigurationActivated e) {
            return Wire.maxStringLength(e.fingerprint());
        }

        @Override
        void writeFields(ConfigurationActivated e, ByteBuffer b) {
            writeString(b, e.fingerprint(), type, "fingerprint");
        }

        @Override
        ConfigurationActivated readFields(ByteBuffer b, int start, long exchTsNs, long localTsNs, int version) {
            return new ConfigurationActivated(exchTsNs, localTsNs, readString(b, start, type, "fingerprint"));
        }
    }

    /** {@code instrument v}. */
    static final class FeedGapLayout extends EventLayout<FeedGap> {
        FeedGapLayout() {
            super(EventType.FEED_GAP, FeedGap.class);
        }

        @Override
        int maxFieldsLength(FeedGap e) {
            return MAX_VARINT_BYTES;
        }

        @Override
        void writeFields(FeedGap e, ByteBuffer b) {
            writeVarint(b, e.instrument());
        }

        @Override
        FeedGap readFields(ByteBuffer b, int start, long exchTsNs, long localTsNs, int version) {
            return new FeedGap(exchTsNs, localTsNs,
                    readInt(b, start, type, "instrument", Integer.MIN_VALUE, Integer.MAX_VALUE));
        }
    }

    /** {@code deadlineNs i64, reason u8 (ControlTimeReason, codes in CodecEnums)}. */
    static final class ControlTimeLayout extends EventLayout<ControlTime> {
        ControlTimeLayout() {
            super(EventType.CONTROL_TIME, ControlTime.class);
        }

        @Override
        int maxFieldsLength(ControlTime e) {
            return Wire.FIXED64_BYTES + 1;
        }

        @Override
        void writeFields(ControlTime e, ByteBuffer b) {
            writeFixed64(b, e.deadlineNs());
            writeU8(b, CodecEnums.code(notNull(e.reason(), type, "reason")));
        }

        @Override
        ControlTime readFields(ByteBuffer b, int start, long exchTsNs, long localTsNs, int version) {
            long deadline = readFixed64(b, start, type, "deadlineNs");
            int at = b.position();
            int code = readU8(b, start, type, "reason");
            ControlTimeReason reason = CodecEnums.controlTimeReason(code);
            if (reason == null) {
                throw new EventCodecException(at, type + ".reason has unknown ControlTimeReason code " + code);
            }
            return new ControlTime(exchTsNs, localTsNs, deadline, reason);
        }
    }
}

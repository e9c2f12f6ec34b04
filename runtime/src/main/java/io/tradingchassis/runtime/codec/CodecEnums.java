package io.tradingchassis.runtime.codec;

import io.tradingchassis.core.event.BookSide;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.ControlTimeReason;
import io.tradingchassis.core.event.Liquidity;
import io.tradingchassis.core.event.Side;
import io.tradingchassis.core.event.TimeInForce;

/**
 * The codec's byte codes for enums. {@link Side} and {@link CommandType} carry their own stable codes;
 * {@link BookSide} and {@link ControlTimeReason} do not, so their codes are defined here, by name, never
 * by {@code ordinal()}. A new constant without a code here is refused when encoded.
 */
public final class CodecEnums {

    // values() clones its array on every call: cached once.
    private static final Side[] SIDES = Side.values();
    private static final CommandType[] COMMAND_TYPES = CommandType.values();

    private CodecEnums() {
    }

    /** {@code BID} 0, {@code ASK} 1. */
    public static int code(BookSide side) {
        switch (side) {
            case BID:
                return 0;
            case ASK:
                return 1;
            default:
                throw new IllegalArgumentException("BookSide." + side + " has no codec code: add one in CodecEnums");
        }
    }

    /** The BookSide with {@code code}, else {@code null}. */
    public static BookSide bookSide(int code) {
        switch (code) {
            case 0:
                return BookSide.BID;
            case 1:
                return BookSide.ASK;
            default:
                return null;
        }
    }

    /** {@link ControlTimeReason#code()}: {@code RATE_LIMIT_RECOVERY} 0, {@code STRATEGY_TIMER} 1. */
    public static int code(ControlTimeReason reason) {
        return reason.code();
    }

    /** The ControlTimeReason with {@code code}, else {@code null}. */
    public static ControlTimeReason controlTimeReason(int code) {
        for (ControlTimeReason r : ControlTimeReason.values()) {
            if (r.code() == code) {
                return r;
            }
        }
        return null;
    }

    /** The TimeInForce whose {@link TimeInForce#code()} is {@code code}, else {@code null}. */
    public static TimeInForce timeInForce(int code) {
        for (TimeInForce t : TimeInForce.values()) {
            if (t.code() == code) {
                return t;
            }
        }
        return null;
    }

    /** The Liquidity whose {@link Liquidity#code()} is {@code code}, else {@code null}. */
    public static Liquidity liquidity(int code) {
        for (Liquidity l : Liquidity.values()) {
            if (l.code() == code) {
                return l;
            }
        }
        return null;
    }

    /** {@link Side#code()}: {@code BUY} 0, {@code SELL} 1. */
    public static int code(Side side) {
        return side.code();
    }

    /** The Side whose {@link Side#code()} is {@code code}, else {@code null}. */
    public static Side side(int code) {
        for (Side s : SIDES) {
            if (s.code() == code) {
                return s;
            }
        }
        return null;
    }

    /** {@link CommandType#code()}: {@code NEW} 0, {@code REPLACE} 1, {@code CANCEL} 2. */
    public static int code(CommandType type) {
        return type.code();
    }

    /** The CommandType whose {@link CommandType#code()} is {@code code}, else {@code null}. */
    public static CommandType commandType(int code) {
        for (CommandType t : COMMAND_TYPES) {
            if (t.code() == code) {
                return t;
            }
        }
        return null;
    }
}

package io.tradingchassis.core.config;

import java.math.BigDecimal;

/**
 * One tradable instrument. Its index in {@link CoreConfiguration#instruments()} is the instrument id
 * that events carry.
 *
 * @param symbol   venue symbol, e.g. {@code BTCUSDT}; required, unique, non-blank
 * @param tickSize price of one tick as an exact decimal, e.g. {@code 0.01}; required, &gt; 0
 * @param lotSize  quantity of one lot as an exact decimal, e.g. {@code 0.00001}; required, &gt; 0
 */
public record InstrumentSpec(String symbol, BigDecimal tickSize, BigDecimal lotSize) {
}

package io.tradingchassis.core.event;

/** One L2 level of a {@link BookSnapshot}: price in ticks, total quantity in lots. */
public record PriceLevel(long priceTicks, long qtyLots) {
}

/**
 * Binance recordings to datasets: {@link io.tradingchassis.runtime.binance.BinanceImport} reads gzipped
 * WebSocket recordings ({@code <local_receive_ns> <raw JSON>} per line, ../shared/data/README.md),
 * reconstructs the L2 book by Binance's snapshot/diff procedure, and writes the events to a dataset.
 * The rules — timestamps, synchronisation, feed gaps, tick and lot conversion, errors — are in
 * runtime/README.md ("Binance import").
 */
package io.tradingchassis.runtime.binance;

/**
 * Datasets (SPEC §12): immutable files of market events, identified by content. A file is a header
 * (magic, format version, instrument and market, tick and lot size, the source files and their SHA-256,
 * the event count), the events in stream order in CRC-checked blocks ({@link
 * io.tradingchassis.runtime.codec.EventCodec} entries), and a trailer that repeats the count, so a
 * truncated or corrupt file is detected and named. The layout is documented in runtime/README.md
 * ("Dataset format").
 *
 * <p>{@link io.tradingchassis.runtime.dataset.DatasetWriter} streams events to a temporary file and
 * moves it into place on commit; {@link io.tradingchassis.runtime.dataset.DatasetReader} streams them
 * back in constant memory; {@link io.tradingchassis.runtime.dataset.Dataset#id} is {@code sha256:} over
 * the file's bytes.
 */
package io.tradingchassis.runtime.dataset;

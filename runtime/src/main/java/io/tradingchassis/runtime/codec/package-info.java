/**
 * The binary event codec: every canonical event (SPEC §3) to and from bytes in a documented, versioned
 * layout ({@code runtime/README.md}, "Event codec"). Datasets use it for their entries, and golden logs
 * will use it for theirs: {@link io.tradingchassis.runtime.codec.EventCodec} encodes one event into a
 * caller-supplied buffer and decodes one event from a buffer at its position, allocating nothing but
 * the decoded event.
 */
package io.tradingchassis.runtime.codec;

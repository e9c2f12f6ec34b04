/**
 * JSON Canonicalization Scheme (RFC 8785): the byte-exact form of a JSON value that the
 * configuration fingerprint hashes.
 *
 * <p>{@link io.tradingchassis.core.json.JsonCanonicalizer} parses JSON text (or walks a
 * Jackson tree) under I-JSON rules and writes members sorted by UTF-16 code units, no
 * whitespace, minimal string escaping and numbers as ECMAScript prints them
 * ({@link io.tradingchassis.core.json.Es6NumberFormatter}). Configuration-time code, not
 * the hot path.
 */
package io.tradingchassis.core.json;

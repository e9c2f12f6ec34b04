/**
 * The {@code tc} command-line tool: validate, canonicalize and fingerprint configurations
 * (SPEC §10) and put any JSON text into RFC 8785 canonical form.
 *
 * <p>{@link io.tradingchassis.replay.cli.TcCommand#run} is the whole tool behind {@code main}:
 * it takes its output, error and input streams as arguments, so tests drive it in-process.
 */
package io.tradingchassis.replay.cli;

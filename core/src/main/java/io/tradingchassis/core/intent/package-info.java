/**
 * Intents (SPEC §3, §6): ephemeral commands a Strategy emits during one step. An Intent is not an
 * event (L1) and no Intent stage is an Order state (L5); only its recorded outcomes enter the stream.
 */
package io.tradingchassis.core.intent;

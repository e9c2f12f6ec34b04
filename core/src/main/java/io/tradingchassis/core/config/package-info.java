/**
 * Configuration (SPEC §10): loaded from JSON, validated at load with the JSON path of every bad value,
 * fully resolved (every default materialized) and fingerprinted over its RFC 8785 form.
 */
package io.tradingchassis.core.config;

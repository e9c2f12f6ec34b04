/**
 * The read-only projection of State a Strategy sees (SPEC §5 step 3): market, positions, orders and
 * control flags — never the Queue internals, the venue or a clock.
 */
package io.tradingchassis.core.view;

/**
 * Venue adapters (SPEC §12): the {@link io.tradingchassis.runtime.venue.SimulatedVenue}, a deterministic
 * exchange with hftbacktest 2.4.4's partial-fill rules, and its
 * {@link io.tradingchassis.runtime.venue.VenueSettings}.
 */
package io.tradingchassis.runtime.venue;

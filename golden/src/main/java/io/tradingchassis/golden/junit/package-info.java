/**
 * {@code @GoldenTest}: golden-test your own strategy (SPEC §13). A test says "this strategy on this data
 * with this configuration produces this golden": the first run records the approved golden under
 * {@code src/test/resources/golden/NAME.tcgl.yaml}; later runs record again and compare, failing with the
 * first divergent position and the State paths that differ, and write the new recording beside the
 * approved one as {@code NAME.received.tcgl.yaml}. Blessing is one explicit step (golden/README.md).
 */
package io.tradingchassis.golden.junit;

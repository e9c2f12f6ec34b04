/**
 * One processing step (SPEC §5): {@link io.tradingchassis.core.step.CoreEngine#processEventEntry}
 * applies one entry — intake, state derivation, strategy, risk, queue update, queue processing — and
 * returns a {@link io.tradingchassis.core.step.StepResult}.
 */
package io.tradingchassis.core.step;

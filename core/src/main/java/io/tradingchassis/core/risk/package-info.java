/**
 * Risk (SPEC §5 step 4, R1–R3): policy only, one binary verdict per Intent — allowed, or denied with a
 * {@link io.tradingchassis.core.intent.Reason}. An exception inside a policy is a denial
 * ({@code POLICY_ERROR}), never an allow. Risk reads State; it never touches the Queue.
 */
package io.tradingchassis.core.risk;

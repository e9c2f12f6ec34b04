package io.tradingchassis.core.step;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.intent.Disposition;
import io.tradingchassis.core.intent.IntentBuffer;
import io.tradingchassis.core.intent.Reason;
import io.tradingchassis.core.queue.DominanceQueue;
import io.tradingchassis.core.queue.QueueOutput;
import io.tradingchassis.core.queue.QueueProcessor;
import io.tradingchassis.core.risk.RiskEngine;
import io.tradingchassis.core.state.ExecutionState;
import io.tradingchassis.core.state.PendingCommand;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.strategy.Strategy;
import io.tradingchassis.core.strategy.StrategyFactory;

/**
 * SPEC §5 steps 3–6 inside one step: decision trigger and Strategy, Risk per Intent (R1), Queue update
 * under dominance (§7), Queue Processing (§8) and the obligation (§9). Holds scratch only.
 */
final class ExecutionPipeline implements QueueOutput {
    private final IntentBuffer intents = new IntentBuffer();
    private final QueueProcessor processor = new QueueProcessor();
    private final RiskEngine risk;
    private final Strategy fixedStrategy;
    private CoreConfiguration strategyConfiguration;
    private Strategy strategy;
    private StepResult out;

    ExecutionPipeline(RiskEngine risk) {
        this(risk, null);
    }

    /**
     * Test hook (package-private): a pipeline that runs {@code fixedStrategy} whatever the
     * configuration selects, so tests can drive exact Intents through Risk, the Queue and Queue
     * Processing. {@code null} means "the strategy the configuration names" (production behaviour).
     */
    ExecutionPipeline(RiskEngine risk, Strategy fixedStrategy) {
        this.risk = risk;
        this.fixedStrategy = fixedStrategy;
    }

    void run(State state, Event event, CoreConfiguration cfg, StepResult result) {
        this.out = result;
        ExecutionState x = state.execution();
        long firstIntentId = x.nextIntentId();
        intents.clear();
        decide(state, event, cfg);
        for (int i = 0; i < intents.size(); i++) {
            long intentId = x.takeIntentId();
            Reason verdict = risk.check(state, cfg, intents, i);
            if (!RiskEngine.allowed(verdict)) {
                result.addDisposition(intentId, intents.orderKey(i), intents.type(i), Disposition.DENIED, verdict);
                continue;
            }
            DominanceQueue.admit(x, intentId, intents.type(i), intents.orderKey(i), intents.instrument(i),
                    intents.side(i), intents.priceTicks(i), intents.qtyLots(i), this);
        }
        processor.process(x, cfg, state.control().controlTimeNs(), state.control().killSwitch(), this);
        // Intents of this step still waiting: report why (inflight gating or rate limit).
        for (int p = 0; p < x.pendingCount(); p++) {
            PendingCommand c = x.pendingAt(p);
            if (c.intentId() >= firstIntentId) {
                Reason why = x.inflightType(c.orderKey()) != null ? Reason.INFLIGHT : Reason.RATE_LIMITED;
                result.addDisposition(c.intentId(), c.orderKey(), c.type(), Disposition.PENDING, why);
            }
        }
        this.out = null;
    }

    /** SPEC §5 step 3: the decision trigger (event types, every Nth, strategy predicate), then the Strategy. */
    private void decide(State state, Event event, CoreConfiguration cfg) {
        if (!cfg.decisionTrigger().triggers(event.type())) {
            return;
        }
        long count = state.control().countTriggeringEvent(); // I4: the counter is State
        long everyNth = cfg.decisionTrigger().everyNth();
        if (everyNth != 1 && count % everyNth != 0) {
            return;
        }
        Strategy s = strategyFor(cfg);
        try {
            if (!s.wantsDecision(state)) {
                return;
            }
            state.execution().rebuildWorkingIndex();
            s.decide(state, intents);
            out.strategyRan(true, null);
        } catch (Exception e) {
            // A failing strategy emits nothing this step; the failure is data in the result (F1, F3).
            // Exception, not just RuntimeException: a sneakily thrown checked exception must not escape
            // after State derivation and leave the step half-applied (SPEC §5).
            intents.clear();
            out.strategyRan(true, e.toString());
        }
    }

    private Strategy strategyFor(CoreConfiguration cfg) {
        if (fixedStrategy != null) {
            return fixedStrategy;
        }
        if (cfg != strategyConfiguration) {
            strategy = StrategyFactory.create(cfg.strategy());
            strategyConfiguration = cfg;
        }
        return strategy;
    }

    @Override
    public void onDisposition(long intentId, long orderKey, CommandType type, Disposition d, Reason reason) {
        out.addDisposition(intentId, orderKey, type, d, reason);
    }

    @Override
    public void onDispatch(PendingCommand command) {
        out.addDispatch(command);
    }

    @Override
    public void onObligation(long deadlineNs, long scopeKey) {
        out.obligation(deadlineNs, scopeKey);
    }
}

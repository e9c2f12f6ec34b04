package io.tradingchassis.core.step;

import io.tradingchassis.core.config.CoreConfiguration;
import io.tradingchassis.core.config.StrategyConfig;
import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.event.ControlTimeReason;
import io.tradingchassis.core.event.Event;
import io.tradingchassis.core.event.EventType;
import io.tradingchassis.core.intent.Disposition;
import io.tradingchassis.core.intent.IntentBuffer;
import io.tradingchassis.core.intent.Reason;
import io.tradingchassis.core.queue.DominanceQueue;
import io.tradingchassis.core.queue.QueueOutput;
import io.tradingchassis.core.queue.QueueProcessor;
import io.tradingchassis.core.risk.RiskEngine;
import io.tradingchassis.core.state.ControlState;
import io.tradingchassis.core.state.ExecutionState;
import io.tradingchassis.core.state.PendingCommand;
import io.tradingchassis.core.state.PendingQueue;
import io.tradingchassis.core.state.State;
import io.tradingchassis.core.strategy.Strategy;
import io.tradingchassis.core.strategy.StrategyCatalog;
import io.tradingchassis.core.strategy.StrategyProvider;

/**
 * SPEC §5 steps 3–6 inside one step: decision trigger and Strategy, Risk per Intent (R1), Queue update
 * under dominance (§7), Queue Processing (§8) and the obligation (§9). Holds scratch only. Whatever a
 * Strategy or a risk policy throws is caught here (STYLE habit 12), so a step always applies completely.
 */
final class ExecutionPipeline implements QueueOutput {
    /** Scope key of a Strategy-timer obligation (rate-limit obligations carry an order key). */
    static final long TIMER_SCOPE = Long.MIN_VALUE;

    private final IntentBuffer intents = new IntentBuffer();
    private final IntentBuffer.Cursor cursor = intents.cursor();
    private final QueueProcessor processor = new QueueProcessor();
    private final StrategyContext view = new StrategyContext();
    private final RiskContext riskView = new RiskContext();
    private final RiskEngine risk;
    private final StrategyCatalog catalog;
    private CoreConfiguration strategyConfiguration;
    private Strategy strategy;
    private int memorySlots;
    // The decision trigger of strategyConfiguration, as a bit per EventType ordinal and everyNth.
    private long triggerMask;
    private long everyNth;
    private StepResult out;

    /** {@code catalog} null: the provider each configuration was parsed with. */
    ExecutionPipeline(RiskEngine risk, StrategyCatalog catalog) {
        this.risk = risk;
        this.catalog = catalog;
    }

    /**
     * Resolves and builds the configuration's Strategy, before the step mutates anything: a missing
     * provider or a failing factory is an error of the configuration, not a half-applied step.
     */
    void prepare(CoreConfiguration cfg) {
        if (cfg == strategyConfiguration) {
            return;
        }
        StrategyConfig sc = cfg.strategy();
        StrategyProvider provider = sc.provider();
        if (catalog != null) {
            provider = catalog.provider(sc.id());
            if (provider == null || !provider.version().equals(sc.version())) {
                throw new IllegalArgumentException("the configuration selects strategy " + sc.id() + " version "
                        + sc.version() + ", which this engine's catalog " + (provider == null ? "does not have"
                        : "has at version " + provider.version()) + "; known: " + catalog.ids());
            }
        }
        Strategy s;
        try {
            s = provider.create(sc.parameters());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("strategy " + sc.id() + " could not be created from " + sc + ": "
                    + CoreEngine.describe(e), e);
        }
        if (s == null) {
            throw new IllegalArgumentException("strategy provider " + sc.id() + " created no strategy");
        }
        long mask = 0;
        for (EventType t : EventType.values()) {
            if (cfg.decisionTrigger().triggers(t)) {
                mask |= 1L << t.ordinal();
            }
        }
        strategy = s;
        memorySlots = provider.memorySlots();
        triggerMask = mask;
        everyNth = cfg.decisionTrigger().everyNth();
        strategyConfiguration = cfg;
    }

    void run(State state, Event event, EventType type, long position, CoreConfiguration cfg, StepResult result) {
        this.out = result;
        ExecutionState x = state.execution();
        PendingQueue q = x.queue();
        long firstIntentId = q.nextIntentId();
        intents.clear();
        decide(state, event, type, position, cfg);
        if (intents.size() > 0) {
            checkAndAdmit(state, x, q, cfg, result);
        }
        processor.process(x, cfg, state.control().controlTimeNs(), state.control().killSwitch(), this);
        long timer = state.control().strategyTimerNs();
        if (timer != ControlState.NO_TIME && (!result.hasObligation() || timer < result.obligationDeadlineNs())) {
            // SPEC §9: timers and rate-limit recovery are one mechanism; the earliest deadline is returned.
            result.obligation(timer, TIMER_SCOPE, ControlTimeReason.STRATEGY_TIMER);
        }
        if (q.nextIntentId() != firstIntentId) {
            reportWaiting(x, q, firstIntentId, result);
        }
        this.out = null;
    }

    /** SPEC §5 steps 4–5 for each Intent of the decision: Risk, then the Queue under dominance. */
    private void checkAndAdmit(State state, ExecutionState x, PendingQueue q, CoreConfiguration cfg,
                               StepResult result) {
        riskView.bind(state);
        for (int i = 0; i < intents.size(); i++) {
            long intentId = q.takeIntentId();
            Reason verdict = risk.check(riskView, cfg, cursor.at(i));
            if (!RiskEngine.allowed(verdict)) {
                result.addDisposition(intentId, intents.orderKey(i), intents.type(i), Disposition.DENIED, verdict);
                continue;
            }
            DominanceQueue.admit(x, intentId, intents.type(i), intents.orderKey(i), intents.instrument(i),
                    intents.side(i), intents.priceTicks(i), intents.qtyLots(i), intents.timeInForce(i), this);
        }
        riskView.unbind();
    }

    /**
     * Intents of this step still waiting: report why (inflight gating or rate limit). Only commands with
     * an intent id taken in this step qualify, so a step that took none has nothing to report.
     */
    private static void reportWaiting(ExecutionState x, PendingQueue q, long firstIntentId, StepResult result) {
        for (int p = 0; p < q.size(); p++) {
            PendingCommand c = q.at(p);
            if (c.intentId() >= firstIntentId) {
                Reason why = x.inflight().get(c.orderKey()) != null ? Reason.INFLIGHT : Reason.RATE_LIMITED;
                result.addDisposition(c.intentId(), c.orderKey(), c.type(), Disposition.PENDING, why);
            }
        }
    }

    /** SPEC §5 step 3: the decision trigger (event types, every Nth, strategy predicate), then the Strategy. */
    private void decide(State state, Event event, EventType type, long position, CoreConfiguration cfg) {
        ControlState control = state.control();
        long timer = control.strategyTimerNs();
        boolean timerDue = timer != ControlState.NO_TIME && timer <= control.controlTimeNs();
        if (timerDue) {
            control.strategyTimerNs(ControlState.NO_TIME); // single-shot; decide may set the next
        } else {
            if ((triggerMask & (1L << type.ordinal())) == 0) { // cfg.decisionTrigger().triggers(type)
                return;
            }
            long count = control.countTriggeringEvent(); // I4: the counter is State
            if (everyNth != 1 && count % everyNth != 0) {
                return;
            }
        }
        view.begin(state, cfg, event, type, position, memorySlots);
        try {
            if (!strategy.wantsDecision(view)) {
                return;
            }
            view.allowWrites();
            strategy.decide(view, intents);
            view.commit();
            out.strategyRan(true, null);
        } catch (Throwable t) {
            // Anything thrown (Errors included) is data: the decision emits nothing and keeps no memory
            // writes, and the step still applies completely (SPEC §5 atomicity, F1, F3).
            intents.clear();
            out.strategyRan(true, CoreEngine.describe(t));
        } finally {
            view.end();
        }
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
        out.obligation(deadlineNs, scopeKey, ControlTimeReason.RATE_LIMIT_RECOVERY);
    }
}

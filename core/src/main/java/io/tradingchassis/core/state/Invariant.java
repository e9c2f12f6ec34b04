package io.tradingchassis.core.state;

/**
 * The invariants the core checks while processing (SPEC §11), plus four project-local refinements
 * (EV1, EV2, CF1, CT1) that name how an event can be malformed. Ids appear in every
 * {@link InvariantViolation} message.
 */
public enum Invariant {
    /** Events apply in position order, no gaps, no repeats. */
    E4("events apply in position order, no gaps, no repeats"),
    /** An Order begins at Submitted: execution events need a submitted order; an id is submitted once. */
    L3("an Order begins at Submitted (from its OrderSubmitted record), exactly once"),
    /** Order transitions respect the SPEC §6 state machine. */
    L4("Order transitions come only from canonical events and respect the state machine"),
    /** At most one pending command per order key. */
    EC4("at most one pending command per order key"),
    /** At most one inflight request per order key. */
    EC5("at most one inflight request per order key"),
    /** An event's payload is well-formed: positive prices, non-negative quantities, consistent fills. */
    EV1("event payload is well-formed (prices > 0, quantities >= 0, fills consistent with the order)"),
    /** An event names an instrument the configuration defines. */
    EV2("event names an instrument defined by the configuration"),
    /**
     * The configuration passed to a step is the one the stream activated: a ConfigurationActivated
     * names the configuration of its own step, and after one every step gets that configuration
     * (SPEC §10: a configuration changes mid-stream only through ConfigurationActivated).
     */
    CF1("the configuration passed to a step is the one the stream activated (SPEC §10)"),
    /** A Control-Time deadline is realized once, in increasing order, at localTsNs == deadlineNs (SPEC §9). */
    CT1("a Control-Time deadline is realized at most once, in increasing order, with localTsNs == deadlineNs");

    private final String rule;

    Invariant(String rule) {
        this.rule = rule;
    }

    /** The rule in words. */
    public String rule() {
        return rule;
    }
}

package io.tradingchassis.core.event;

/** A side of an L2 book. */
public enum BookSide { BID, ASK }

package io.tradingchassis.core.state;

/** Rate-limit bookkeeping (SPEC §4, §8.3): the token bucket level, scaled by 10⁹, and its refill time. */
public final class TokenBucketState {
    private boolean started;
    private long scaled;
    private long refilledAtNs;

    TokenBucketState() {
    }

    TokenBucketState copy() {
        TokenBucketState c = new TokenBucketState();
        c.started = started;
        c.scaled = scaled;
        c.refilledAtNs = refilledAtNs;
        return c;
    }

    /** Whether the bucket has been started (at the control time of position 0). */
    public boolean started() {
        return started;
    }

    /** Tokens × 10⁹. */
    public long scaled() {
        return scaled;
    }

    /** Control time of the last refill. */
    public long refilledAtNs() {
        return refilledAtNs;
    }

    /** Sets the level and refill time (starts the bucket). */
    @Mutator
    public void set(long scaled, long refilledAtNs) {
        this.started = true;
        this.scaled = scaled;
        this.refilledAtNs = refilledAtNs;
    }

    void encode(CanonicalEncoder enc) {
        enc.tag('K').writeBoolean(started).writeLong(scaled).writeLong(refilledAtNs);
    }
}

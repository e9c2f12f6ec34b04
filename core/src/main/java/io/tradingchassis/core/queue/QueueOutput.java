package io.tradingchassis.core.queue;

import io.tradingchassis.core.event.CommandType;
import io.tradingchassis.core.intent.Disposition;
import io.tradingchassis.core.intent.Reason;
import io.tradingchassis.core.state.PendingCommand;

/** Where the Queue reports what it did in a step. */
public interface QueueOutput {

    /** An Intent arc moved to {@code disposition}. */
    void onDisposition(long intentId, long orderKey, CommandType type, Disposition disposition, Reason reason);

    /** A command left the Queue as a dispatch request (it is now inflight). */
    void onDispatch(PendingCommand command);

    /** Rate-blocked work remains: the runtime should realize a Control-Time event at {@code deadlineNs}. */
    void onObligation(long deadlineNs, long scopeKey);
}

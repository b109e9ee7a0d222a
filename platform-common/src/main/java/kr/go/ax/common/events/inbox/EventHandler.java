package kr.go.ax.common.events.inbox;

/** Applies one event's effect; runs inside the transaction that also records the event in the inbox. */
@FunctionalInterface
public interface EventHandler {
    void apply(InboundEvent event) throws Exception;
}

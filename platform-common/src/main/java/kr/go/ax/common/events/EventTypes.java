package kr.go.ax.common.events;

/** CloudEvents {@code type} values: reverse-DNS, past tense, versioned so a breaking change gets a new type. */
public final class EventTypes {
    public static final String CALL_CREATED = "kr.go.ax.call.created.v1";
    public static final String CALL_UPDATED = "kr.go.ax.call.updated.v1";
    public static final String CALL_OPENED = "kr.go.ax.call.opened.v1";
    public static final String CALL_CLOSED = "kr.go.ax.call.closed.v1";
    public static final String CALL_DECIDED = "kr.go.ax.call.decided.v1";

    private EventTypes() {
    }
}

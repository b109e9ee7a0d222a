package kr.go.ax.common.events.inbox;

/**
 * Thrown by a handler when an event arrived before something it depends on (e.g. an application submitted to a call
 * whose own event is still on its way on another topic). The inbox retries it with a growing pause instead of
 * dead-lettering it.
 */
public class RetryLaterException extends RuntimeException {
    public RetryLaterException(String message) {
        super(message);
    }
}

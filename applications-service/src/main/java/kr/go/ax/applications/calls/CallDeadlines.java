package kr.go.ax.applications.calls;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Closes calls automatically when their {@code closesAt} passes (checked every few seconds, server clock, UTC). */
@ApplicationScoped
public class CallDeadlines {
    private static final Logger LOG = Logger.getLogger(CallDeadlines.class);

    private final CallService calls;
    private final Clock clock;

    public CallDeadlines(CallService calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    @Scheduled(every = "${ax.calls.deadline-check:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeExpiredCalls() {
        int closed = calls.closeExpired(clock.instant());
        if (closed > 0) {
            LOG.infof("Closed %d call(s) whose deadline passed", closed);
        }
    }
}

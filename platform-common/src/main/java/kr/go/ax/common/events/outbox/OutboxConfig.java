package kr.go.ax.common.events.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "ax.outbox")
public interface OutboxConfig {
    /** The CloudEvents {@code source} of this service's events. */
    String source();

    /** Most events published in one relay round (one transaction). */
    @WithDefault("256")
    int batchSize();

    /**
     * How long the relay sleeps when nothing woke it. Commits in this process wake it at once; the poll catches events
     * written by another instance or left over by a crash.
     */
    @WithDefault("200ms")
    Duration pollInterval();

    /** How long a round waits for the broker to acknowledge before it gives up and retries later. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** Published events are kept this long for inspection, then purged. */
    @WithDefault("P7D")
    Duration retention();

    @WithDefault("true")
    boolean enabled();
}

package kr.go.ax.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import kr.go.ax.gateway.EventLoopCaches;
import kr.go.ax.gateway.GatewayConfig;
import kr.go.ax.gateway.auth.ClientIdentity;

/**
 * A token bucket per client (Bucket4j, lock-free), sized by the client's role: {@code ax.gateway.rate-limits.<role>}.
 * Buckets live in this instance's memory: with several gateway instances each enforces the limit on its own share.
 * A bucket idle for {@link #IDLE} is dropped: it would be full again by then anyway.
 */
@Singleton // on every proxied request: no client proxy to go through
public class RateLimiter {
    private final GatewayConfig config;
    static final Duration IDLE = Duration.ofMinutes(10);
    private final Cache<String, Limited> buckets = EventLoopCaches.newBuilder().maximumSize(1_000_000)
            .expireAfterAccess(IDLE).build();

    public RateLimiter(GatewayConfig config) {
        this.config = config;
    }

    /** A client's bucket, with its limit and the RateLimit-Policy value it answers with. */
    private record Limited(Bucket bucket, GatewayConfig.RateLimit limit, String policy) {
        static Limited of(GatewayConfig.RateLimit limit) {
            return new Limited(Bucket.builder().addLimit(Bandwidth.builder().capacity(limit.burst())
                    .refillGreedy(limit.perSecond(), Duration.ofSeconds(1)).build()).build(), limit,
                    limit.perSecond() + ";w=1;burst=" + limit.burst());
        }
    }

    /** A client whose roles have no limit; remembered like the others so the roles are looked at once. */
    private static final Limited UNLIMITED = new Limited(null, null, null);

    /** The outcome for one request: whether it may pass, and what the RateLimit-* headers say. */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds,
            String policy) {
    }

    /** Takes one token from the client's bucket; empty when no limit applies to the client's roles. */
    public Optional<Decision> take(ClientIdentity client) {
        // A plain read first: computing on a hit costs Caffeine more, on every request.
        Limited limited = buckets.getIfPresent(client.subject());
        if (limited == null) {
            limited = buckets.get(client.subject(), subject -> limitFor(client).map(Limited::of).orElse(UNLIMITED));
        }
        if (limited == UNLIMITED) {
            return Optional.empty();
        }
        ConsumptionProbe probe = limited.bucket().tryConsumeAndReturnRemaining(1);
        GatewayConfig.RateLimit l = limited.limit();
        long missing = l.burst() - probe.getRemainingTokens();
        long resetSeconds = (long) Math.ceil((double) missing / l.perSecond());
        long retryAfter = probe.isConsumed() ? 0 : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L)
                / 1_000_000_000L);
        return Optional.of(new Decision(probe.isConsumed(), l.burst(), probe.getRemainingTokens(), resetSeconds,
                retryAfter, limited.policy()));
    }

    private Optional<GatewayConfig.RateLimit> limitFor(ClientIdentity client) {
        return client.roles().stream().map(role -> config.rateLimits().get(role)).filter(java.util.Objects::nonNull)
                .max(Comparator.comparingLong(GatewayConfig.RateLimit::perSecond));
    }
}

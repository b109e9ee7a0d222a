package kr.go.ax.gateway;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Caffeine caches read on the event loop, on every request. Caffeine hands its upkeep (draining the buffers that
 * record reads, expiring entries) to {@code ForkJoinPool.commonPool()} by default: under load that woke a pool thread
 * several hundred times a second (a fifth of a futex call per request, the gateway's largest source of them). On the
 * calling thread instead, a read never waits (its upkeep is skipped when another thread holds the lock); a write may
 * do the upkeep, and one pass drops every expired entry. No cache here has a removal listener.
 */
public final class EventLoopCaches {
    private EventLoopCaches() {
    }

    public static Caffeine<Object, Object> newBuilder() {
        return Caffeine.newBuilder().executor(Runnable::run);
    }
}

package kr.go.ax.gateway;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Caffeine caches read on the event loop, on every request. Caffeine hands its upkeep (draining the buffers that
 * record reads, expiring entries) to {@code ForkJoinPool.commonPool()} by default: under load that woke a pool thread
 * several hundred times a second (a quarter of a futex call per request, the gateway's largest source of them). Run
 * on the calling thread instead, the upkeep is a few entries at a time under a try-lock, and never waits.
 */
public final class EventLoopCaches {
    private EventLoopCaches() {
    }

    public static Caffeine<Object, Object> newBuilder() {
        return Caffeine.newBuilder().executor(Runnable::run);
    }
}

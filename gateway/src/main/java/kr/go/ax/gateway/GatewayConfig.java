package kr.go.ax.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

@ConfigMapping(prefix = "ax.gateway")
public interface GatewayConfig {
    /** The routing table: per service, its base URL and the public path prefixes it serves. */
    Map<String, Route> routes();

    Identity identity();

    DemoKeys demoKeys();

    PeopleTokens peopleTokens();

    interface PeopleTokens {
        /** Accept bearer tokens of the OpenID Connect provider (keys and issuer: {@code mp.jwt.verify.*}). */
        @WithDefault("false")
        boolean enabled();
    }

    /** Token buckets per role; a client with several roles gets its most generous one. */
    Map<String, RateLimit> rateLimits();

    /** Function-level authorization at the edge: requests matching a rule need one of its roles. */
    List<EdgeRule> edgeRules();

    interface RateLimit {
        /** Sustained requests per second. */
        long perSecond();

        /** Requests allowed at once after a quiet spell. */
        long burst();
    }

    interface EdgeRule {
        /** HTTP methods the rule covers; all when absent. */
        java.util.Optional<List<String>> methods();

        /** Regular expression over the request path. */
        String path();

        List<String> roles();
    }

    interface Route {
        URI url();

        List<String> prefixes();

        /**
         * How long the service may stay silent (no response bytes) before the caller gets a 504; an upload counts
         * against it, so routes taking bulk uploads get more.
         */
        @WithDefault("30s")
        Duration timeout();

        /**
         * The largest request body the route takes, counted as it streams (chunked bodies too); more is a 413. No more
         * than the service's own limit (10M), or an oversized body is cut off by the service as it streams.
         */
        @WithDefault("10M")
        io.quarkus.runtime.configuration.MemorySize maxBodySize();

        /** Regular expressions of the bulk upload paths, which take {@link #bulkMaxBodySize()}. */
        java.util.Optional<List<String>> bulkPaths();

        @WithDefault("64M")
        io.quarkus.runtime.configuration.MemorySize bulkMaxBodySize();

        /** The silence allowed on the bulk upload paths, which stream large bodies and answer at the end. */
        @WithDefault("120s")
        Duration bulkTimeout();

        /** Consecutive transport failures (unreachable, timed out) that open the route's circuit. */
        @WithDefault("5")
        int circuitFailures();

        /** How long an open circuit answers 503 at once before letting a trial request through. */
        @WithDefault("10s")
        Duration circuitOpenFor();
    }

    interface Identity {
        /** The {@code iss} of forwarded tokens; services check it. */
        @WithDefault("ax-gateway")
        String issuer();

        /** Forwarded tokens are short-lived: they only need to outlive one request. */
        @WithDefault("300s")
        Duration tokenLifetime();
    }

    interface DemoKeys {
        /** Demo API keys exist only where this is true: the local and test profiles. */
        @WithDefault("false")
        boolean enabled();

        /** Region codes that get a {@code demo-region-<code>} key. */
        List<String> regions();
    }
}

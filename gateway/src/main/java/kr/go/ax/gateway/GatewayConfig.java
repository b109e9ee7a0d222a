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

    interface Route {
        URI url();

        List<String> prefixes();

        /** How long the service may take to answer a request before the caller gets a 504. */
        @WithDefault("30s")
        Duration timeout();
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

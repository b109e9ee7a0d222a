package kr.go.ax.gateway.routing;

import java.util.List;
import kr.go.ax.gateway.GatewayConfig;

/**
 * The largest body a request may carry on one route, and how long the service may stay silent: the bulk upload
 * paths take much more, and longer, than the JSON endpoints,
 * whose limit matches what the service itself accepts (a body the service would refuse half-way through its upload
 * must be refused here, as a 413, not broken off as a 502).
 */
record BodyLimits(long ordinary, List<PathPattern> bulkPaths, long bulk, long ordinaryTimeoutMillis,
        long bulkTimeoutMillis) {
    static BodyLimits of(GatewayConfig.Route route) {
        List<PathPattern> paths = route.bulkPaths().orElse(List.of()).stream().map(PathPattern::new).toList();
        return new BodyLimits(route.maxBodySize().asLongValue(), paths, route.bulkMaxBodySize().asLongValue(),
                route.timeout().toMillis(), route.bulkTimeout().toMillis());
    }

    boolean isBulk(String path) {
        for (PathPattern bulkPath : bulkPaths) {
            if (bulkPath.matches(path)) {
                return true;
            }
        }
        return false;
    }

    long forPath(String path) {
        return isBulk(path) ? bulk : ordinary;
    }

    /** How long the service may stay silent on this path before the caller gets a 504. */
    long timeoutMillis(String path) {
        return isBulk(path) ? bulkTimeoutMillis : ordinaryTimeoutMillis;
    }
}

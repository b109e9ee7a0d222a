package kr.go.ax.gateway.routing;

import java.util.List;
import java.util.regex.Pattern;
import kr.go.ax.gateway.GatewayConfig;

/**
 * The largest body a request may carry on one route: the bulk upload paths take much more than the JSON endpoints,
 * whose limit matches what the service itself accepts (a body the service would refuse half-way through its upload
 * must be refused here, as a 413, not broken off as a 502).
 */
record BodyLimits(long ordinary, Pattern bulkPaths, long bulk) {
    static BodyLimits of(GatewayConfig.Route route) {
        List<String> bulk = route.bulkPaths().orElse(List.of());
        Pattern paths = bulk.isEmpty() ? null : Pattern.compile(String.join("|", bulk.stream()
                .map(p -> "(?:" + p + ")").toList()));
        return new BodyLimits(route.maxBodySize().asLongValue(), paths, route.bulkMaxBodySize().asLongValue());
    }

    long forPath(String path) {
        return bulkPaths != null && bulkPaths.matcher(path).matches() ? bulk : ordinary;
    }
}

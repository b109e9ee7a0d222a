package kr.go.ax.gateway.auth;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kr.go.ax.gateway.GatewayConfig;
import kr.go.ax.gateway.routing.PathPattern;

/**
 * The first line of authorization, at the edge (the services still enforce everything themselves): requests matching
 * a rule of {@code ax.gateway.edge-rules} need one of the rule's roles, or they stop here with a 403.
 */
@Singleton // on every proxied request: no client proxy to go through
public class EdgeRules {
    private record Rule(Set<String> methods, PathPattern path, Set<String> roles) {
    }

    private final List<Rule> rules;

    public EdgeRules(GatewayConfig config) {
        this.rules = config.edgeRules().stream()
                .map(r -> new Rule(Set.copyOf(r.methods().orElse(List.of())),
                        new PathPattern(r.path()), Set.copyOf(r.roles())))
                .toList();
    }

    /** The roles the request would need and the client lacks; empty when it may pass. */
    public Optional<Set<String>> refused(String method, String path, ClientIdentity client) {
        // `/x/` and `/x` are one resource to the services
        String plain = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (Rule rule : rules) {
            if ((rule.methods().isEmpty() || rule.methods().contains(method)) && rule.path().matches(plain)
                    && rule.roles().stream().noneMatch(client.roles()::contains)) {
                return Optional.of(rule.roles());
            }
        }
        return Optional.empty();
    }
}

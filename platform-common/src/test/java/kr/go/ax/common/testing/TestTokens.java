package kr.go.ax.common.testing;

import io.smallrye.jwt.build.Jwt;
import java.util.Set;

/**
 * Tokens shaped like the gateway's. In test mode Quarkus makes an in-memory key pair and configures the service to
 * verify with it, so these tokens are signed with that pair; no key is ever committed.
 */
public final class TestTokens {
    private TestTokens() {
    }

    public static String admin() {
        return token("admin", Set.of("admin"), null);
    }

    public static String portal() {
        return token("portal", Set.of("portal"), null);
    }

    public static String evaluator(int n) {
        return token("evaluator-" + n, Set.of("evaluator"), null);
    }

    public static String region(String code) {
        return token("region-" + code, Set.of("region"), code);
    }

    public static String token(String subject, Set<String> roles, String region) {
        var claims = Jwt.issuer("ax-gateway").audience("ax-services").subject(subject).groups(roles)
                .expiresIn(300);
        if (region != null) {
            claims.claim("region", region);
        }
        return claims.sign();
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}

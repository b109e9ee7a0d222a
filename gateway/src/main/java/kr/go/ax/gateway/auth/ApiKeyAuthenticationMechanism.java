package kr.go.ax.gateway.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Authenticates calls to the gateway's own API ({@code /api/v1/gateway/...}) with the same API keys as proxied
 * routes, so its endpoints can say {@code @RolesAllowed}. The region of a region key is the {@code region} attribute.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {
    public static final String HEADER = "X-API-Key";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String key = context.request().getHeader(HEADER);
        if (key == null) {
            return Uni.createFrom().nullItem();
        }
        return identities.authenticate(new ApiKeyRequest(key));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "ApiKey header=\"" + HEADER + "\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyRequest.class);
    }

    public static final class ApiKeyRequest extends BaseAuthenticationRequest {
        final String key;

        ApiKeyRequest(String key) {
            this.key = key;
        }
    }

    @ApplicationScoped
    public static class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyRequest> {
        private final ApiKeys keys;

        public ApiKeyIdentityProvider(ApiKeys keys) {
            this.keys = keys;
        }

        @Override
        public Class<ApiKeyRequest> getRequestType() {
            return ApiKeyRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(ApiKeyRequest request, AuthenticationRequestContext context) {
            return keys.resolve(request.key).map(identity -> {
                QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(identity.subject()))
                        .addRoles(identity.roles());
                if (identity.region() != null) {
                    builder.addAttribute("region", identity.region());
                }
                return Uni.createFrom().<SecurityIdentity>item(builder.build());
            }).orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException("unknown API key")));
        }
    }
}

package kr.go.ax.gateway.auth;

import java.util.Set;

/** Who an API key belongs to: the subject, its roles and, for a region, its ISO 3166-2:KR code. */
public record ClientIdentity(String subject, Set<String> roles, String region) {
}

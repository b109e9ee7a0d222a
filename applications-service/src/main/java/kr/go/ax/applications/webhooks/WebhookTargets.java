package kr.go.ax.applications.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where deliveries may go: http(s) URLs only, and by default never to loopback, private, link-local or otherwise
 * internal addresses (a webhook must not become a way into the platform's own network). The local profile and the
 * tests allow them ({@code ax.webhooks.allow-private-targets=true}) so a portal on the same machine can receive.
 * Checked when a subscription is saved and again before each delivery, as a name may resolve elsewhere later.
 */
@ApplicationScoped
public class WebhookTargets {
    private final boolean allowPrivate;

    public WebhookTargets(@ConfigProperty(name = "ax.webhooks.allow-private-targets", defaultValue = "false")
            boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Why the URL may not receive deliveries; empty when it may. */
    public Optional<String> refused(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of("must have a host, and no user info or fragment");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (internal(address)) {
                    return Optional.of("resolves to " + address.getHostAddress()
                            + ", a loopback, private or link-local address; these are not allowed");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("has a host name that does not resolve");
        }
        return Optional.empty();
    }

    static boolean internal(InetAddress address) {
        byte[] b = address.getAddress();
        boolean uniqueLocalV6 = b.length == 16 && (b[0] & 0xfe) == 0xfc; // fc00::/7
        boolean carrierNat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64; // 100.64.0.0/10
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocalV6 || carrierNat;
    }
}

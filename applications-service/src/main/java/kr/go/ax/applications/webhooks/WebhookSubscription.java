package kr.go.ax.applications.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A portal's (or an administrator's) subscription: where to deliver which events, and the secret to sign with. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {
    public static final String ACTIVE = "ACTIVE";
    public static final String DISABLED = "DISABLED";
    /** Every event type the owner may read. */
    public static final String ALL = "*";

    @Id
    public UUID id;
    /** The token subject that created it; only they (and administrators) manage it. */
    @Column(nullable = false)
    public String owner;
    /** portal or admin: decides which events it may receive. */
    @Column(name = "owner_role", nullable = false)
    public String ownerRole;
    @Column(nullable = false)
    public String url;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "event_types", nullable = false)
    public List<String> eventTypes;
    @Column(nullable = false)
    public String secret;
    @Column(nullable = false)
    public String status;
    @Column(name = "consecutive_failures", nullable = false)
    public int consecutiveFailures;
    @Column(name = "disabled_reason")
    public String disabledReason;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;

    public boolean wants(String eventType) {
        return wants(eventTypes, eventType);
    }

    /** Whether a subscription to {@code eventTypes} wants an event of {@code eventType}. */
    static boolean wants(java.util.Collection<String> eventTypes, String eventType) {
        return eventTypes.contains(ALL) || eventTypes.contains(eventType);
    }
}

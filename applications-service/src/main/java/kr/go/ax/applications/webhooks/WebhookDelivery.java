package kr.go.ax.applications.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One event for one subscription: its CloudEvent body, and how its delivery went. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {
    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    /** Retries exhausted, or the subscription was disabled: redeliver by hand. */
    public static final String FAILED = "FAILED";

    @Id
    public UUID id;
    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;
    /** The CloudEvent id; sent as webhook-id, so a receiver detects a repeated delivery. */
    @Column(name = "event_id", nullable = false)
    public String eventId;
    @Column(name = "event_type", nullable = false)
    public String eventType;
    /** The CloudEvent in structured JSON mode, exactly as signed and sent. */
    @Column(nullable = false)
    public String payload;
    @Column(nullable = false)
    public String status;
    @Column(nullable = false)
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;
    @Column(name = "last_status_code")
    public Integer lastStatusCode;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}

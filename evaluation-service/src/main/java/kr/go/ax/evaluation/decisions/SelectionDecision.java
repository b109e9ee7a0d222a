package kr.go.ax.evaluation.decisions;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of a call's selection decision: the inputs it was computed from (with their SHA-256), the rule set, and
 * the full output. Never updated: the table refuses UPDATE and DELETE, and a change is a new version.
 */
@Entity
@Immutable
@Table(name = "selection_decision")
public class SelectionDecision {
    @Embeddable
    public record Key(@Column(name = "call_id") UUID callId, @Column(name = "version") int version)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    /** See {@link kr.go.ax.common.events.SelectionDecided#reason()}. */
    @Column(nullable = false)
    public String reason;

    @Column(name = "rule_set_version", nullable = false)
    public String ruleSetVersion;

    @Column(name = "inputs_sha256", nullable = false)
    public String inputsSha256;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public JsonNode inputs;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public JsonNode output;

    @Column(name = "decided_by", nullable = false)
    public String decidedBy;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;
}

package kr.go.ax.gateway.apikeys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A machine client's API key: its name (the subject services see), roles, region, and the key's hash only. */
@Entity
@Table(name = "api_key")
public class ApiKey {
    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String name;

    @Column(name = "key_hash", nullable = false, unique = true)
    public String keyHash;

    /** The key's first characters, so people can tell their keys apart without the secret. */
    @Column(name = "key_prefix", nullable = false)
    public String keyPrefix;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> roles;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "rotated_at")
    public Instant rotatedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;
}

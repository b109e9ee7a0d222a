package kr.go.ax.applications.applications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step of an application's life: from, to, who, when and why. Never changed once written. */
@Entity
@Table(name = "application_transition")
public class ApplicationTransition {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ApplicationStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public ApplicationStatus toStatus;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public Instant at;

    public String reason;
}

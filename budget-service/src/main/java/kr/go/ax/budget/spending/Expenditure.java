package kr.go.ax.budget.spending;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "expenditure")
public class Expenditure {
    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "external_id", nullable = false)
    public String externalId;

    @Column(name = "fiscal_year", nullable = false)
    public int fiscalYear;

    @Column(name = "spent_on", nullable = false)
    public LocalDate spentOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ExpenditureInput.Source source;

    @Column(name = "amount_krw", nullable = false)
    public long amountKrw;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ExpenditureInput.Category category;

    @Enumerated(EnumType.STRING)
    @Column(name = "evidence_type", nullable = false)
    public ExpenditureInput.EvidenceType evidenceType;

    @Column(name = "evidence_reference", nullable = false)
    public String evidenceReference;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}

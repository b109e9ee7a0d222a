package kr.go.ax.budget.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** The central pool of one call and fiscal year, and how much of it is committed to selected applications. */
@Entity
@Table(name = "fund_pool")
public class FundPool {
    @EmbeddedId
    public Key key;

    @Column(name = "pool_krw", nullable = false)
    public long poolKrw;

    @Column(name = "committed_krw", nullable = false)
    public long committedKrw;

    public long availableKrw() {
        return poolKrw - committedKrw;
    }

    @Embeddable
    public record Key(@Column(name = "call_id") UUID callId, @Column(name = "fiscal_year") int fiscalYear)
            implements Serializable {
    }
}

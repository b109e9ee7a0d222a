package kr.go.ax.common.events.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Remembers which events a consumer has applied. The row is inserted first, in the same transaction as the effect: a
 * duplicate delivery finds the row and does nothing, and a rolled-back effect rolls back the row too.
 */
@ApplicationScoped
public class Inbox {
    private final EntityManager entityManager;

    public Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @return true the first time this consumer sees the event, false for a redelivery */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, InboundEvent event) {
        int inserted = entityManager.createNativeQuery("""
                INSERT INTO inbox_event (consumer, event_id, type, source)
                VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT DO NOTHING""")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .setParameter(4, event.source())
                .executeUpdate();
        return inserted == 1;
    }
}

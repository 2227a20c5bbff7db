package io.rapport.scheduler.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Writes what one event changed and forgets the entities it loaded. A batch of events is applied in one transaction,
 * and each event here loads a contact's projection, tasks and health and runs a dozen queries: were the entities of
 * the whole batch kept, Hibernate would dirty-check all of them before every query, a cost growing with the square of
 * the batch.
 */
@ApplicationScoped
public class AppliedEvents {

    private final EntityManager entityManager;

    public AppliedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(TxType.MANDATORY)
    public void writeAndForget() {
        entityManager.flush();
        entityManager.clear();
    }
}

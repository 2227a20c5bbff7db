package io.rapport.events.inbox;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hibernate.Session;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.Status;

import io.rapport.transaction.TransactionResources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * The rows a batch of events is about, read by id in one query before the events are applied, remembering the ids
 * that have no row: applying the events then asks the database nothing more about them. (The persistence context
 * alone remembers only the rows it holds, so each event about a new row cost a round trip, the most expensive part
 * of applying it.) The ids are forgotten with the transaction; an id it did not preload is looked up on its own.
 */
@ApplicationScoped
public class PreloadedRows {

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;

    public PreloadedRows(EntityManager entityManager, TransactionSynchronizationRegistry transactions) {
        this.entityManager = entityManager;
        this.transactions = transactions;
    }

    /** Reads the rows of these ids in one query (into the persistence context), remembering the ids without one. */
    @Transactional(TxType.MANDATORY)
    public <T> void load(Class<T> type, Collection<?> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<?> distinct = ids.stream().distinct().toList();
        List<T> rows = entityManager.unwrap(Session.class).byMultipleIds(type).multiLoad(distinct); // in id order
        Set<Object> absent = absent(type);
        for (int i = 0; i < distinct.size(); i++) {
            if (rows.get(i) == null) {
                absent.add(distinct.get(i));
            }
        }
    }

    /**
     * The row of this id, as {@link EntityManager#find} would answer: from the persistence context (where the rows
     * read, and those persisted since, are), else nothing if the id had no row when preloaded, else from the
     * database.
     */
    @Transactional(TxType.MANDATORY)
    public <T> T find(Class<T> type, Object id) {
        SessionImplementor session = entityManager.unwrap(SessionImplementor.class);
        PersistenceContext context = session.getPersistenceContextInternal();
        Object held = context.getEntity(session.generateEntityKey(id,
                session.getFactory().getMappingMetamodel().getEntityDescriptor(type)));
        if (held != null) {
            EntityEntry entry = context.getEntry(held);
            boolean removed = entry != null && (entry.getStatus() == Status.DELETED || entry.getStatus() == Status.GONE);
            return removed ? null : type.cast(held);
        }
        return absent(type).contains(id) ? null : entityManager.find(type, id);
    }

    private Set<Object> absent(Class<?> type) {
        return TransactionResources.get(transactions, new Key(type), HashSet::new);
    }

    /** The transaction resource of one entity type. */
    private record Key(Class<?> type) {
    }
}

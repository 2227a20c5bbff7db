package io.rapport.scheduler.projection;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import io.rapport.transaction.TransactionResources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * One contact's events arrive on three topics, applied by three consumers at once: each application holds the
 * contact's lock (a PostgreSQL advisory lock, released at commit) so that one sees the other's changes and two never
 * raise the same task side by side. Taking a lock writes nothing first (no flush): a transaction that changed rows
 * before asking, like a rep closing a task, must not hold their row locks while it waits for the contact's.
 */
@ApplicationScoped
public class ContactLock {

    /** The keys of the locks the current transaction holds: asking again costs no round trip (nor a flush). */
    private static final Object HELD = new Object();

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;

    public ContactLock(EntityManager entityManager, TransactionSynchronizationRegistry transactions) {
        this.entityManager = entityManager;
        this.transactions = transactions;
    }

    /** Waits until this transaction holds the contact's lock. */
    @Transactional(TxType.MANDATORY)
    public void lock(UUID contactId) {
        long key = key(contactId);
        if (held().add(key)) {
            entityManager.createNativeQuery("select 1 from pg_advisory_xact_lock(?1)")
                    .setFlushMode(FlushModeType.COMMIT).setParameter(1, key).getSingleResult();
        }
    }

    /**
     * Takes the locks of every contact a batch of events is about, in one statement and always in the same order, so
     * that two consumers' batches wait for each other instead of deadlocking. The appliers take each lock again
     * (a lock already held is granted at once).
     */
    @Transactional(TxType.MANDATORY)
    public void lockAll(Collection<UUID> contactIds) {
        Set<Long> held = held();
        long[] keys = contactIds.stream().mapToLong(ContactLock::key).filter(key -> !held.contains(key)).distinct()
                .sorted().toArray();
        Arrays.stream(keys).forEach(held::add);
        if (keys.length > 0) {
            entityManager.createNativeQuery(
                    "select count(pg_advisory_xact_lock(k)) from (select unnest(cast(?1 as bigint[])) as k order by k) l",
                    Long.class).setFlushMode(FlushModeType.COMMIT).setParameter(1, keys).getSingleResult();
        }
    }

    /** Takes two contacts' locks (a merge's), always in the same order so that two merges cannot deadlock. */
    @Transactional(TxType.MANDATORY)
    public void lock(UUID first, UUID second) {
        boolean inOrder = Long.compare(key(first), key(second)) <= 0;
        lock(inOrder ? first : second);
        lock(inOrder ? second : first);
    }

    /** Takes the contact's lock if it is free; the sweep skips a busy contact rather than wait with rows locked. */
    @Transactional(TxType.MANDATORY)
    public boolean tryLock(UUID contactId) {
        long key = key(contactId);
        if (held().contains(key)) {
            return true;
        }
        boolean locked = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setFlushMode(FlushModeType.COMMIT).setParameter(1, key).getSingleResult();
        if (locked) {
            held().add(key);
        }
        return locked;
    }

    private Set<Long> held() {
        return TransactionResources.get(transactions, HELD, HashSet::new);
    }

    private static long key(UUID contactId) {
        return contactId.getMostSignificantBits() ^ contactId.getLeastSignificantBits();
    }
}

package io.rapport.interactions.capture;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Reads every mailbox whose capture runs (SYNCING or LIVE) at each poll, a few at a time on threads of its own (a
 * mail server may take seconds to answer), each under its lease, so that each mailbox is read by one replica at a
 * time.
 */
@ApplicationScoped
public class CaptureRunner {

    private static final Logger LOG = Logger.getLogger(CaptureRunner.class);
    /** Mailboxes read at once by one replica. */
    private static final int READERS = 4;

    private final MailboxSync sync;
    private final EntityManager entityManager;
    private final ExecutorService readers = Executors.newFixedThreadPool(READERS, runnable -> {
        Thread thread = new Thread(runnable, "capture-reader");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<UUID> reading = ConcurrentHashMap.newKeySet();

    public CaptureRunner(MailboxSync sync, EntityManager entityManager) {
        this.sync = sync;
        this.entityManager = entityManager;
    }

    @Scheduled(every = "${rapport.capture.poll-interval}", delayed = "5s", identity = "capture-poll",
            concurrentExecution = ConcurrentExecution.SKIP)
    void poll() {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select id from Mailbox where state in (io.rapport.interactions.MailboxState.SYNCING, "
                        + "io.rapport.interactions.MailboxState.LIVE) order by lastSyncAt nulls first", UUID.class)
                .getResultList());
        for (UUID id : due) {
            if (reading.add(id)) {
                readers.execute(() -> {
                    try {
                        sync.syncOnce(id);
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "Mailbox %s could not be read", id);
                    } finally {
                        reading.remove(id);
                    }
                });
            }
        }
    }

    @PreDestroy
    void stop() {
        readers.shutdownNow();
    }
}

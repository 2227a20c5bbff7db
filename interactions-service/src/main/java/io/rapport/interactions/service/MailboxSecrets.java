package io.rapport.interactions.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.rapport.interactions.Mailbox;
import io.rapport.interactions.MailboxState;
import io.rapport.secrets.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Keeps every mailbox's password sealed with the current key: during a rotation (RAPPORT_SECRETS_PREVIOUS_KEY set),
 * those sealed with the previous key are opened and sealed again with the new one, each by a compare-and-set so that
 * replicas doing the same at once change it once. One sealed with a key the service no longer has cannot be opened:
 * its mailbox goes to ERROR until the rep connects it again.
 */
@ApplicationScoped
public class MailboxSecrets {

    private static final Logger LOG = Logger.getLogger(MailboxSecrets.class);

    private final SecretBox secrets;
    private final EntityManager entityManager;
    private final Clock clock;

    public MailboxSecrets(SecretBox secrets, EntityManager entityManager, Clock clock) {
        this.secrets = secrets;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Scheduled(every = "${rapport.secrets.reseal-interval}", delayed = "10s", identity = "mailbox-secrets-reseal",
            concurrentExecution = ConcurrentExecution.SKIP)
    public void resealWithTheCurrentKey() {
        if (!secrets.canSeal()) {
            return;
        }
        List<Object[]> sealed = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select id, secret from Mailbox", Object[].class).getResultList());
        int resealed = 0;
        for (Object[] row : sealed) {
            UUID id = (UUID) row[0];
            String secret = (String) row[1];
            if (!secrets.sealedWithCurrentKey(secret)) {
                resealed += QuarkusTransaction.requiringNew().call(() -> reseal(id, secret));
            }
        }
        if (resealed > 0) {
            LOG.infof("Sealed %d mailbox password(s) again with the current RAPPORT_SECRETS_KEY", resealed);
        }
    }

    private int reseal(UUID id, String secret) {
        String again;
        try {
            again = secrets.seal(secrets.open(secret, id.toString()), id.toString());
        } catch (IllegalStateException unopenable) {
            Mailbox mailbox = Mailbox.findById(id);
            if (mailbox != null && mailbox.state != MailboxState.ERROR) {
                mailbox.state = MailboxState.ERROR;
                mailbox.stateReason = "Its password was sealed with a key this service no longer has: connect the "
                        + "mailbox again";
                mailbox.updatedAt = clock.instant();
                LOG.warnf("Mailbox %s: its password cannot be opened with the keys configured", id);
            }
            return 0;
        }
        return entityManager.createQuery("update Mailbox set secret = ?1, version = version + 1 "
                + "where id = ?2 and secret = ?3").setParameter(1, again).setParameter(2, id)
                .setParameter(3, secret).executeUpdate();
    }
}

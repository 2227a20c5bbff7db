package io.rapport.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * The rows of a {@link DeliveryKind} whose delivery is QUEUED and due, taken off the queue by whichever replica
 * gets there first ({@code for update skip locked}), marked SENDING in a short transaction of their own, handed over
 * with no transaction open, then marked with the outcome: SENT; BOUNCED when refused for good; QUEUED again after a
 * growing pause when refused for now, until the attempts run out (FAILED). A message is never sent twice: one found
 * SENDING after {@code sending-timeout} (its replica stopped mid-send) is given up, not sent again.
 */
@ApplicationScoped
public class DeliveryQueue {

    private static final int MAX_ERROR = 500;

    private final EntityManager entityManager;
    private final Event<DeliveryQueued> queued;
    private final DeliveryConfig config;
    private final Clock clock;

    public DeliveryQueue(EntityManager entityManager, Event<DeliveryQueued> queued, DeliveryConfig config,
            Clock clock) {
        this.entityManager = entityManager;
        this.queued = queued;
        this.config = config;
        this.clock = clock;
    }

    /** A message taken off the queue, to be handed over. */
    public record Claimed<M>(UUID id, M message) {
    }

    /** Call in the transaction that queued a message ({@link Delivery#queuedAt}): it is sent once that commits. */
    @Transactional(TxType.MANDATORY)
    public void wakeAfterCommit() {
        queued.fire(new DeliveryQueued());
    }

    /** Takes up to {@code max} due rows off the queue: those to send are SENDING, the others settled. */
    @Transactional(TxType.REQUIRES_NEW)
    public <M> List<Claimed<M>> claimDue(DeliveryKind<M> kind, int max) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> due = entityManager.createNativeQuery("select " + kind.idColumn() + " from " + kind.table()
                + " where delivery_status = 'QUEUED' and next_delivery_at <= ?1 order by next_delivery_at limit ?2"
                + " for update skip locked", UUID.class)
                .setParameter(1, now).setParameter(2, max).getResultList();
        List<Claimed<M>> claimed = new ArrayList<>(due.size());
        for (UUID id : due) {
            DeliveryKind.Prepared<M> prepared = kind.prepare(id, now);
            if (prepared instanceof DeliveryKind.Send<M> send) {
                update(kind, id, "delivery_status = 'SENDING', delivery_attempts = delivery_attempts + 1, "
                        + "sending_since = ?2", now);
                claimed.add(new Claimed<>(id, send.message()));
            } else if (prepared instanceof DeliveryKind.Settle<M> settle) {
                settle(kind, id, settle.status(), settle.reason());
            }
        }
        return claimed;
    }

    /** The message was handed over. */
    @Transactional(TxType.REQUIRES_NEW)
    public void sent(DeliveryKind<?> kind, UUID id) {
        if (sendingAttempts(kind, id) != null) {
            update(kind, id, "delivery_status = 'SENT', sent_at = ?2, sending_since = null, next_delivery_at = null, "
                    + "delivery_error = null", clock.instant());
            kind.settled(id, DeliveryStatus.SENT);
        }
    }

    /** It could not be: a bounce is final, anything else is tried again later until the attempts run out. */
    @Transactional(TxType.REQUIRES_NEW)
    public void failed(DeliveryKind<?> kind, UUID id, DeliveryFailure failure) {
        Integer attempts = sendingAttempts(kind, id);
        if (attempts == null) {
            return; // gone meanwhile (an erasure), or given up as interrupted
        }
        String reason = truncate(failure.getMessage());
        if (failure.isPermanent()) {
            settle(kind, id, DeliveryStatus.BOUNCED, reason);
        } else if (attempts >= config.maxAttempts()) {
            settle(kind, id, DeliveryStatus.FAILED, reason);
        } else {
            entityManager.createNativeQuery("update " + kind.table() + " set delivery_status = 'QUEUED', "
                    + "sending_since = null, next_delivery_at = ?2, delivery_error = ?3" + versionBump(kind)
                    + " where " + kind.idColumn() + " = ?1")
                    .setParameter(1, id).setParameter(2, clock.instant().plus(pauseAfter(attempts)))
                    .setParameter(3, reason).executeUpdate();
        }
    }

    /** Gives up the messages whose sending was interrupted: sending them again could deliver them twice. */
    @Transactional(TxType.REQUIRES_NEW)
    public int giveUpInterrupted(DeliveryKind<?> kind) {
        @SuppressWarnings("unchecked")
        List<UUID> interrupted = entityManager.createNativeQuery("select " + kind.idColumn() + " from "
                + kind.table() + " where delivery_status = 'SENDING' and sending_since < ?1 for update skip locked",
                UUID.class)
                .setParameter(1, clock.instant().minus(config.sendingTimeout())).getResultList();
        interrupted.forEach(id -> settle(kind, id, DeliveryStatus.FAILED,
                "Interrupted while sending; not sent again, so that it never arrives twice"));
        return interrupted.size();
    }

    Duration pauseAfter(int attempts) {
        Duration pause = config.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
        return pause.compareTo(config.lastRetry()) > 0 ? config.lastRetry() : pause;
    }

    /** The attempts of a row being sent, locked; null when it is not SENDING (any more). */
    private Integer sendingAttempts(DeliveryKind<?> kind, UUID id) {
        @SuppressWarnings("unchecked")
        List<Number> attempts = entityManager.createNativeQuery("select delivery_attempts from " + kind.table()
                + " where " + kind.idColumn() + " = ?1 and delivery_status = 'SENDING' for update")
                .setParameter(1, id).getResultList();
        return attempts.isEmpty() ? null : attempts.get(0).intValue();
    }

    private void settle(DeliveryKind<?> kind, UUID id, DeliveryStatus status, String reason) {
        entityManager.createNativeQuery("update " + kind.table() + " set delivery_status = ?2, sending_since = null, "
                + "next_delivery_at = null, delivery_error = ?3" + versionBump(kind) + " where " + kind.idColumn()
                + " = ?1")
                .setParameter(1, id).setParameter(2, status.name()).setParameter(3, reason).executeUpdate();
        kind.settled(id, status);
    }

    private void update(DeliveryKind<?> kind, UUID id, String assignments, Instant at) {
        entityManager.createNativeQuery("update " + kind.table() + " set " + assignments + versionBump(kind)
                + " where " + kind.idColumn() + " = ?1")
                .setParameter(1, id).setParameter(2, at).executeUpdate();
    }

    private static String versionBump(DeliveryKind<?> kind) {
        return kind.versionColumn() == null ? "" : ", " + kind.versionColumn() + " = " + kind.versionColumn() + " + 1";
    }

    private static String truncate(String message) {
        String text = message == null ? "unknown failure" : message;
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }
}

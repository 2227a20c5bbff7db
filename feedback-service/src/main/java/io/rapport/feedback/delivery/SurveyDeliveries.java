package io.rapport.feedback.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.LockOptions;

import io.rapport.feedback.DeliveryStatus;
import io.rapport.feedback.FeedbackContact;
import io.rapport.feedback.SurveyRequest;
import io.rapport.feedback.SurveyStatus;
import io.rapport.feedback.config.FeedbackConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * The delivery queue: survey requests whose {@code delivery_status} is QUEUED, taken off it by whichever replica gets
 * there first ({@code for update skip locked}), marked SENDING in a short transaction of their own, handed to the
 * courier with no transaction open, then marked with the outcome. A request is never sent twice: one found SENDING
 * after {@code sending-timeout} (its replica stopped mid-send) is given up, not sent again.
 */
@ApplicationScoped
public class SurveyDeliveries {

    private final SurveyCouriers couriers;
    private final SurveyLinks links;
    private final EntityManager entityManager;
    private final Event<SurveyQueued> queued;
    private final FeedbackConfig.Delivery config;
    private final Clock clock;

    public SurveyDeliveries(SurveyCouriers couriers, SurveyLinks links, EntityManager entityManager, Event<SurveyQueued> queued,
            FeedbackConfig config, Clock clock) {
        this.couriers = couriers;
        this.links = links;
        this.entityManager = entityManager;
        this.queued = queued;
        this.config = config.delivery();
        this.clock = clock;
    }

    /** Queues a request just created, in its transaction, when its channel is one Rapport delivers. */
    @Transactional(TxType.MANDATORY)
    public void queue(SurveyRequest request, String token) {
        if (!couriers.delivers(request.channel)) {
            return;
        }
        request.deliveryStatus = DeliveryStatus.QUEUED;
        request.deliveryToken = token;
        request.nextDeliveryAt = request.createdAt;
        queued.fire(new SurveyQueued(request.id));
    }

    /** A request cancelled (or answered by a rep) before it was sent is not sent at all. */
    @Transactional(TxType.MANDATORY)
    public void withdraw(SurveyRequest request) {
        if (request.deliveryStatus == DeliveryStatus.QUEUED) {
            settle(request, DeliveryStatus.CANCELLED, null);
        }
    }

    /** Takes up to {@code max} due requests off the queue and marks them SENDING; what to send for each. */
    @Transactional
    public List<SurveyInvitation> claimDue(int max) {
        Instant now = clock.instant();
        List<SurveyRequest> due = entityManager.createQuery("""
                from SurveyRequest where deliveryStatus = :queued and nextDeliveryAt <= :now
                order by nextDeliveryAt""", SurveyRequest.class)
                .setParameter("queued", DeliveryStatus.QUEUED).setParameter("now", now)
                .setMaxResults(max)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
                .getResultList();
        List<SurveyInvitation> invitations = new ArrayList<>(due.size());
        for (SurveyRequest request : due) {
            claim(request, now).ifPresent(invitations::add);
        }
        return invitations;
    }

    private Optional<SurveyInvitation> claim(SurveyRequest request, Instant now) {
        SurveyStatus status = request.statusAt(now);
        if (status != SurveyStatus.PENDING) {
            settle(request, status == SurveyStatus.EXPIRED ? DeliveryStatus.FAILED : DeliveryStatus.CANCELLED,
                    status == SurveyStatus.EXPIRED ? "The link expired before it could be sent" : null);
            return Optional.empty();
        }
        // the survivor, if the contact was merged meanwhile: the request was re-pointed to it
        FeedbackContact contact = FeedbackContact.findById(request.contactId);
        SurveyCourier courier = couriers.forChannel(request.channel).orElse(null);
        String address = contact == null || courier == null ? null : courier.address(contact);
        if (address == null || contact.doNotContact) {
            settle(request, DeliveryStatus.FAILED, contact != null && contact.doNotContact
                    ? "The contact asked not to be contacted before it was sent"
                    : "No " + request.channel + " address for the contact any more");
            return Optional.empty();
        }
        request.deliveryStatus = DeliveryStatus.SENDING;
        request.deliveryAttempts++;
        request.sendingSince = now;
        return Optional.of(new SurveyInvitation(request.id, request.channel, address, contact.firstName,
                contact.language, request.repName, request.kind, request.contextType, links.pageFor(request.deliveryToken),
                request.expiresAt));
    }

    /** The courier handed it over. */
    @Transactional
    public void sent(UUID requestId) {
        SurveyRequest request = sending(requestId);
        if (request != null) {
            request.sentAt = clock.instant();
            settle(request, DeliveryStatus.SENT, null);
        }
    }

    /** The courier could not: a bounce is final, anything else is retried later until the attempts run out. */
    @Transactional
    public void failed(UUID requestId, DeliveryFailure failure) {
        SurveyRequest request = sending(requestId);
        if (request == null) {
            return;
        }
        String reason = truncate(failure.getMessage());
        if (failure.isPermanent()) {
            settle(request, DeliveryStatus.BOUNCED, reason);
        } else if (request.deliveryAttempts >= config.maxAttempts()) {
            settle(request, DeliveryStatus.FAILED, reason);
        } else {
            request.deliveryStatus = DeliveryStatus.QUEUED;
            request.sendingSince = null;
            request.deliveryError = reason;
            request.nextDeliveryAt = clock.instant().plus(pauseAfter(request.deliveryAttempts));
        }
    }

    /** Gives up the requests whose sending was interrupted: resending them could reach the client twice. */
    @Transactional
    public int giveUpInterrupted() {
        return entityManager.createQuery("""
                update SurveyRequest set deliveryStatus = :failed, deliveryToken = null, sendingSince = null,
                    deliveryError = :why, version = version + 1
                where deliveryStatus = :sending and sendingSince < :cutoff""")
                .setParameter("failed", DeliveryStatus.FAILED).setParameter("sending", DeliveryStatus.SENDING)
                .setParameter("why", "Interrupted while sending; not sent again, so that it never arrives twice")
                .setParameter("cutoff", clock.instant().minus(config.sendingTimeout()))
                .executeUpdate();
    }

    Duration pauseAfter(int attempts) {
        Duration pause = config.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
        return pause.compareTo(config.lastRetry()) > 0 ? config.lastRetry() : pause;
    }

    private SurveyRequest sending(UUID requestId) {
        SurveyRequest request = entityManager.find(SurveyRequest.class, requestId, LockModeType.PESSIMISTIC_WRITE);
        // deleted meanwhile (the contact was erased), or given up as interrupted
        return request == null || request.deliveryStatus != DeliveryStatus.SENDING ? null : request;
    }

    /** A final state: the token is no longer needed, so it is forgotten. */
    private static void settle(SurveyRequest request, DeliveryStatus status, String error) {
        request.deliveryStatus = status;
        request.deliveryToken = null;
        request.sendingSince = null;
        request.nextDeliveryAt = null;
        request.deliveryError = error;
    }

    private static String truncate(String message) {
        String text = message == null ? "unknown failure" : message;
        return text.length() <= 500 ? text : text.substring(0, 500);
    }
}

package io.rapport.feedback.delivery;

import java.time.Instant;
import java.util.UUID;

import io.rapport.delivery.Delivery;
import io.rapport.delivery.DeliveryFailure;
import io.rapport.delivery.DeliveryKind;
import io.rapport.delivery.DeliveryQueue;
import io.rapport.delivery.DeliveryStatus;
import io.rapport.feedback.FeedbackContact;
import io.rapport.feedback.SurveyRequest;
import io.rapport.feedback.SurveyStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Survey requests as messages the platform's {@link DeliveryQueue} sends: queued in the transaction that creates the
 * request, written when taken off the queue (from the contact as the replica has it then), handed to the channel's
 * courier. The link's token is kept on the request only until the message is sent or given up.
 */
@ApplicationScoped
public class SurveyInvitations implements DeliveryKind<SurveyInvitation> {

    private final SurveyCouriers couriers;
    private final SurveyLinks links;
    private final DeliveryQueue queue;
    private final EntityManager entityManager;

    public SurveyInvitations(SurveyCouriers couriers, SurveyLinks links, DeliveryQueue queue,
            EntityManager entityManager) {
        this.couriers = couriers;
        this.links = links;
        this.queue = queue;
        this.entityManager = entityManager;
    }

    /** Queues a request just created, in its transaction, when its channel is one Rapport delivers. */
    @Transactional(TxType.MANDATORY)
    public void queue(SurveyRequest request, String token) {
        if (!couriers.delivers(request.channel)) {
            return;
        }
        request.delivery = Delivery.queuedAt(request.createdAt);
        request.deliveryToken = token;
        queue.wakeAfterCommit();
    }

    /** A request cancelled (or answered by a rep) before it was sent is not sent at all. */
    @Transactional(TxType.MANDATORY)
    public void withdraw(SurveyRequest request) {
        if (request.delivery.withdraw()) {
            request.deliveryToken = null;
        }
    }

    @Override
    public String table() {
        return "survey_request";
    }

    @Override
    public String versionColumn() {
        return "version";
    }

    @Override
    public Prepared<SurveyInvitation> prepare(UUID id, Instant now) {
        SurveyRequest request = entityManager.find(SurveyRequest.class, id);
        SurveyStatus status = request.statusAt(now);
        if (status != SurveyStatus.PENDING) {
            return status == SurveyStatus.EXPIRED
                    ? new Settle<>(DeliveryStatus.FAILED, "The link expired before it could be sent")
                    : new Settle<>(DeliveryStatus.CANCELLED, "The survey was " + status + " before it was sent");
        }
        // the survivor, if the contact was merged meanwhile: the request was re-pointed to it
        FeedbackContact contact = FeedbackContact.findById(request.contactId);
        SurveyCourier courier = couriers.forChannel(request.channel).orElse(null);
        String address = contact == null || courier == null ? null : courier.address(contact);
        if (contact != null && contact.doNotContact) {
            return new Settle<>(DeliveryStatus.CANCELLED, "The contact asked not to be contacted before it was sent");
        }
        if (address == null) {
            return new Settle<>(DeliveryStatus.FAILED, "No " + request.channel + " address for the contact any more");
        }
        return new Send<>(new SurveyInvitation(request.id, request.channel, address, contact.firstName,
                contact.language, request.repName, request.kind, request.contextType,
                links.pageFor(request.deliveryToken), request.expiresAt));
    }

    @Override
    public void deliver(SurveyInvitation invitation) throws DeliveryFailure {
        couriers.forChannel(invitation.channel()).orElseThrow().deliver(invitation);
    }

    @Override
    public void settled(UUID id, DeliveryStatus status) {
        entityManager.createNativeQuery("update survey_request set delivery_token = null where id = ?1")
                .setParameter(1, id).executeUpdate();
    }
}

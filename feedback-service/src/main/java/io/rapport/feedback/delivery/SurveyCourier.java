package io.rapport.feedback.delivery;

import java.util.Optional;

import io.rapport.delivery.DeliveryFailure;
import io.rapport.feedback.FeedbackContact;
import io.rapport.feedback.SurveyChannel;

/**
 * A way of getting a survey to a client: the delivery port. One bean per channel; a channel without a bean (SMS and
 * MESSAGE until a provider is plugged in) is refused when a survey asks for it.
 */
public interface SurveyCourier {

    SurveyChannel channel();

    /** Why the contact cannot be reached this way (no email address, say), or empty when they can. */
    Optional<String> unreachable(FeedbackContact contact);

    /** Where the invitation goes for this contact (their email address, say), or null when they cannot be reached. */
    String address(FeedbackContact contact);

    /**
     * Hands the invitation over, blocking until the other side has taken it or refused it; called outside any
     * transaction.
     */
    void deliver(SurveyInvitation invitation) throws DeliveryFailure;
}

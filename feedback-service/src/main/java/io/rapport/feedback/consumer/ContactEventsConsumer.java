package io.rapport.feedback.consumer;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.rapport.events.inbox.Inbox;
import io.rapport.feedback.service.ContactProjector;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Contact events keep the contact projection current, and merge and erasure reach the surveys. */
@ApplicationScoped
public class ContactEventsConsumer {

    public static final String CONSUMER = "feedback.contact-events";

    private final Inbox inbox;
    private final ContactProjector projector;

    public ContactEventsConsumer(Inbox inbox, ContactProjector projector) {
        this.inbox = inbox;
        this.projector = projector;
    }

    @Incoming("contact-events")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return inbox.process(message, CONSUMER, projector::apply);
    }
}

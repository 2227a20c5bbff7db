package io.rapport.interactions.consumer;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.rapport.events.inbox.Inbox;
import io.rapport.interactions.service.ContactProjector;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Builds the contact projection from rapport.contacts.v1, each event exactly once. */
@ApplicationScoped
public class ContactEventsConsumer {

    private final Inbox inbox;
    private final ContactProjector projector;

    public ContactEventsConsumer(Inbox inbox, ContactProjector projector) {
        this.inbox = inbox;
        this.projector = projector;
    }

    @Incoming("contact-events")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return inbox.process(message, "interactions.contact-events", projector::apply);
    }
}

package io.rapport.scheduler.consumer;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.rapport.events.inbox.Inbox;
import io.rapport.scheduler.projection.ContactProjector;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

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
        return inbox.process(message, "scheduler.contact-events", projector::apply);
    }
}

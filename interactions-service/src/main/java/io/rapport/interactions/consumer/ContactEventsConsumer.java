package io.rapport.interactions.consumer;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.rapport.events.inbox.Inbox;
import io.rapport.events.inbox.InboxConsumer;
import io.rapport.interactions.service.ContactProjector;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;

/** Builds the contact projection from rapport.contacts.v1, each event exactly once. */
@ApplicationScoped
public class ContactEventsConsumer extends InboxConsumer {

    public ContactEventsConsumer(Inbox inbox, ContactProjector projector) {
        super(inbox, "contact-events", "interactions.contact-events", projector);
    }

    @Incoming("contact-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return apply(batch);
    }
}

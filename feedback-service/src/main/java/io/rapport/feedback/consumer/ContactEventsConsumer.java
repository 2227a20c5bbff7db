package io.rapport.feedback.consumer;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.rapport.events.inbox.Inbox;
import io.rapport.events.inbox.InboxConsumer;
import io.rapport.feedback.service.ContactProjector;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;

/** Contact events keep the contact projection current, and merge and erasure reach the surveys. */
@ApplicationScoped
public class ContactEventsConsumer extends InboxConsumer {

    public static final String CONSUMER = "feedback.contact-events";

    public ContactEventsConsumer(Inbox inbox, ContactProjector projector) {
        super(inbox, "contact-events", CONSUMER, projector);
    }

    @Incoming("contact-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return apply(batch);
    }
}

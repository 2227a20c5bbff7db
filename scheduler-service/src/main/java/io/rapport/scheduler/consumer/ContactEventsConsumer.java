package io.rapport.scheduler.consumer;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.rapport.events.inbox.Inbox;
import io.rapport.events.inbox.InboxConsumer;
import io.rapport.scheduler.projector.ContactProjector;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ContactEventsConsumer extends InboxConsumer {

    public ContactEventsConsumer(Inbox inbox, ContactProjector projector) {
        super(inbox, "contact-events", "scheduler.contact-events", projector);
    }

    @Incoming("contact-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return apply(batch);
    }
}

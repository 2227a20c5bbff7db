package io.rapport.scheduler.consumer;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.rapport.events.inbox.Inbox;
import io.rapport.events.inbox.InboxConsumer;
import io.rapport.scheduler.projector.InteractionProjector;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class InteractionEventsConsumer extends InboxConsumer {

    public InteractionEventsConsumer(Inbox inbox, InteractionProjector projector) {
        super(inbox, "interaction-events", "scheduler.interaction-events", projector);
    }

    @Incoming("interaction-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return apply(batch);
    }
}

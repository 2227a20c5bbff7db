package io.rapport.scheduler.consumer;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.rapport.events.inbox.Inbox;
import io.rapport.events.inbox.InboxConsumer;
import io.rapport.scheduler.projector.FeedbackProjector;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class FeedbackEventsConsumer extends InboxConsumer {

    public FeedbackEventsConsumer(Inbox inbox, FeedbackProjector projector) {
        super(inbox, "feedback-events", "scheduler.feedback-events", projector);
    }

    @Incoming("feedback-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return apply(batch);
    }
}

package io.rapport.scheduler.consumer;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.rapport.events.inbox.Inbox;
import io.rapport.scheduler.projection.FeedbackProjector;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class FeedbackEventsConsumer {

    private final Inbox inbox;
    private final FeedbackProjector projector;

    public FeedbackEventsConsumer(Inbox inbox, FeedbackProjector projector) {
        this.inbox = inbox;
        this.projector = projector;
    }

    @Incoming("feedback-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.processBatch(batch, "scheduler.feedback-events", projector);
    }
}

package io.rapport.scheduler.consumer;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.rapport.events.inbox.Inbox;
import io.rapport.scheduler.projection.FeedbackProjector;
import io.smallrye.common.annotation.Blocking;
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
    public CompletionStage<Void> consume(Message<String> message) {
        return inbox.process(message, "scheduler.feedback-events", projector::apply);
    }
}

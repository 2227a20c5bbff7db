package io.rapport.events.inbox;

import java.util.concurrent.CompletionStage;

import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * A consumer of one incoming channel that applies its batches through the {@link Inbox}: a subclass names the
 * channel, the consumer and the handler, and receives the batches in a method of its own annotated
 * {@code @Incoming(channel) @Blocking} that calls {@link #apply}.
 */
public abstract class InboxConsumer implements InboxChannel {

    private Inbox inbox;
    private String channel;
    private String consumer;
    private EventHandler handler;

    protected InboxConsumer(Inbox inbox, String channel, String consumer, EventHandler handler) {
        this.inbox = inbox;
        this.channel = channel;
        this.consumer = consumer;
        this.handler = handler;
    }

    /** For the container's client proxy only. */
    protected InboxConsumer() {
    }

    protected CompletionStage<Void> apply(KafkaRecordBatch<String, String> batch) {
        return inbox.processBatch(batch, this);
    }

    @Override
    public String channel() {
        return channel;
    }

    @Override
    public String consumer() {
        return consumer;
    }

    @Override
    public EventHandler handler() {
        return handler;
    }
}

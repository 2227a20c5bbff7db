package io.rapport.events.inbox;

/**
 * A consumer that applies the events of one incoming channel through the {@link Inbox}. Declaring it lets the dead
 * letters of that channel be re-driven through the same handler ({@link DeadLetterRedrive}).
 */
public interface InboxChannel {

    /** The incoming channel as configured: {@code mp.messaging.incoming.<channel>.topic} and its dead-letter topic. */
    String channel();

    /** The consumer's name in the inbox: two consumers of one service may each apply the same event. */
    String consumer();

    /** What the consumer does with each event. */
    EventHandler handler();
}

package io.rapport.events;

/** The Kafka topics Rapport publishes to: one per owning service, versioned, keyed by contact id. */
public enum Topic {
    CONTACTS("rapport.contacts.v1"),
    INTERACTIONS("rapport.interactions.v1"),
    FEEDBACK("rapport.feedback.v1"),
    TASKS("rapport.tasks.v1");

    private final String topicName;

    Topic(String topicName) {
        this.topicName = topicName;
    }

    public String topicName() {
        return topicName;
    }
}

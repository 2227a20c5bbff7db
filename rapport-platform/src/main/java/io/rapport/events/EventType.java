package io.rapport.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event Rapport publishes: its CloudEvents {@code type} (name and version) and its topic. This is the one
 * place that defines them; producers and consumers of all services refer to these constants.
 */
public enum EventType {
    CONTACT_CREATED(Topic.CONTACTS, "rapport.contact.created.v1"),
    CONTACT_UPDATED(Topic.CONTACTS, "rapport.contact.updated.v1"),
    CONTACT_MERGED(Topic.CONTACTS, "rapport.contact.merged.v1"),
    CONTACT_ERASED(Topic.CONTACTS, "rapport.contact.erased.v1"),

    INTERACTION_LOGGED(Topic.INTERACTIONS, "rapport.interaction.logged.v1"),
    INTERACTION_UPDATED(Topic.INTERACTIONS, "rapport.interaction.updated.v1"),
    INTERACTION_DELETED(Topic.INTERACTIONS, "rapport.interaction.deleted.v1"),
    COMMITMENT_MADE(Topic.INTERACTIONS, "rapport.commitment.made.v1"),
    COMMITMENT_FULFILLED(Topic.INTERACTIONS, "rapport.commitment.fulfilled.v1"),
    COMMITMENT_CANCELLED(Topic.INTERACTIONS, "rapport.commitment.cancelled.v1"),

    FEEDBACK_REQUESTED(Topic.FEEDBACK, "rapport.feedback.requested.v1"),
    FEEDBACK_RECEIVED(Topic.FEEDBACK, "rapport.feedback.received.v1"),

    TASK_CREATED(Topic.TASKS, "rapport.task.created.v1"),
    TASK_COMPLETED(Topic.TASKS, "rapport.task.completed.v1"),
    TASK_SNOOZED(Topic.TASKS, "rapport.task.snoozed.v1"),
    TASK_DISMISSED(Topic.TASKS, "rapport.task.dismissed.v1"),
    TASK_AUTO_RESOLVED(Topic.TASKS, "rapport.task.auto-resolved.v1"),
    RELATIONSHIP_HEALTH_CHANGED(Topic.TASKS, "rapport.relationship.health-changed.v1");

    private static final Map<String, EventType> BY_CLOUD_EVENT_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::cloudEventType, Function.identity()));

    private final Topic topic;
    private final String cloudEventType;

    EventType(Topic topic, String cloudEventType) {
        this.topic = topic;
        this.cloudEventType = cloudEventType;
    }

    public Topic topic() {
        return topic;
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code rapport.contact.created.v1}. */
    public String cloudEventType() {
        return cloudEventType;
    }

    public static Optional<EventType> fromCloudEventType(String type) {
        return Optional.ofNullable(type).map(BY_CLOUD_EVENT_TYPE::get);
    }
}

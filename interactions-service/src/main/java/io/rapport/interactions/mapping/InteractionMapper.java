package io.rapport.interactions.mapping;

import java.util.List;

import io.rapport.events.contract.InteractionDeleted;
import io.rapport.events.contract.InteractionSnapshot;
import io.rapport.interactions.Attachment;
import io.rapport.interactions.Interaction;
import io.rapport.interactions.rest.AttachmentInput;
import io.rapport.interactions.rest.AttachmentView;
import io.rapport.interactions.rest.InteractionInput;
import io.rapport.interactions.rest.InteractionResponse;

import java.time.Instant;

public final class InteractionMapper {

    private InteractionMapper() {
    }

    public static InteractionResponse toResponse(Interaction i) {
        return new InteractionResponse(i.id, i.version, i.contactId, i.owner, i.loggedBy, i.type, i.direction,
                i.occurredAt, i.durationMinutes, i.subject, i.summary, i.sentiment, List.copyOf(i.needsHeard),
                i.valueProvided, i.nextSteps, i.requiresResponse, i.inReplyTo, i.source,
                i.attachments.stream().map(a -> new AttachmentView(a.url(), a.title())).toList(), i.createdAt,
                i.updatedAt);
    }

    /** The interaction as an input, the base a merge patch applies to and what tells whether an update changed it. */
    public static InteractionInput toInput(Interaction i) {
        return new InteractionInput(i.contactId, i.type, i.direction, i.occurredAt, i.durationMinutes, i.subject,
                i.summary, i.sentiment, List.copyOf(i.needsHeard), i.valueProvided, i.nextSteps, i.requiresResponse,
                i.inReplyTo, attachmentsOf(i));
    }

    /** What the scheduler needs of the touch-point: no free text. */
    public static InteractionSnapshot toSnapshot(Interaction i) {
        return new InteractionSnapshot(i.id, i.version, i.contactId, i.owner, i.type.name(), i.direction.name(),
                i.occurredAt, i.durationMinutes, i.sentiment == null ? null : i.sentiment.name(), i.requiresResponse,
                i.inReplyTo, i.source.name(), i.createdAt, i.updatedAt);
    }

    public static InteractionDeleted toDeleted(Interaction i, Instant deletedAt) {
        return new InteractionDeleted(i.id, i.contactId, i.owner, deletedAt);
    }

    public static List<Attachment> attachments(List<AttachmentInput> inputs) {
        return inputs == null ? List.of()
                : inputs.stream().map(a -> new Attachment(a.url().strip(), blankToNull(a.title()))).toList();
    }

    private static List<AttachmentInput> attachmentsOf(Interaction i) {
        return i.attachments.stream().map(a -> new AttachmentInput(a.url(), a.title())).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

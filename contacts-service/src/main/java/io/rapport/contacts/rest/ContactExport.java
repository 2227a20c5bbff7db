package io.rapport.contacts.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Everything Rapport holds on one contact (GDPR art. 15 and 20), each service's part under its "
        + "name")
public record ContactExport(
        UUID contactId,
        Instant exportedAt,
        @Schema(description = "What contacts-service holds: the contact, its needs and the contacts merged into it")
        ContactsPart contacts,
        @Schema(type = SchemaType.OBJECT, description = "interactions-service's part: every touch-point and "
                + "commitment (its GET /api/v1/contacts/{id}/export)")
        Map<String, Object> interactions,
        @Schema(type = SchemaType.OBJECT, description = "feedback-service's part: every survey, its answer and "
                + "comment (its GET /api/v1/contacts/{id}/export)")
        Map<String, Object> feedback,
        @Schema(type = SchemaType.OBJECT, description = "scheduler-service's part: every task and the relationship "
                + "health (its GET /api/v1/contacts/{id}/export)")
        Map<String, Object> scheduler) {

    public record ContactsPart(ContactResponse contact, List<NeedResponse> needs,
            @Schema(description = "Contacts merged into this one") List<MergedRecord> mergedContacts) {
    }

    public record MergedRecord(UUID id, Instant mergedAt) {
    }
}

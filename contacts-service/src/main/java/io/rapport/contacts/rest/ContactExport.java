package io.rapport.contacts.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Everything the contacts service holds on one contact (GDPR art. 20)")
public record ContactExport(ContactResponse contact, List<NeedResponse> needs,
        @Schema(description = "Contacts merged into this one") List<MergedRecord> mergedContacts, Instant exportedAt) {

    public record MergedRecord(UUID id, Instant mergedAt) {
    }
}

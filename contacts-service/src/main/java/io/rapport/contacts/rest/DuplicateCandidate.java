package io.rapport.contacts.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A contact that is probably the same person, and why")
public record DuplicateCandidate(ContactResponse contact, List<String> reasons) {
}

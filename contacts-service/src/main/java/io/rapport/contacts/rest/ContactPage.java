package io.rapport.contacts.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One page of contacts")
public record ContactPage(
        List<ContactResponse> items,
        @Schema(description = "Pass as 'cursor' to get the next page; null on the last page", nullable = true)
        String nextCursor) {
}

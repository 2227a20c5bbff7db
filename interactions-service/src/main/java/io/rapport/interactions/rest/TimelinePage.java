package io.rapport.interactions.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One page of a contact's timeline, newest first")
public record TimelinePage(
        List<TimelineEntry> items,
        @Schema(description = "Pass as 'cursor' to get the next page; null on the last page", nullable = true)
        String nextCursor) {
}

package io.rapport.interactions.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An attachment as an interaction answers it: a title left blank on input is null. */
@Schema(description = "A link to material attached to an interaction")
public record AttachmentView(
        @Schema(description = "An absolute http(s) URL", examples = "https://docs.example.com/proposal.pdf") String url,
        @Schema(nullable = true) String title) {
}

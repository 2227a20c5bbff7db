package io.rapport.interactions.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(description = "A link to material attached to an interaction")
public record AttachmentInput(
        @Schema(description = "An absolute http(s) URL", examples = "https://docs.example.com/proposal.pdf")
        @NotBlank @Size(max = 2000) String url,
        @Size(max = 200) String title) {
}

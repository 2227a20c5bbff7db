package io.rapport.contacts.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotNull;

@Schema(description = "Which contact to merge into this one")
public record MergeRequest(
        @Schema(description = "The duplicate; it is deleted and its data carried over") @NotNull UUID duplicateId,
        @Schema(description = "Only show the result; change nothing") boolean dryRun) {
}

package io.rapport.contacts.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(description = "An organisation as written by a client")
public record OrganisationInput(
        @Schema(examples = "Analytical Engines Ltd") @NotBlank @Size(max = 200) String name,
        @Schema(examples = "analytical-engines.example")
        @Size(max = 253) @Pattern(regexp = "(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}",
                message = "must be a domain name such as example.com") String domain,
        @Schema(examples = "Manufacturing") @Size(max = 100) String industry) {
}

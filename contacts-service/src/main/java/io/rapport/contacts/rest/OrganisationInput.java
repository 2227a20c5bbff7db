package io.rapport.contacts.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(description = "An organisation as written by a client")
public record OrganisationInput(
        @Schema(examples = "Analytical Engines Ltd") @NotBlank @Size(max = 200) String name,
        @Schema(examples = "analytical-engines.example")
        @Size(max = 253) @Pattern(
                // both cases spelled out, not (?i): the pattern is also the OpenAPI schema's, an ECMA-262 regex
                regexp = "([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}",
                message = "must be a domain name such as example.com") String domain,
        @Schema(examples = "Manufacturing") @Size(max = 100) String industry) {
}

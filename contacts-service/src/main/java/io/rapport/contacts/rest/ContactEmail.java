package io.rapport.contacts.rest;

import io.rapport.contacts.EmailType;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** @param primary at most one per contact; when none is marked, the first address is the primary one */
public record ContactEmail(@NotBlank @Email @Size(max = 254) String address, EmailType type, boolean primary) {
}

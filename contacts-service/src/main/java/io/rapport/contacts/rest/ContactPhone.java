package io.rapport.contacts.rest;

import io.rapport.contacts.PhoneType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** @param primary at most one per contact; when none is marked, the first number is the primary one */
public record ContactPhone(
        @NotBlank @Pattern(regexp = "\\+?[0-9][0-9 ()./-]{2,31}", message = "must be a phone number such as +44 20 7946 0000")
        String number,
        PhoneType type,
        boolean primary) {
}

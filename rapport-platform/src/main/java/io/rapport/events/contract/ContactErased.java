package io.rapport.events.contract;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The data of contact.erased: every service removes what it holds on the contact (GDPR art. 17). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContactErased(UUID id, Instant erasedAt) {
}

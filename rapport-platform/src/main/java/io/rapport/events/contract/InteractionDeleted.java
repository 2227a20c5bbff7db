package io.rapport.events.contract;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The data of interaction.deleted, keyed by contact id. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InteractionDeleted(UUID id, UUID contactId, String owner, Instant deletedAt) {
}

package io.rapport.events.contract;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The data of contact.merged, keyed by the merged contact's id: it no longer exists, and whatever other services
 * hold for it belongs to the survivor from now on. A contact.updated with the survivor's new snapshot follows.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContactMerged(UUID mergedId, UUID survivorId, Instant mergedAt) {
}

package io.rapport.contacts.service;

import java.util.UUID;

import io.rapport.contacts.LifecycleStage;
import io.rapport.rest.Cursor;

/** A contact list request: filters (null matches all), order, page size and the cursor to continue after. */
public record ContactQuery(String text, String owner, String tag, LifecycleStage stage, UUID organisationId,
        ContactSort sort, int limit, Cursor after) {
}

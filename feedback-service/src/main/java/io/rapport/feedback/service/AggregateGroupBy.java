package io.rapport.feedback.service;

/** How the aggregates are broken down: by the rep asked, by the contact's organisation, or by calendar month (UTC). */
public enum AggregateGroupBy {
    OWNER, ORGANISATION, MONTH
}

package io.rapport.rest;

/**
 * The members a Rapport problem may carry beyond RFC 9457's, each named here once, so that the services write them
 * under one name and the OpenAPI documents describe them (on the problem schemas, as optional members).
 */
public enum ProblemMember {

    MERGED_INTO("mergedInto", "uuid",
            "The contact a merged contact lives on as (404 on reading it, 409 on recording for it): follow it"),
    OTHER_TASK_ID("otherTaskId", "uuid", "The open follow-up of the same subject that is in the way (409)"),
    CURRENT_STATUS("currentStatus", null, "The final status that forbids the change (409), e.g. FULFILLED"),
    MAILBOX_ID("mailboxId", "uuid", "The mailbox connection that already reads this account (409)");

    private final String member;
    private final String format;
    private final String description;

    ProblemMember(String member, String format, String description) {
        this.member = member;
        this.format = format;
        this.description = description;
    }

    /** Its name in the problem's JSON. */
    public String member() {
        return member;
    }

    /** The string's format in the document, or null. */
    public String format() {
        return format;
    }

    public String description() {
        return description;
    }
}

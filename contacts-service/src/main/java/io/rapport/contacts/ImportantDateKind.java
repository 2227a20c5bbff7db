package io.rapport.contacts;

/** A date worth remembering; CUSTOM ones carry a label. */
public enum ImportantDateKind {
    BIRTHDAY, CUSTOMER_SINCE, WORK_ANNIVERSARY, CUSTOM
}

package io.rapport.contacts;

/** How a contact prefers to be reached. */
public enum Channel {
    EMAIL, PHONE, MEETING, VIDEO, MESSAGE
}

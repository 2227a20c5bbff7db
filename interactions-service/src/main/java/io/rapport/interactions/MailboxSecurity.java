package io.rapport.interactions;

/** How a mailbox connection is encrypted: never in the clear. */
public enum MailboxSecurity {
    /** TLS from the first byte (IMAPS, usually port 993). */
    TLS,
    /** The STARTTLS command before the login (usually port 143). */
    STARTTLS
}

package io.rapport.interactions.capture;

/** What a folder capture reads holds: mail the rep received, or mail the rep sent. */
public enum FolderRole {
    INBOX,
    SENT
}

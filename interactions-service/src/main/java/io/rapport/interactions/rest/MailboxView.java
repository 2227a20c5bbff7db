package io.rapport.interactions.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rapport.interactions.Mailbox;
import io.rapport.interactions.MailboxSecurity;
import io.rapport.interactions.MailboxState;

@Schema(description = "A connected mailbox and how its capture stands; its password is never answered")
public record MailboxView(
        UUID id,
        String owner,
        String host,
        int port,
        MailboxSecurity security,
        String username,
        @Schema(nullable = true, description = "null: INBOX") String inboxFolder,
        @Schema(nullable = true, description = "null: the folder marked \\Sent") String sentFolder,
        @Schema(description = "SYNCING (reading what the mailbox holds), LIVE (caught up), ERROR (see stateReason), "
                + "PAUSED") MailboxState state,
        @Schema(nullable = true, description = "Why the state is ERROR, in the server's words where it gave some")
        String stateReason,
        @Schema(nullable = true) Instant lastSyncAt,
        @Schema(description = "Messages that became interactions") long captured,
        @Schema(description = "Messages read that concerned none of the owner's contacts, or were left out")
        long skipped,
        Instant createdAt,
        Instant updatedAt) {

    static MailboxView of(Mailbox mailbox) {
        return new MailboxView(mailbox.id, mailbox.owner, mailbox.host, mailbox.port, mailbox.security,
                mailbox.username, mailbox.inboxFolder, mailbox.sentFolder, mailbox.state, mailbox.stateReason,
                mailbox.lastSyncAt, mailbox.captured, mailbox.skipped, mailbox.createdAt, mailbox.updatedAt);
    }
}

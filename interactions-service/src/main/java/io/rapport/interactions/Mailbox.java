package io.rapport.interactions;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A rep's mailbox, connected for capture: every email with one of their contacts becomes an interaction. */
@Entity
public class Mailbox extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    public String owner;

    public String host;

    public int port;

    @Enumerated(EnumType.STRING)
    public MailboxSecurity security;

    public String username;

    /** The password, sealed (SecretBox, bound to the id): never answered, never logged. */
    public String secret;

    /** The folder of received mail; null: INBOX. */
    @Column(name = "inbox_folder")
    public String inboxFolder;

    /** The folder of sent mail; null: the one marked \Sent (RFC 6154). */
    @Column(name = "sent_folder")
    public String sentFolder;

    @Enumerated(EnumType.STRING)
    public MailboxState state;

    /** Why the state is ERROR, in the server's words where it gave some. */
    @Column(name = "state_reason")
    public String stateReason;

    @Column(name = "last_sync_at")
    public Instant lastSyncAt;

    /** Messages that became interactions. */
    public long captured;

    /** Messages read that concerned no contact of the owner, or were skipped for another reason. */
    public long skipped;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}

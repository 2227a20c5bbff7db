package io.rapport.interactions.capture;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.rapport.events.EventType;
import io.rapport.events.outbox.EventPublisher;
import io.rapport.interactions.Direction;
import io.rapport.interactions.Interaction;
import io.rapport.interactions.InteractionSource;
import io.rapport.interactions.InteractionType;
import io.rapport.interactions.mapping.InteractionMapper;
import io.rapport.interactions.service.ContactAddresses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Records what a chunk of messages of one folder became, in one transaction with the folder's checkpoint and only
 * while the lease on the mailbox is still this replica's: a replica that lost it (it stalled, another took over)
 * commits nothing, and what it read is read again by the one that holds it. A message is one EMAIL interaction per
 * contact of the owner among its addresses, keyed by the message, so that reading it again records nothing new.
 */
@ApplicationScoped
public class CaptureWriter {

    /**
     * Messages read from one folder, and how far that folder has been read: its checkpoint, or null for messages a
     * search found (the checkpoint stays where it is, and only what they became is counted).
     */
    public record Chunk(UUID mailboxId, String holder, FolderRole role, Checkpoint checkpoint,
            List<CapturedMail> messages) {
    }

    /** A folder read up to this UID, under this UIDVALIDITY. */
    public record Checkpoint(String folderName, long uidValidity, long lastUid) {
    }

    /** What the chunk became. */
    public record Recorded(int captured, int skipped) {
    }

    /** Thrown when the lease is no longer this replica's: nothing of the chunk was recorded. */
    public static class LeaseLost extends RuntimeException {

        private static final long serialVersionUID = 1L;

        LeaseLost(UUID mailboxId) {
            super("The lease on mailbox " + mailboxId + " is no longer this replica's", null, false, false);
        }
    }

    private final ContactAddresses addresses;
    private final EventPublisher events;
    private final EntityManager entityManager;
    private final CaptureConfig config;
    private final Clock clock;

    public CaptureWriter(ContactAddresses addresses, EventPublisher events, EntityManager entityManager,
            CaptureConfig config, Clock clock) {
        this.addresses = addresses;
        this.events = events;
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Recorded record(Chunk chunk) {
        Object[] mailbox = leased(chunk.mailboxId(), chunk.holder());
        String owner = (String) mailbox[0];
        String account = ContactAddresses.normalised((String) mailbox[1]);
        int captured = 0;
        int skipped = 0;
        for (CapturedMail mail : chunk.messages()) {
            int recorded = record(mail, owner, account, chunk.role());
            if (recorded > 0) {
                captured++;
            } else {
                skipped++;
            }
        }
        Checkpoint checkpoint = chunk.checkpoint();
        if (checkpoint == null) {
            skipped = 0; // found by a search for a new address: the rest was counted when it was first read
        } else {
            entityManager.createNativeQuery("""
                    insert into mailbox_folder (mailbox_id, role, name, uid_validity, last_uid)
                    values (?1, ?2, ?3, ?4, ?5)
                    on conflict (mailbox_id, role) do update set name = excluded.name,
                        uid_validity = excluded.uid_validity, last_uid = excluded.last_uid""")
                    .setParameter(1, chunk.mailboxId()).setParameter(2, chunk.role().name())
                    .setParameter(3, checkpoint.folderName()).setParameter(4, checkpoint.uidValidity())
                    .setParameter(5, checkpoint.lastUid()).executeUpdate();
        }
        entityManager.createNativeQuery("update mailbox set captured = captured + ?2, skipped = skipped + ?3, "
                + "last_sync_at = ?4 where id = ?1").setParameter(1, chunk.mailboxId()).setParameter(2, captured)
                .setParameter(3, skipped).setParameter(4, clock.instant()).executeUpdate();
        return new Recorded(captured, skipped);
    }

    /** The addresses the mailbox is to be searched for (new to its owner's contacts). */
    @Transactional(TxType.REQUIRES_NEW)
    public List<String> pendingSearches(UUID mailboxId) {
        return entityManager.createNativeQuery("select address from capture_rescan where mailbox_id = ?1 "
                + "order by address", String.class).setParameter(1, mailboxId).getResultList();
    }

    /** The mailbox was searched for these addresses. */
    @Transactional(TxType.REQUIRES_NEW)
    public void searched(UUID mailboxId, String holder, List<String> addresses) {
        leased(mailboxId, holder);
        entityManager.createNativeQuery("delete from capture_rescan where mailbox_id = ?1 and address = any(?2)")
                .setParameter(1, mailboxId).setParameter(2, addresses.toArray(String[]::new)).executeUpdate();
    }

    /** The interactions the message becomes; 0 when it concerns no contact of the owner, or was recorded before. */
    private int record(CapturedMail mail, String owner, String account, FolderRole role) {
        if (mail.from() == null || internalOnly(mail)) {
            return 0;
        }
        boolean sentByTheRep = role == FolderRole.SENT || mail.from().equals(account);
        Set<String> others = new LinkedHashSet<>();
        others.add(mail.from());
        others.addAll(mail.recipients());
        others.remove(account);
        Map<String, List<UUID>> contacts = addresses.ofOwner(owner, others);
        int recorded = 0;
        Set<UUID> done = new LinkedHashSet<>();
        for (String address : others) {
            for (UUID contact : contacts.getOrDefault(address, List.of())) {
                if (done.add(contact) && !exists(owner, contact, mail.key())) {
                    boolean asksForAnswer = !sentByTheRep && address.equals(mail.from()) && !mail.automatic();
                    persist(mail, owner, contact, sentByTheRep ? Direction.OUTBOUND : Direction.INBOUND,
                            asksForAnswer, sentByTheRep ? answered(owner, contact, mail) : null);
                    recorded++;
                }
            }
        }
        return recorded;
    }

    private void persist(CapturedMail mail, String owner, UUID contact, Direction direction, boolean requiresResponse,
            UUID inReplyTo) {
        Instant now = clock.instant();
        Interaction interaction = new Interaction();
        interaction.id = UUID.randomUUID();
        interaction.contactId = contact;
        interaction.owner = owner;
        interaction.loggedBy = owner;
        interaction.type = InteractionType.EMAIL;
        interaction.direction = direction;
        interaction.occurredAt = mail.occurredAt() == null ? now : mail.occurredAt();
        interaction.subject = mail.subject();
        interaction.requiresResponse = requiresResponse;
        interaction.inReplyTo = inReplyTo;
        interaction.source = InteractionSource.CAPTURED;
        interaction.messageKey = mail.key();
        interaction.createdAt = now;
        interaction.updatedAt = now;
        interaction.persist();
        events.publish(EventType.INTERACTION_LOGGED, contact, interaction.id,
                InteractionMapper.toSnapshot(interaction));
    }

    /** The captured inbound message of the contact that this outbound one answers, if any. */
    private UUID answered(String owner, UUID contact, CapturedMail mail) {
        if (mail.repliesTo().isEmpty()) {
            return null;
        }
        List<UUID> found = entityManager.createQuery("select id from Interaction where owner = ?1 and contactId = ?2 "
                + "and direction = ?3 and messageKey in ?4 order by occurredAt desc", UUID.class)
                .setParameter(1, owner).setParameter(2, contact).setParameter(3, Direction.INBOUND)
                .setParameter(4, mail.repliesTo()).setMaxResults(1).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private boolean exists(String owner, UUID contact, String key) {
        return !entityManager.createQuery("select 1 from Interaction where owner = ?1 and contactId = ?2 "
                + "and messageKey = ?3").setParameter(1, owner).setParameter(2, contact).setParameter(3, key)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** A message among the team's own domains only. */
    private boolean internalOnly(CapturedMail mail) {
        List<String> domains = config.internalDomains().orElse(List.of());
        if (domains.isEmpty()) {
            return false;
        }
        List<String> all = new ArrayList<>(mail.recipients());
        all.add(mail.from());
        return all.stream().allMatch(address -> domains.stream()
                .anyMatch(domain -> address.endsWith("@" + domain.strip().toLowerCase())));
    }

    /** The mailbox's owner and account, locked, while the lease is the caller's: {@link LeaseLost} otherwise. */
    private Object[] leased(UUID mailboxId, String holder) {
        List<?> rows = entityManager.createNativeQuery("select owner, username from mailbox where id = ?1 "
                + "and lease_holder = ?2 and lease_until > now() for update").setParameter(1, mailboxId)
                .setParameter(2, holder).getResultList();
        if (rows.isEmpty()) {
            throw new LeaseLost(mailboxId);
        }
        return (Object[]) rows.get(0);
    }
}

package io.rapport.interactions.capture;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rapport.interactions.MailboxSecurity;
import io.rapport.interactions.capture.CaptureWriter.Checkpoint;
import io.rapport.interactions.capture.CaptureWriter.Chunk;
import io.rapport.interactions.capture.CaptureWriter.LeaseLost;
import io.rapport.interactions.capture.ImapSessions.Account;
import io.rapport.secrets.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.FromStringTerm;
import jakarta.mail.search.OrTerm;
import jakarta.mail.search.ReceivedDateTerm;
import jakarta.mail.search.RecipientStringTerm;
import jakarta.mail.search.SearchTerm;
import jakarta.persistence.EntityManager;

import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Reads one mailbox once, under a lease: INBOX and the Sent folder, each from its checkpoint (UIDVALIDITY and the
 * last UID read), or over the back-fill window when it has none or its UIDVALIDITY changed, chunk by chunk; each
 * chunk is recorded with its checkpoint ({@link CaptureWriter}). A login the server refuses puts the mailbox in ERROR
 * with the server's words; a server that cannot be reached is tried again at the next poll.
 */
@ApplicationScoped
public class MailboxSync {

    private static final Logger LOG = Logger.getLogger(MailboxSync.class);
    /** What capture reads of each message: headers only, never a body. */
    private static final String[] HEADERS = { "Message-ID", "Date", "From", "To", "Cc", "Subject", "In-Reply-To",
        "References", "Auto-Submitted", "Precedence", "List-Id", "List-Unsubscribe", "Return-Path", "X-Autoreply",
        "X-Autorespond" };

    /** The mailbox as a sync reads it, with the lease taken. */
    private record Leased(UUID id, String owner, Account account, String secret, String inboxFolder,
            String sentFolder, Instant createdAt) {
    }

    private final ImapSessions sessions;
    private final CaptureWriter writer;
    private final SecretBox secrets;
    private final CaptureConfig config;
    private final EntityManager entityManager;
    private final String holder;

    public MailboxSync(ImapSessions sessions, CaptureWriter writer, SecretBox secrets, CaptureConfig config,
            EntityManager entityManager) {
        this.sessions = sessions;
        this.writer = writer;
        this.secrets = secrets;
        this.config = config;
        this.entityManager = entityManager;
        this.holder = replicaName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Reads the mailbox if its lease is free (or this replica's); false when another replica holds it. */
    public boolean syncOnce(UUID mailboxId) {
        Leased mailbox = QuarkusTransaction.requiringNew().call(() -> lease(mailboxId));
        if (mailbox == null) {
            return false;
        }
        try {
            String password;
            try {
                password = secrets.open(mailbox.secret(), mailbox.id().toString());
            } catch (IllegalStateException unopenable) {
                fail(mailbox.id(), "Its password cannot be opened with the keys configured: connect the mailbox again");
                return true;
            }
            try (Store store = sessions.open(mailbox.account(), password)) {
                String inbox = mailbox.inboxFolder() == null ? "INBOX" : mailbox.inboxFolder();
                String sent = mailbox.sentFolder() != null ? mailbox.sentFolder() : sentFolder(store);
                List<String> newAddresses = writer.pendingSearches(mailbox.id());
                read(store, mailbox, FolderRole.INBOX, inbox);
                if (sent != null) {
                    read(store, mailbox, FolderRole.SENT, sent);
                }
                if (!newAddresses.isEmpty()) {
                    search(store, mailbox, FolderRole.INBOX, inbox, newAddresses);
                    if (sent != null) {
                        search(store, mailbox, FolderRole.SENT, sent, newAddresses);
                    }
                    writer.searched(mailbox.id(), holder, newAddresses);
                }
                caughtUp(mailbox.id());
            } catch (AuthenticationFailedException refused) {
                fail(mailbox.id(), "The server refused the login: " + refused.getMessage());
            } catch (MessagingException unreachable) {
                LOG.warnf("Mailbox %s could not be read, tried again at the next poll: %s", mailbox.id(),
                        unreachable.getMessage());
            }
        } catch (LeaseLost lost) {
            LOG.infof("Mailbox %s: %s", mailboxId, lost.getMessage());
        } finally {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "update mailbox set lease_holder = null, lease_until = null where id = ?1 and lease_holder = ?2")
                    .setParameter(1, mailboxId).setParameter(2, holder).executeUpdate());
        }
        return true;
    }

    private void read(Store store, Leased mailbox, FolderRole role, String name) throws MessagingException {
        Folder folder = store.getFolder(name);
        if (!folder.exists()) {
            if (role == FolderRole.INBOX || mailbox.sentFolder() != null) {
                fail(mailbox.id(), "The folder " + name + " does not exist");
            }
            return;
        }
        folder.open(Folder.READ_ONLY);
        try {
            UIDFolder uids = (UIDFolder) folder;
            long uidValidity = uids.getUIDValidity();
            long uidNext = uids.getUIDNext();
            long[] checkpoint = checkpoint(mailbox.id(), role);
            Message[] messages;
            if (checkpoint == null || checkpoint[0] != uidValidity) {
                // new, or renumbered: the back-fill window again (what was recorded before is known by its key)
                Instant since = mailbox.createdAt().minus(config.backfillDays(), ChronoUnit.DAYS);
                messages = folder.search(new ReceivedDateTerm(ComparisonTerm.GE, Date.from(since)));
            } else {
                long last = checkpoint[1];
                messages = Arrays.stream(uids.getMessagesByUID(last + 1, UIDFolder.MAXUID))
                        .filter(message -> uid(uids, message) > last).toArray(Message[]::new);
            }
            long lastUid = checkpoint == null || checkpoint[0] != uidValidity ? 0 : checkpoint[1];
            for (int from = 0; from < messages.length; from += config.chunk()) {
                Message[] chunk = Arrays.copyOfRange(messages, from, Math.min(messages.length, from + config.chunk()));
                List<CapturedMail> read = headers(folder, chunk);
                for (Message message : chunk) {
                    lastUid = Math.max(lastUid, uid(uids, message));
                }
                writer.record(new Chunk(mailbox.id(), holder, role, new Checkpoint(name, uidValidity, lastUid), read));
                renewLease(mailbox.id());
            }
            // what is older than the window, and what was read, is behind the checkpoint from now on
            long behind = Math.max(lastUid, uidNext - 1);
            if (messages.length == 0 || behind > lastUid) {
                writer.record(new Chunk(mailbox.id(), holder, role, new Checkpoint(name, uidValidity, behind),
                        List.of()));
            }
        } finally {
            folder.close(false);
        }
    }

    /**
     * Searches the folder over the back-fill window for mail from or to addresses the owner's contacts gained since
     * it was read: mail that came before the contact did. What it finds is recorded like any read message (once per
     * contact, by its key); the checkpoint stays where it is.
     */
    private void search(Store store, Leased mailbox, FolderRole role, String name, List<String> addresses)
            throws MessagingException {
        Folder folder = store.getFolder(name);
        if (!folder.exists()) {
            return;
        }
        folder.open(Folder.READ_ONLY);
        try {
            List<SearchTerm> anyOf = new ArrayList<>();
            for (String address : addresses) {
                anyOf.add(new FromStringTerm(address));
                anyOf.add(new RecipientStringTerm(Message.RecipientType.TO, address));
                anyOf.add(new RecipientStringTerm(Message.RecipientType.CC, address));
            }
            Instant since = mailbox.createdAt().minus(config.backfillDays(), ChronoUnit.DAYS);
            Message[] found = folder.search(new AndTerm(new ReceivedDateTerm(ComparisonTerm.GE, Date.from(since)),
                    new OrTerm(anyOf.toArray(SearchTerm[]::new))));
            for (int from = 0; from < found.length; from += config.chunk()) {
                Message[] chunk = Arrays.copyOfRange(found, from, Math.min(found.length, from + config.chunk()));
                writer.record(new Chunk(mailbox.id(), holder, role, null, headers(folder, chunk)));
                renewLease(mailbox.id());
            }
        } finally {
            folder.close(false);
        }
    }

    /** The headers of the messages, fetched in one command. */
    private static List<CapturedMail> headers(Folder folder, Message[] messages) throws MessagingException {
        folder.fetch(messages, fetchProfile());
        List<CapturedMail> read = new ArrayList<>();
        for (Message message : messages) {
            read.add(CapturedMail.of(message, received(message)));
        }
        return read;
    }

    /** The folder marked \Sent (RFC 6154), or null when the server marks none. */
    private static String sentFolder(Store store) throws MessagingException {
        for (Folder folder : store.getDefaultFolder().list("*")) {
            if (folder instanceof IMAPFolder imap && Arrays.asList(imap.getAttributes()).contains("\\Sent")) {
                return folder.getFullName();
            }
        }
        return null;
    }

    private static FetchProfile fetchProfile() {
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
        for (String header : HEADERS) {
            profile.add(header);
        }
        return profile;
    }

    private static Instant received(Message message) throws MessagingException {
        Date received = message.getReceivedDate();
        return received == null ? null : received.toInstant();
    }

    private static long uid(UIDFolder folder, Message message) {
        try {
            return folder.getUID(message);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Leased lease(UUID mailboxId) {
        List<?> rows = entityManager.createNativeQuery("""
                update mailbox set lease_holder = ?2, lease_until = now() + cast(?3 as interval)
                where id = ?1 and state in ('SYNCING', 'LIVE')
                  and (lease_holder is null or lease_until < now() or lease_holder = ?2)
                returning owner, host, port, security, username, secret, inbox_folder, sent_folder, created_at""")
                .setParameter(1, mailboxId).setParameter(2, holder)
                .setParameter(3, config.lease().toSeconds() + " seconds").getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        return new Leased(mailboxId, (String) row[0], new Account((String) row[1], ((Number) row[2]).intValue(),
                MailboxSecurity.valueOf((String) row[3]), (String) row[4]), (String) row[5], (String) row[6],
                (String) row[7], (Instant) row[8]);
    }

    private void renewLease(UUID mailboxId) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("update mailbox "
                + "set lease_until = now() + cast(?3 as interval) where id = ?1 and lease_holder = ?2")
                .setParameter(1, mailboxId).setParameter(2, holder)
                .setParameter(3, config.lease().toSeconds() + " seconds").executeUpdate());
    }

    private long[] checkpoint(UUID mailboxId, FolderRole role) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select uid_validity, last_uid from mailbox_folder where mailbox_id = ?1 and role = ?2")
                .setParameter(1, mailboxId).setParameter(2, role.name()).getResultList());
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        return new long[] { ((Number) row[0]).longValue(), ((Number) row[1]).longValue() };
    }

    private void caughtUp(UUID mailboxId) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("update mailbox set state = "
                + "'LIVE', state_reason = null, last_sync_at = now() where id = ?1 and state = 'SYNCING' "
                + "and lease_holder = ?2").setParameter(1, mailboxId).setParameter(2, holder).executeUpdate());
    }

    private void fail(UUID mailboxId, String reason) {
        LOG.warnf("Mailbox %s stopped: %s", mailboxId, reason);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("update mailbox set state = "
                + "'ERROR', state_reason = ?2, updated_at = now() where id = ?1")
                .setParameter(1, mailboxId).setParameter(2, reason.length() > 1000 ? reason.substring(0, 1000)
                        : reason).executeUpdate());
    }

    private static String replicaName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "replica";
        }
    }
}

package io.rapport.interactions.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rapport.interactions.Mailbox;
import io.rapport.interactions.MailboxSecurity;
import io.rapport.interactions.MailboxState;
import io.rapport.interactions.capture.ImapSessions;
import io.rapport.interactions.capture.ImapSessions.Account;
import io.rapport.rest.ProblemMember;
import io.rapport.rest.input.InvalidInput;
import io.rapport.secrets.SecretBox;
import io.rapport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;

/**
 * The reps' mailbox connections: connected only once the server has taken the login, the password sealed at once
 * and never given back; paused, resumed and deleted by the rep (or an admin).
 */
@ApplicationScoped
public class MailboxService {

    /** What a rep connects: the account, its password, and the folders if not the usual ones. */
    public record Connection(String owner, String host, int port, MailboxSecurity security, String username,
            String password, String inboxFolder, String sentFolder) {

        Account account() {
            return new Account(host, port, security, username);
        }
    }

    private final ImapSessions sessions;
    private final SecretBox secrets;
    private final Clock clock;

    public MailboxService(ImapSessions sessions, SecretBox secrets, Clock clock) {
        this.sessions = sessions;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * Tries the login first, outside any transaction (a mail server may take seconds): a refused one is 422 quoting
     * the server. Then stores the connection, its password sealed and bound to it, ready to sync.
     */
    public Mailbox connect(Connection connection, Caller caller) {
        String owner = connection.owner() == null ? caller.userId() : connection.owner();
        if (!owner.equals(caller.userId()) && !caller.canReassign()) {
            throw new ForbiddenException("A rep connects their own mailbox; an admin connects anyone's");
        }
        sessions.checkReachable(connection.host());
        tryLogin(connection);
        return QuarkusTransaction.requiringNew().call(() -> store(connection, owner));
    }

    public List<Mailbox> list(Caller caller, String owner) {
        String only = caller.ownerFilter(owner);
        return only == null ? Mailbox.<Mailbox>list("order by createdAt, id")
                : Mailbox.<Mailbox>list("owner = ?1 order by createdAt, id", only);
    }

    public Mailbox get(UUID id, Caller caller) {
        Mailbox mailbox = Mailbox.findById(id);
        if (mailbox == null || !caller.canRead(mailbox.owner)) {
            throw new NotFoundException("No mailbox " + id);
        }
        return mailbox;
    }

    /** Stops capture until resumed; what was captured stays. */
    @Transactional
    public Mailbox pause(UUID id, Caller caller) {
        Mailbox mailbox = writable(id, caller);
        if (mailbox.state != MailboxState.PAUSED) {
            changeState(mailbox, MailboxState.PAUSED, null);
        }
        return mailbox;
    }

    /** Capture goes on from where it stopped (a mailbox in ERROR is tried again). */
    @Transactional
    public Mailbox resume(UUID id, Caller caller) {
        Mailbox mailbox = writable(id, caller);
        if (mailbox.state == MailboxState.PAUSED || mailbox.state == MailboxState.ERROR) {
            changeState(mailbox, MailboxState.SYNCING, null);
        }
        return mailbox;
    }

    /** Forgets the connection and its sealed password at once; what was captured stays. */
    @Transactional
    public void delete(UUID id, Caller caller) {
        writable(id, caller).delete();
    }

    private Mailbox writable(UUID id, Caller caller) {
        Mailbox mailbox = get(id, caller);
        if (!caller.canWrite(mailbox.owner)) {
            throw new ForbiddenException("Read-only access to mailbox " + id);
        }
        return mailbox;
    }

    private void changeState(Mailbox mailbox, MailboxState state, String reason) {
        mailbox.state = state;
        mailbox.stateReason = reason;
        mailbox.updatedAt = clock.instant();
    }

    private void tryLogin(Connection connection) {
        try (Store store = sessions.open(connection.account(), connection.password())) {
            store.isConnected();
        } catch (AuthenticationFailedException refused) {
            throw InvalidInput.unprocessable("password", "was refused by " + connection.host() + ": "
                    + refused.getMessage());
        } catch (MessagingException unreachable) {
            throw InvalidInput.unprocessable("host", "could not be reached over IMAP at " + connection.host() + ":"
                    + connection.port() + ": " + reason(unreachable));
        }
    }

    private Mailbox store(Connection connection, String owner) {
        Mailbox existing = Mailbox.find("owner = ?1 and host = ?2 and username = ?3", owner, connection.host(),
                connection.username()).firstResult();
        if (existing != null) {
            throw HttpProblem.builder().withStatus(409).withTitle("Conflict")
                    .withDetail("This account is connected already, as mailbox " + existing.id)
                    .with(ProblemMember.MAILBOX_ID.member(), existing.id).build();
        }
        Instant now = clock.instant();
        Mailbox mailbox = new Mailbox();
        mailbox.id = UUID.randomUUID();
        mailbox.owner = owner;
        mailbox.host = connection.host();
        mailbox.port = connection.port();
        mailbox.security = connection.security();
        mailbox.username = connection.username();
        mailbox.secret = secrets.seal(connection.password(), mailbox.id.toString());
        mailbox.inboxFolder = connection.inboxFolder();
        mailbox.sentFolder = connection.sentFolder();
        mailbox.state = MailboxState.SYNCING;
        mailbox.createdAt = now;
        mailbox.updatedAt = now;
        mailbox.persist();
        return mailbox;
    }

    /** The innermost cause's words: "Connection refused", a certificate that is not trusted. */
    private static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}

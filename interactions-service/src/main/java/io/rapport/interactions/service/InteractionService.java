package io.rapport.interactions.service;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.rapport.events.EventType;
import io.rapport.events.outbox.EventPublisher;
import io.rapport.interactions.Direction;
import io.rapport.interactions.Interaction;
import io.rapport.interactions.InteractionSource;
import io.rapport.interactions.InteractionType;
import io.rapport.interactions.KnownContact;
import io.rapport.interactions.config.InteractionsConfig;
import io.rapport.interactions.mapping.InteractionMapper;
import io.rapport.interactions.rest.AttachmentInput;
import io.rapport.interactions.rest.InteractionInput;
import io.rapport.rest.Cursor;
import io.rapport.rest.input.InvalidInput;
import io.rapport.rest.MergePatcher;
import io.rapport.rest.Preconditions;
import io.rapport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;

@ApplicationScoped
public class InteractionService {

    /** Filters of the interaction list; null means any. */
    public record Query(UUID contactId, String owner, InteractionType type, Direction direction,
            Boolean requiresResponse, InteractionSource source, Instant from, Instant to, int limit, Cursor after) {
    }

    private final ContactDirectory contacts;
    private final EventPublisher events;
    private final InteractionsConfig config;
    private final MergePatcher patcher;
    private final EntityManager entityManager;
    private final Clock clock;

    public InteractionService(ContactDirectory contacts, EventPublisher events, InteractionsConfig config,
            MergePatcher patcher, EntityManager entityManager, Clock clock) {
        this.contacts = contacts;
        this.events = events;
        this.config = config;
        this.patcher = patcher;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Before {@link #create}, outside its transaction: a contact not projected yet is read from contacts-service. */
    public void prepare(InteractionInput input) {
        contacts.projectForRecord(input.contactId());
    }

    /** Logs the interaction for a contact the caller may write to, and records interaction.logged with it. */
    @Transactional
    public Interaction create(InteractionInput input, Caller caller) {
        KnownContact contact = contacts.forWrite(input.contactId(), caller);
        checkRules(input, null);
        Interaction interaction = new Interaction();
        interaction.id = UUID.randomUUID();
        interaction.contactId = contact.id;
        interaction.owner = contact.owner;
        interaction.loggedBy = caller.userId();
        interaction.createdAt = clock.instant();
        interaction.updatedAt = interaction.createdAt;
        apply(input, interaction);
        interaction.persist();
        events.publish(EventType.INTERACTION_LOGGED, interaction.contactId, interaction.id,
                InteractionMapper.toSnapshot(interaction));
        return interaction;
    }

    /** The interaction, if the caller may see it; another rep's is as unknown as a missing one. */
    public Interaction get(UUID id, Caller caller) {
        Interaction interaction = Interaction.findById(id);
        if (interaction == null || !caller.canRead(interaction.owner)) {
            throw new NotFoundException("No interaction " + id);
        }
        return interaction;
    }

    @Transactional
    public Interaction replace(UUID id, InteractionInput input, String ifMatch, Caller caller) {
        return update(writable(id, ifMatch, caller), input);
    }

    /** Applies an RFC 7396 merge patch; the result is validated like a PUT body. */
    @Transactional
    public Interaction patch(UUID id, JsonNode patch, String ifMatch, Caller caller) {
        Interaction interaction = writable(id, ifMatch, caller);
        return update(interaction, patcher.apply(InteractionMapper.toInput(interaction), patch, InteractionInput.class));
    }

    /** Deletes the interaction and records interaction.deleted; commitments made in it stay, unlinked. */
    @Transactional
    public void delete(UUID id, String ifMatch, Caller caller) {
        Interaction interaction = writable(id, ifMatch, caller);
        Instant now = clock.instant();
        interaction.delete();
        events.publish(EventType.INTERACTION_DELETED, interaction.contactId, interaction.id,
                InteractionMapper.toDeleted(interaction, now));
    }

    /** The interactions the query's filters let through, newest first, after its cursor. */
    public List<Interaction> find(Query query) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Interaction> select = cb.createQuery(Interaction.class);
        Root<Interaction> interaction = select.from(Interaction.class);
        List<Predicate> where = new ArrayList<>();
        equal(cb, where, interaction.get("contactId"), query.contactId());
        equal(cb, where, interaction.get("owner"), query.owner());
        equal(cb, where, interaction.get("type"), query.type());
        equal(cb, where, interaction.get("direction"), query.direction());
        equal(cb, where, interaction.get("requiresResponse"), query.requiresResponse());
        equal(cb, where, interaction.get("source"), query.source());
        Path<Instant> occurredAt = interaction.get("occurredAt");
        if (query.from() != null) {
            where.add(cb.greaterThanOrEqualTo(occurredAt, query.from()));
        }
        if (query.to() != null) {
            where.add(cb.lessThan(occurredAt, query.to()));
        }
        if (query.after() != null) {
            Instant afterTime = cursorTime(query.after());
            where.add(cb.or(cb.lessThan(occurredAt, afterTime), cb.and(cb.equal(occurredAt, afterTime),
                    cb.lessThan(interaction.get("id"), query.after().id()))));
        }
        select.where(where.toArray(Predicate[]::new))
                .orderBy(cb.desc(occurredAt), cb.desc(interaction.get("id")));
        return entityManager.createQuery(select).setMaxResults(query.limit()).getResultList();
    }

    /** A filter that applies when given. */
    private static <T> void equal(CriteriaBuilder cb, List<Predicate> where, Path<T> path, T value) {
        if (value != null) {
            where.add(cb.equal(path, value));
        }
    }

    public static Cursor cursorAfter(Interaction interaction) {
        return new Cursor(interaction.occurredAt.toString(), interaction.id);
    }

    static Instant cursorTime(Cursor cursor) {
        return cursor.instantValue();
    }

    /** Loads the record locked for the rest of the transaction, so concurrent changes queue and see each other. */
    private Interaction writable(UUID id, String ifMatch, Caller caller) {
        Interaction interaction = Interaction.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (interaction == null || !caller.canRead(interaction.owner)) {
            throw new NotFoundException("No interaction " + id);
        }
        if (!caller.canWrite(interaction.owner)) {
            throw new ForbiddenException("Read-only access to interaction " + id);
        }
        Preconditions.requireIfMatch(ifMatch, interaction.version);
        return interaction;
    }

    private Interaction update(Interaction interaction, InteractionInput input) {
        if (!interaction.contactId.equals(input.contactId())) {
            throw InvalidInput.field("contactId", "an interaction cannot move to another contact");
        }
        checkRules(input, interaction.id);
        InteractionInput before = InteractionMapper.toInput(interaction);
        apply(input, interaction);
        if (InteractionMapper.toInput(interaction).equals(before)) {
            return interaction; // nothing changed: no new version, no event
        }
        interaction.updatedAt = clock.instant();
        interaction.flush(); // assigns the new version the snapshot carries
        events.publish(EventType.INTERACTION_UPDATED, interaction.contactId, interaction.id,
                InteractionMapper.toSnapshot(interaction));
        return interaction;
    }

    /** The rules bean validation cannot express; throws the 400 problem of the first one broken. */
    private void checkRules(InteractionInput input, UUID self) {
        if (input.occurredAt().isAfter(clock.instant().plus(Duration.ofMinutes(config.clockSkewMinutes())))) {
            throw InvalidInput.field("occurredAt", "must not be in the future");
        }
        if (Boolean.TRUE.equals(input.requiresResponse()) && input.direction() != Direction.INBOUND) {
            throw InvalidInput.field("requiresResponse", "only an INBOUND interaction can await a response");
        }
        boolean valueAdd = input.type() == InteractionType.VALUE_ADD;
        if (valueAdd && isBlank(input.valueProvided())) {
            throw InvalidInput.field("valueProvided", "a VALUE_ADD interaction says what value was provided");
        }
        if (!valueAdd && !isBlank(input.valueProvided())) {
            throw InvalidInput.field("valueProvided", "only a VALUE_ADD interaction provides value");
        }
        if (input.inReplyTo() != null) {
            if (input.direction() != Direction.OUTBOUND) {
                throw InvalidInput.field("inReplyTo", "only an OUTBOUND interaction replies to another");
            }
            Interaction answered = input.inReplyTo().equals(self) ? null : Interaction.findById(input.inReplyTo());
            if (answered == null || !answered.contactId.equals(input.contactId())
                    || answered.direction != Direction.INBOUND) {
                throw InvalidInput.field("inReplyTo", "no inbound interaction " + input.inReplyTo()
                        + " of this contact");
            }
        }
        List<AttachmentInput> attachments = input.attachments() == null ? List.of() : input.attachments();
        for (int i = 0; i < attachments.size(); i++) {
            if (!isWebLink(attachments.get(i).url())) {
                throw InvalidInput.field("attachments[" + i + "].url", "must be an absolute http or https URL");
            }
        }
    }

    private static void apply(InteractionInput input, Interaction interaction) {
        interaction.type = input.type();
        interaction.direction = input.direction();
        interaction.occurredAt = input.occurredAt();
        interaction.durationMinutes = input.durationMinutes();
        interaction.subject = blankToNull(input.subject());
        interaction.summary = blankToNull(input.summary());
        interaction.sentiment = input.sentiment();
        interaction.needsHeard = new ArrayList<>(input.needsHeard() == null ? List.of()
                : input.needsHeard().stream().map(String::strip).distinct().toList());
        interaction.valueProvided = blankToNull(input.valueProvided());
        interaction.nextSteps = blankToNull(input.nextSteps());
        interaction.requiresResponse = Boolean.TRUE.equals(input.requiresResponse());
        interaction.inReplyTo = input.inReplyTo();
        interaction.attachments = new ArrayList<>(InteractionMapper.attachments(input.attachments()));
    }

    private static boolean isWebLink(String url) {
        try {
            URI uri = new URI(url.strip());
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.strip();
    }
}

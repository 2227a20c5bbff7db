package io.rapport.feedback.service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.rapport.events.EventType;
import io.rapport.events.outbox.EventPublisher;
import io.rapport.feedback.FeedbackContact;
import io.rapport.feedback.ResponseSource;
import io.rapport.feedback.SurveyChannel;
import io.rapport.feedback.SurveyRequest;
import io.rapport.feedback.SurveyResponse;
import io.rapport.feedback.SurveyStatus;
import io.rapport.feedback.config.FeedbackConfig;
import io.rapport.feedback.delivery.SurveyCouriers;
import io.rapport.feedback.delivery.SurveyInvitations;
import io.rapport.feedback.mapping.SurveyMapper;
import io.rapport.feedback.rest.ContactFeedback;
import io.rapport.feedback.rest.ContactFeedbackPage;
import io.rapport.feedback.rest.ScoreInput;
import io.rapport.feedback.rest.SurveyRequestInput;
import io.rapport.feedback.rest.SurveyRequestView;
import io.rapport.rest.Cursor;
import io.rapport.rest.input.InvalidInput;
import io.rapport.rest.Preconditions;
import io.rapport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;

/** Survey requests: sending, listing, cancelling, and answers recorded by reps. */
@ApplicationScoped
public class SurveyService {

    private final ContactDirectory contacts;
    private final SurveyContexts contexts;
    private final SurveyFatigue fatigue;
    private final SurveyTokens tokens;
    private final ScoreRules scores;
    private final SurveyCouriers couriers;
    private final SurveyInvitations invitations;
    private final EventPublisher events;
    private final EntityManager entityManager;
    private final FeedbackConfig config;
    private final Clock clock;

    public SurveyService(ContactDirectory contacts, SurveyContexts contexts, SurveyFatigue fatigue, SurveyTokens tokens,
            ScoreRules scores, SurveyCouriers couriers, SurveyInvitations invitations, EventPublisher events,
            EntityManager entityManager, FeedbackConfig config, Clock clock) {
        this.contacts = contacts;
        this.contexts = contexts;
        this.fatigue = fatigue;
        this.tokens = tokens;
        this.scores = scores;
        this.couriers = couriers;
        this.invitations = invitations;
        this.events = events;
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    /** A request just created, with the plain token that exists only now. */
    public record Created(SurveyRequest request, String token) {
    }

    /**
     * Before {@link #create}, outside its transaction (so that no connection or lock waits on another service): a
     * contact not projected yet is read from contacts-service, and what the survey follows up on, if anything, from
     * interactions-service.
     *
     * @return the followed-up interaction's or commitment's contact and owner, or null when the survey names none
     */
    public SurveyContexts.Context prepare(SurveyRequestInput input) {
        contacts.projectForRecord(input.contactId());
        if (input.contextType() == null || input.contextId() == null) {
            return null; // none, or half of one: create refuses that
        }
        return contexts.read(input.contextType(), input.contextId());
    }

    /**
     * Creates the request and records feedback.requested in the same transaction; on a channel Rapport delivers
     * (EMAIL), queues the message, which is sent once the transaction has committed.
     *
     * @param force a manager's (or an admin's) decision to send it despite survey fatigue
     */
    @Transactional
    public Created create(SurveyRequestInput input, SurveyContexts.Context context, String repName, boolean force,
            Caller caller) {
        if (force && !caller.canOverrule()) {
            throw new ForbiddenException("Only a manager or an admin may send a survey despite survey fatigue");
        }
        if ((input.contextType() == null) != (input.contextId() == null)) {
            throw InvalidInput.field(input.contextId() == null ? "contextId" : "contextType",
                    "contextType and contextId go together");
        }
        Instant now = clock.instant();
        Instant expiresAt = input.expiresAt() == null ? now.plus(config.tokenTtl()) : input.expiresAt();
        if (!expiresAt.isAfter(now)) {
            throw InvalidInput.field("expiresAt", "must be in the future");
        }
        if (expiresAt.isAfter(now.plus(config.maxTokenTtl()))) {
            throw InvalidInput.field("expiresAt", "must be at most " + config.maxTokenTtl().toDays() + " days ahead");
        }
        FeedbackContact contact = contacts.surveyable(input.contactId(), caller);
        if (!caller.canWrite(contact.owner)) {
            throw new ForbiddenException("Read-only access to contact " + contact.id);
        }
        if (context != null) {
            SurveyContexts.checkBelongs(context, input.contextType(), contact.id, contact.owner);
        }
        SurveyChannel channel = input.channel() == null ? SurveyChannel.EMAIL : input.channel();
        couriers.checkReachable(channel, contact);
        if (!force) {
            fatigue.check(contact.id, now);
        }
        String token = tokens.newToken();
        SurveyRequest request = new SurveyRequest();
        request.id = UUID.randomUUID();
        request.contactId = contact.id;
        request.owner = contact.owner;
        request.repName = repName;
        request.kind = input.kind();
        request.channel = channel;
        request.contextType = input.contextType();
        request.contextId = input.contextId();
        request.tokenHash = SurveyTokens.hash(token);
        request.status = SurveyStatus.PENDING;
        request.createdBy = caller.userId();
        request.createdAt = now;
        request.expiresAt = expiresAt;
        request.persist();
        invitations.queue(request, token);
        events.publish(EventType.FEEDBACK_REQUESTED, request.contactId, request.id, SurveyMapper.requested(request));
        return new Created(request, token);
    }

    /** The request, if the caller may see it; another rep's is as unknown as a missing one. */
    public SurveyRequest get(UUID id, Caller caller) {
        SurveyRequest request = SurveyRequest.findById(id);
        if (request == null || !caller.canRead(request.owner)) {
            throw new NotFoundException("No survey request " + id);
        }
        return request;
    }

    public SurveyResponse responseTo(UUID requestId) {
        return SurveyResponse.find("requestId", requestId).firstResult();
    }

    public List<SurveyRequest> find(SurveyQuery query) {
        StringBuilder where = new StringBuilder("true");
        Map<String, Object> parameters = new HashMap<>();
        if (query.contactId() != null) {
            where.append(" and contactId = :contact");
            parameters.put("contact", query.contactId());
        }
        if (query.owner() != null) {
            where.append(" and owner = :owner");
            parameters.put("owner", query.owner());
        }
        if (query.kind() != null) {
            where.append(" and kind = :kind");
            parameters.put("kind", query.kind());
        }
        if (query.status() != null) {
            switch (query.status()) {
                case PENDING -> where.append(" and status = 'PENDING' and expiresAt > :now");
                case EXPIRED -> where.append(" and status = 'PENDING' and expiresAt <= :now");
                default -> where.append(" and status = '").append(query.status().name()).append("'");
            }
            if (query.status() == SurveyStatus.PENDING || query.status() == SurveyStatus.EXPIRED) {
                parameters.put("now", clock.instant());
            }
        }
        if (query.after() != null) {
            where.append(" and (createdAt < :afterTime or (createdAt = :afterTime and id < :afterId))");
            parameters.put("afterTime", query.after().instantValue());
            parameters.put("afterId", query.after().id());
        }
        var select = entityManager.createQuery("from SurveyRequest where " + where
                + " order by createdAt desc, id desc", SurveyRequest.class).setMaxResults(query.limit());
        parameters.forEach(select::setParameter);
        return select.getResultList();
    }

    public static Cursor cursorAfter(SurveyRequest request) {
        return new Cursor(request.createdAt.toString(), request.id);
    }

    /**
     * Every survey sent to the contact (including those of contacts merged into it), newest first, each with its
     * answer: its history, and this service's part of its GDPR export.
     */
    public ContactFeedback history(UUID contactId, Caller caller) {
        FeedbackContact contact = contacts.readable(contactId, caller);
        return new ContactFeedback(contact.id, views(SurveyRequest.list(
                "contactId = ?1 order by createdAt desc, id desc", contact.id)));
    }

    /** One page of the contact's history, newest first, after {@code after} (the first page when null). */
    public ContactFeedbackPage historyPage(UUID contactId, Caller caller, int limit, Cursor after) {
        FeedbackContact contact = contacts.readable(contactId, caller);
        List<SurveyRequest> page = after == null
                ? SurveyRequest.find("contactId = ?1 order by createdAt desc, id desc", contact.id).page(0, limit)
                        .list()
                : SurveyRequest.find("contactId = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3)) "
                        + "order by createdAt desc, id desc", contact.id, after.instantValue(), after.id())
                        .page(0, limit).list();
        return new ContactFeedbackPage(contact.id, views(page), Cursor.next(page, limit, SurveyService::cursorAfter));
    }

    private List<SurveyRequestView> views(List<SurveyRequest> requests) {
        Map<UUID, SurveyResponse> responses = responsesTo(requests);
        return requests.stream()
                .map(request -> SurveyMapper.toView(request, responses.get(request.id), clock.instant())).toList();
    }

    /** The responses to {@code requests}, by request id. */
    public Map<UUID, SurveyResponse> responsesTo(List<SurveyRequest> requests) {
        if (requests.isEmpty()) {
            return Map.of();
        }
        return entityManager.createQuery("from SurveyResponse where requestId in :ids", SurveyResponse.class)
                .setParameter("ids", requests.stream().map(request -> request.id).toList())
                .getResultStream()
                .collect(Collectors.toMap(response -> response.requestId, Function.identity()));
    }

    /** Cancels a pending request (based on the version named by If-Match); its link answers 410 from now on. */
    @Transactional
    public SurveyRequest cancel(UUID id, String ifMatch, Caller caller) {
        SurveyRequest request = writable(id, caller);
        Preconditions.requireIfMatch(ifMatch, request.version);
        SurveyStatus status = request.statusAt(clock.instant());
        if (status != SurveyStatus.PENDING) {
            throw Problems.conflict("Survey request " + id + " is " + status + ": only a pending one can be cancelled");
        }
        request.status = SurveyStatus.CANCELLED;
        request.cancelledAt = clock.instant();
        invitations.withdraw(request);
        request.flush();
        return request;
    }

    /** A rep records the client's answer on their behalf (source REP); publishes feedback.received. */
    @Transactional
    public SurveyResponse recordForClient(UUID id, ScoreInput input, Caller caller) {
        // locked first, so that a client answering through the link at the same moment waits, then finds it answered
        SurveyRequest request = SurveyRequest.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (request == null || !caller.canRead(request.owner)) {
            throw new NotFoundException("No survey request " + id);
        }
        if (!caller.canWrite(request.owner)) {
            throw new ForbiddenException("Read-only access to survey request " + id);
        }
        SurveyStatus status = request.statusAt(clock.instant());
        if (status != SurveyStatus.PENDING) {
            throw Problems.conflict("Survey request " + id + " is " + status + ": it can no longer be answered");
        }
        return answer(request, input, ResponseSource.REP, caller.userId());
    }

    /**
     * Records the answer to a pending request the caller holds a lock on, marks the request answered and
     * publishes feedback.received, all in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public SurveyResponse answer(SurveyRequest request, ScoreInput input, ResponseSource source, String recordedBy) {
        scores.check(request.kind, input);
        Instant now = clock.instant();
        SurveyResponse response = new SurveyResponse();
        response.id = UUID.randomUUID();
        response.requestId = request.id;
        response.contactId = request.contactId;
        response.owner = request.owner;
        response.npsScore = input.npsScore();
        response.csatScore = input.csatScore();
        response.comment = input.comment() == null || input.comment().isBlank() ? null : input.comment().strip();
        response.source = source;
        response.recordedBy = recordedBy;
        response.receivedAt = now;
        response.persist();
        request.status = SurveyStatus.ANSWERED;
        request.answeredAt = now;
        invitations.withdraw(request);
        request.flush();
        events.publish(EventType.FEEDBACK_RECEIVED, request.contactId, response.id,
                SurveyMapper.received(request, response));
        return response;
    }

    private SurveyRequest writable(UUID id, Caller caller) {
        SurveyRequest request = get(id, caller);
        if (!caller.canWrite(request.owner)) {
            throw new ForbiddenException("Read-only access to survey request " + id);
        }
        return request;
    }
}

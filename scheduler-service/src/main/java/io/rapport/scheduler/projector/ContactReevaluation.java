package io.rapport.scheduler.projector;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.rapport.events.inbox.PreloadedRows;
import io.rapport.scheduler.health.service.HealthService;
import io.rapport.scheduler.projection.ContactBatch;
import io.rapport.scheduler.projection.ContactLock;
import io.rapport.scheduler.projection.ContactProjection;
import io.rapport.scheduler.rules.ContactTimeRules;
import io.rapport.scheduler.rules.RuleEvaluator;
import io.rapport.scheduler.task.service.TaskService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;

/**
 * The rules that look at a contact as a whole (its check-in, its yearly dates and surveys due) and its health score
 * are evaluated once per transaction for every contact its events changed, all together, instead of after each event:
 * the result is the same (they depend on the projection as it stands, not on the event), and a batch of five hundred
 * events reads what they need in a dozen queries instead of a dozen per event. The tasks record the last event of the
 * batch that changed the contact.
 */
@ApplicationScoped
public class ContactReevaluation {

    private final TouchedContacts touched;
    private final RuleEvaluator rules;
    private final ContactTimeRules timeRules;
    private final HealthService health;
    private final TaskService tasks;
    private final ContactLock contactLock;
    private final Clock clock;
    private final EntityManager entityManager;
    private final PreloadedRows preloaded;

    public ContactReevaluation(TouchedContacts touched, RuleEvaluator rules, ContactTimeRules timeRules,
            HealthService health, TaskService tasks, ContactLock contactLock, Clock clock,
            EntityManager entityManager, PreloadedRows preloaded) {
        this.touched = touched;
        this.rules = rules;
        this.timeRules = timeRules;
        this.health = health;
        this.tasks = tasks;
        this.contactLock = contactLock;
        this.clock = clock;
        this.entityManager = entityManager;
        this.preloaded = preloaded;
    }

    /**
     * Before a batch of events is applied: takes the contacts' locks, always in the same order (so that consumers
     * wait for each other instead of deadlocking), and reads their projections and tasks in a few queries.
     */
    @Transactional(TxType.MANDATORY)
    public void prepare(List<UUID> contactIds) {
        contactLock.lockAll(contactIds);
        if (!contactIds.isEmpty()) {
            preloaded.load(ContactProjection.class, contactIds);
            tasks.tasksOf(contactIds);
        }
    }

    /** The event changed what the contact's rules or health depend on: evaluate them before the transaction ends. */
    @Transactional(TxType.MANDATORY)
    public void touched(UUID contactId, String eventId) {
        touched.touched(contactId, eventId);
    }

    /** Evaluates the rules and the health of every contact touched in this transaction so far. */
    @Transactional(TxType.MANDATORY)
    public void evaluateTouched() {
        Map<UUID, String> lastEvents = touched.drain();
        if (lastEvents.isEmpty()) {
            return;
        }
        // what the events changed is written first: the bulk reads are partly native SQL, which Hibernate does not
        // flush for
        entityManager.flush();
        ContactBatch batch = ContactBatch.of(lastEvents.keySet(), clock.instant(), tasks::tasksOf);
        for (ContactProjection contact : batch.contacts()) {
            String eventId = lastEvents.get(contact.id);
            rules.evaluateCheckIn(batch, contact, eventId);
            timeRules.evaluate(batch, contact, eventId);
        }
        health.recompute(batch);
    }
}

package io.rapport.scheduler.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.rapport.scheduler.projection.ContactProjection;
import io.rapport.scheduler.projection.InteractionProjection;
import io.rapport.scheduler.task.Task;
import io.rapport.scheduler.task.TaskKind;
import io.rapport.scheduler.task.TaskStatus;
import io.rapport.scheduler.task.service.ContactTasks;
import io.rapport.scheduler.task.service.TaskService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * What a merged contact's history still calls for, continued on its survivor. A task about one item of that history
 * (a message awaiting a reply, an unhappy touch-point or answer, a promoter to thank, a promise coming due) follows
 * the item to the survivor as it stands, snoozed or escalated, and so does a follow-up a rep added by hand; the rules
 * about the contact as a whole (check-in, yearly dates, surveys due) run again for the survivor when it is
 * re-evaluated, over both histories. A message of one history that a later outbound touch of the other answered needs
 * no reply any more.
 */
@ApplicationScoped
public class MergedFollowUps {

    /**
     * The rules whose task subject names one interaction, commitment or survey answer of the contact's history
     * (recovery after a touch-point and after an answer are one rule).
     */
    private static final Set<String> ABOUT_ONE_ITEM = Set.copyOf(List.of(RespondRule.NAME, RecoveryRule.NAME,
            CommitmentDueRule.NAME, FeedbackRules.RECOVERY, FeedbackRules.APPRECIATION));

    private static final List<TaskStatus> HANDLED_BY_A_REP = List.of(TaskStatus.COMPLETED, TaskStatus.DISMISSED);

    private final TaskService tasks;
    private final RuleEvaluator rules;

    public MergedFollowUps(TaskService tasks, RuleEvaluator rules) {
        this.tasks = tasks;
        this.rules = rules;
    }

    /**
     * Called once the merged contact's projections belong to the survivor.
     *
     * @param survivor the survivor's projection, or null when its own events have not arrived yet
     */
    @Transactional(TxType.MANDATORY)
    public void merged(UUID mergedId, UUID survivorId, ContactProjection survivor, String eventId) {
        Map<UUID, ContactTasks> both = tasks.tasksOf(List.of(mergedId, survivorId));
        ContactTasks survivorTasks = both.get(survivorId);
        boolean survivorKept = survivor == null || survivor.erasedAt == null;
        if (survivorKept) {
            for (Task task : both.get(mergedId).open()) {
                if (ABOUT_ONE_ITEM.contains(task.rule) || task.kind == TaskKind.FOLLOW_UP) {
                    tasks.carryOver(task, survivorTasks, survivorId, survivor != null ? survivor.owner : task.owner,
                            eventId);
                }
            }
            // what a rep already handled stays handled: a later version of the item must not raise it again
            for (Task task : Task.<Task>list("contactId = ?1 and status in ?2", mergedId, HANDLED_BY_A_REP)) {
                if (ABOUT_ONE_ITEM.contains(task.rule)) {
                    tasks.carryOverClosed(task, survivorTasks, survivorId,
                            survivor != null ? survivor.owner : task.owner);
                }
            }
        }
        tasks.resolveAll(mergedId, "merged into contact " + survivorId, eventId);
        boolean awaitingReplies = survivorTasks.open().stream().anyMatch(task -> task.kind == TaskKind.RESPOND);
        if (survivorKept && awaitingReplies) {
            rules.resolveAnswered(survivorTasks, InteractionProjection.list(
                    "contactId = ?1 and direction = 'OUTBOUND' and deleted = false", survivorId), eventId);
        }
    }
}

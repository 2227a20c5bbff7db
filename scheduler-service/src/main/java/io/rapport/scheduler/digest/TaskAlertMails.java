package io.rapport.scheduler.digest;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.rapport.delivery.DeliveryFailure;
import io.rapport.delivery.DeliveryKind;
import io.rapport.delivery.DeliveryStatus;
import io.rapport.scheduler.task.Task;
import io.rapport.scheduler.task.TaskStatus;
import io.rapport.scheduler.task.mapping.TaskResponses;
import io.rapport.scheduler.task.rest.TaskResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * An URGENT or HIGH task emailed to its rep at once ({@link TaskAlertSweeper}), written when sent from the task as
 * it is then, from the Qute templates {@code digest/alert.txt} and {@code .html}; a task closed meanwhile is not.
 */
@ApplicationScoped
public class TaskAlertMails implements DeliveryKind<Mail> {

    static final String TASK_HEADER = "X-Rapport-Task";

    private final TaskResponses responses;
    private final RepMails mails;
    private final EntityManager entityManager;
    private final Template text;
    private final Template html;

    public TaskAlertMails(TaskResponses responses, RepMails mails, EntityManager entityManager,
            @Location("digest/alert.txt") Template text, @Location("digest/alert.html") Template html) {
        this.responses = responses;
        this.mails = mails;
        this.entityManager = entityManager;
        this.text = text;
        this.html = html;
    }

    @Override
    public String table() {
        return "task_alert";
    }

    @Override
    public Prepared<Mail> prepare(UUID id, Instant now) {
        Object[] alert = (Object[]) entityManager.createNativeQuery("""
                select a.address, coalesce(s.timezone, 'UTC') from task_alert a
                left join digest_subscription s on s.owner = a.owner where a.id = ?1""")
                .setParameter(1, id).getSingleResult();
        Task task = entityManager.find(Task.class, id);
        if (task == null || task.status != TaskStatus.OPEN) {
            return new Settle<>(DeliveryStatus.CANCELLED, "The task was closed before the alert went out");
        }
        TaskResponse response = responses.of(List.of(task)).get(0);
        String contact = response.contactName() == null ? "a contact" : response.contactName();
        ZoneId zone = ZoneId.of((String) alert[1]);
        String due = mails.due(task.dueAt, zone) + " (" + zone.getId() + ")";
        String link = mails.taskLink(task.id, task.contactId);
        String subject = task.priority + ": " + task.kind + " for " + contact + ", due " + due;
        Mail mail = Mail.withText((String) alert[0], subject, render(text, task, contact, due, link))
                .setHtml(render(html, task, contact, due, link))
                .addHeader(TASK_HEADER, task.id.toString());
        return new Send<>(mail);
    }

    private static String render(Template template, Task task, String contact, String due, String link) {
        return template.data("contact", contact).data("kind", task.kind.name()).data("priority", task.priority.name())
                .data("due", due).data("reason", task.reason).data("link", link).render();
    }

    @Override
    public void deliver(Mail mail) throws DeliveryFailure {
        mails.send(mail);
    }
}

package io.rapport.scheduler.digest;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.rapport.delivery.DeliveryFailure;
import io.rapport.delivery.DeliveryKind;
import io.rapport.delivery.DeliveryStatus;
import io.rapport.scheduler.task.rest.Agenda;
import io.rapport.scheduler.task.rest.TaskResponse;
import io.rapport.scheduler.task.service.AgendaService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Digests as messages the platform's delivery queue sends: written when taken off the queue from the rep's agenda as
 * it is then (overdue, today, coming up, each task with its reason and, where configured, a link into the frontend),
 * in plain text and HTML from the Qute templates {@code digest/agenda.txt} and {@code .html}. A day with nothing on
 * the agenda sends nothing, unless the rep asked for it.
 */
@ApplicationScoped
public class DigestMails implements DeliveryKind<Mail> {

    /** Names the rep and day in every digest, so that a bounce report or a reply can be traced back. */
    static final String DIGEST_HEADER = "X-Rapport-Digest";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    private final AgendaService agendas;
    private final RepMails mails;
    private final DigestConfig config;
    private final EntityManager entityManager;
    private final Template text;
    private final Template html;

    public DigestMails(AgendaService agendas, RepMails mails, DigestConfig config, EntityManager entityManager,
            @Location("digest/agenda.txt") Template text, @Location("digest/agenda.html") Template html) {
        this.agendas = agendas;
        this.mails = mails;
        this.config = config;
        this.entityManager = entityManager;
        this.text = text;
        this.html = html;
    }

    /** A task as the digest lists it. */
    @TemplateData
    public record Line(String contact, String kind, String priority, String due, String reason, String link) {
    }

    /** A section of the digest: its heading and its tasks, most urgent first. */
    @TemplateData
    public record Section(String heading, List<Line> lines) {
    }

    @Override
    public String table() {
        return "digest";
    }

    @Override
    public Prepared<Mail> prepare(UUID id, Instant now) {
        Digest digest = entityManager.find(Digest.class, id);
        ZoneId zone = ZoneId.of(digest.timezone);
        // retried until the next digest is due (a mail server refusing for hours): that one brings the agenda as it
        // is then, and this one would show another day's agenda under its date; a rep who stopped them has no next
        // one, and the day's end is the limit
        DigestSubscription subscription = DigestSubscription.of(digest.owner);
        boolean followed = subscription != null && subscription.enabled;
        Instant supersededAt = followed ? subscription.dueOn(digest.date.plusDays(1))
                : digest.date.plusDays(1).atStartOfDay(zone).toInstant();
        if (!now.isBefore(supersededAt)) {
            return new Settle<>(DeliveryStatus.CANCELLED, followed ? "The next day's digest is due"
                    : "The day it was for is over");
        }
        Agenda agenda = agendas.agenda(digest.owner, zone, config.upcomingDays());
        int tasks = agenda.overdue().size() + agenda.today().size() + agenda.upcoming().size();
        if (tasks == 0 && !digest.sendWhenEmpty) {
            return new Settle<>(DeliveryStatus.CANCELLED, "Nothing on the agenda");
        }
        List<Section> sections = List.of(
                section("Overdue", agenda.overdue(), zone),
                section("Today", agenda.today(), zone),
                section("Coming up", agenda.upcoming(), zone));
        String subject = "Your day, " + DAY.format(digest.date) + ": " + agenda.overdue().size() + " overdue, "
                + agenda.today().size() + " today, " + agenda.upcoming().size() + " coming up";
        Mail mail = Mail.withText(digest.address, subject, render(text, digest, sections, tasks, agenda.truncated()))
                .setHtml(render(html, digest, sections, tasks, agenda.truncated()))
                .addHeader(DIGEST_HEADER, digest.owner + " " + digest.date);
        return new Send<>(mail);
    }

    @Override
    public void deliver(Mail mail) throws DeliveryFailure {
        mails.send(mail);
    }

    private static String render(Template template, Digest digest, List<Section> sections, int tasks,
            boolean truncated) {
        TemplateInstance instance = template.data("day", DAY.format(digest.date))
                .data("timezone", digest.timezone)
                .data("sections", sections)
                .data("empty", tasks == 0)
                .data("truncated", truncated);
        return instance.render();
    }

    private Section section(String heading, List<TaskResponse> tasks, ZoneId zone) {
        return new Section(heading, tasks.stream().map(task -> new Line(
                task.contactName() == null ? "A contact" : task.contactName(), task.kind().name(),
                task.priority().name(), mails.due(task.dueAt(), zone), task.reason(),
                mails.taskLink(task.id(), task.contactId()))).toList());
    }
}

package io.rapport.scheduler.digest;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.UUID;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.rapport.delivery.DeliveryFailure;
import io.rapport.delivery.SmtpRelay;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/** What the mails to reps share, the digest and the alerts: how a task is written and linked, and the sending. */
@ApplicationScoped
public class RepMails {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM,
            FormatStyle.SHORT).withLocale(Locale.ENGLISH);

    private final SmtpRelay relay;
    private final DigestConfig config;

    public RepMails(ReactiveMailer mailer, Vertx vertx, DigestConfig config) {
        this.relay = new SmtpRelay(mailer, vertx);
        this.config = config;
    }

    /** A due time as the rep reads it, in their zone. */
    String due(Instant dueAt, ZoneId zone) {
        return DUE.format(dueAt.atZone(zone));
    }

    /** Where the task opens in the reps' frontend ({@code rapport.digest.task-link}); empty without it. */
    String taskLink(UUID taskId, UUID contactId) {
        return config.taskLink().map(template -> template.replace("{taskId}", taskId.toString())
                .replace("{contactId}", contactId.toString())).orElse("");
    }

    /** Hands the mail to the SMTP relay; a refusal becomes the delivery queue's failure. */
    void send(Mail mail) throws DeliveryFailure {
        relay.send(mail);
    }
}

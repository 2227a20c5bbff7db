package io.rapport.feedback.delivery;

import java.util.Optional;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.rapport.delivery.DeliveryFailure;
import io.rapport.delivery.SmtpRelay;
import io.rapport.feedback.FeedbackContact;
import io.rapport.feedback.SurveyChannel;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends survey emails through the configured SMTP server (Quarkus Mailer: host, port, TLS and login from the
 * environment), in plain text and HTML. An SMTP refusal with a 5xx code is a bounce; anything else may pass.
 */
@ApplicationScoped
public class MailCourier implements SurveyCourier {

    /** Names the survey request in every message, so that a reply or a bounce report can be traced back to it. */
    static final String REQUEST_HEADER = "X-Rapport-Survey-Request";

    private final SmtpRelay relay;
    private final SurveyMailTemplates templates;

    public MailCourier(ReactiveMailer mailer, Vertx vertx, SurveyMailTemplates templates) {
        this.relay = new SmtpRelay(mailer, vertx);
        this.templates = templates;
    }

    @Override
    public SurveyChannel channel() {
        return SurveyChannel.EMAIL;
    }

    @Override
    public Optional<String> unreachable(FeedbackContact contact) {
        return contact.email == null
                ? Optional.of("Contact " + contact.id + " has no email address: add one, or send the survey by LINK")
                : Optional.empty();
    }

    @Override
    public String address(FeedbackContact contact) {
        return contact.email;
    }

    @Override
    public void deliver(SurveyInvitation invitation) throws DeliveryFailure {
        SurveyMailTemplates.Written written = templates.write(invitation);
        Mail mail = Mail.withText(invitation.address(), written.subject(), written.text())
                .setHtml(written.html())
                .addHeader(REQUEST_HEADER, invitation.requestId().toString());
        relay.send(mail);
    }
}

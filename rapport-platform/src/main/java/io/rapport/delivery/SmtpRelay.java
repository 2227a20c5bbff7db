package io.rapport.delivery;

import java.time.Duration;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.SMTPException;

/**
 * Hands mail to the SMTP relay through Quarkus Mailer, for the services that send mail (the others never load it),
 * and says what a refusal means: an SMTP 5xx is a bounce (permanent), anything else (a 4xx, a connection refused, a
 * timeout) may pass.
 *
 * <p>
 * The sending starts on a Vert.x event loop, never on the calling thread. Vert.x's mail client (4.5) sets a new
 * connection's reader on the context that asked for the connection; when that context's thread is not the socket's,
 * a greeting that arrives in between is dropped, and the client waits for it until the mailer's timeout, holding the
 * one delivery thread for a minute. Asked for on an event loop, the connection is set up on the thread that reads it.
 */
public final class SmtpRelay {

    private final ReactiveMailer mailer;
    private final Vertx vertx;
    private final Duration timeout;

    public SmtpRelay(ReactiveMailer mailer, Vertx vertx) {
        this.mailer = mailer;
        this.vertx = vertx;
        // how long a sending may take: the bound Quarkus's blocking mailer would use
        this.timeout = ConfigProvider.getConfig().getOptionalValue("quarkus.mailer.timeout", Duration.class)
                .orElse(Duration.ofSeconds(60));
    }

    /** Waits until the relay took the mail or refused it; called off the event loops, as a blocking call must be. */
    public void send(Mail mail) throws DeliveryFailure {
        Context eventLoop = vertx.getOrCreateContext();
        try {
            mailer.send(mail).runSubscriptionOn(start -> eventLoop.runOnContext(ignored -> start.run()))
                    .await().atMost(timeout);
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    static DeliveryFailure failure(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPException refusal) {
                return new DeliveryFailure("SMTP " + refusal.getReplyMessage(), refusal.isPermanent(), failure);
            }
        }
        return new DeliveryFailure(String.valueOf(failure.getMessage()), false, failure);
    }
}

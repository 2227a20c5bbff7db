package io.rapport.delivery;

import io.vertx.ext.mail.SMTPException;

/**
 * What a mail server's refusal means for a message sent through Quarkus Mailer: an SMTP 5xx is a bounce (permanent),
 * anything else (a 4xx, a connection refused, a timeout) may pass. For the services that send mail; the others never
 * load it, so they need no mail client.
 */
public final class SmtpFailures {

    private SmtpFailures() {
    }

    public static DeliveryFailure of(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPException refusal) {
                return new DeliveryFailure("SMTP " + refusal.getReplyMessage(), refusal.isPermanent(), failure);
            }
        }
        return new DeliveryFailure(String.valueOf(failure.getMessage()), false, failure);
    }
}

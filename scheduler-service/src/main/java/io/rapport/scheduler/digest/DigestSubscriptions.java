package io.rapport.scheduler.digest;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.rapport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;

/** Reps' digest settings: a rep sets and reads only their own; a manager or an admin anyone's. */
@ApplicationScoped
public class DigestSubscriptions {

    private final Caller caller;
    private final Clock clock;

    public DigestSubscriptions(Caller caller, Clock clock) {
        this.caller = caller;
        this.clock = clock;
    }

    public DigestView get(String owner) {
        checkAllowed(owner);
        DigestSubscription subscription = DigestSubscription.of(owner);
        if (subscription == null) {
            throw new NotFoundException("No digest set for " + owner);
        }
        return view(subscription);
    }

    /**
     * Sets the rep's digest; the next one is due at the first of their chosen times from now on (a time already
     * passed today starts tomorrow, and a day that had its digest never gets a second).
     */
    @Transactional
    public DigestView put(String owner, DigestInput input) {
        checkAllowed(owner);
        Instant now = clock.instant();
        DigestSubscription subscription = DigestSubscription.of(owner);
        if (subscription == null) {
            subscription = new DigestSubscription();
            subscription.id = UUID.randomUUID();
            subscription.owner = owner;
        }
        subscription.address = input.address().strip();
        subscription.sendAt = input.time().withSecond(0).withNano(0);
        subscription.timezone = input.timezone();
        subscription.enabled = input.enabled();
        subscription.sendWhenEmpty = Boolean.TRUE.equals(input.sendWhenEmpty());
        boolean alerts = Boolean.TRUE.equals(input.instantAlerts());
        if (alerts != subscription.instantAlerts) {
            subscription.alertsSince = alerts ? now : null;
        }
        subscription.instantAlerts = alerts;
        subscription.nextDigestAt = subscription.enabled ? subscription.nextAfter(now) : null;
        subscription.updatedAt = now;
        subscription.persist();
        return view(subscription);
    }

    private void checkAllowed(String owner) {
        if (!caller.canWrite(owner)) {
            throw new ForbiddenException("A rep sets only their own digest");
        }
    }

    private static DigestView view(DigestSubscription subscription) {
        Digest last = Digest.<Digest>find("owner = ?1 order by date desc", subscription.owner).firstResult();
        return new DigestView(subscription.owner, subscription.address, subscription.sendAt, subscription.timezone,
                subscription.enabled, subscription.sendWhenEmpty, subscription.instantAlerts,
                subscription.nextDigestAt,
                last == null ? null : new DigestView.LastDigest(last.date, last.delivery.status, last.delivery.sentAt,
                        last.delivery.error));
    }
}

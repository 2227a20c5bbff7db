package io.rapport.feedback.delivery;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Sends the queued surveys on a thread of its own, one at a time: woken by each commit that queued one, and every
 * {@code poll-interval} for the retries that fell due (and the surveys another replica queued, if it stopped first).
 */
@ApplicationScoped
public class SurveyDispatcher {

    private static final Logger LOG = Logger.getLogger(SurveyDispatcher.class);
    private static final int BATCH = 20;

    private final SurveyDeliveries deliveries;
    private final SurveyCouriers couriers;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "survey-delivery");
        thread.setDaemon(true);
        return thread;
    });
    /** A run is queued and has not started yet: a wake-up meanwhile needs no second one. */
    private final AtomicBoolean runQueued = new AtomicBoolean();

    public SurveyDispatcher(SurveyDeliveries deliveries, SurveyCouriers couriers) {
        this.deliveries = deliveries;
        this.couriers = couriers;
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) SurveyQueued queued) {
        wake();
    }

    @Scheduled(every = "${rapport.feedback.delivery.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    /** Asks for a run now, unless one is about to start. */
    public void wake() {
        if (runQueued.compareAndSet(false, true)) {
            worker.execute(this::sendDue);
        }
    }

    private void sendDue() {
        runQueued.set(false);
        try {
            int interrupted = deliveries.giveUpInterrupted();
            if (interrupted > 0) {
                LOG.warnf("%d survey(s) were being sent when a replica stopped: given up, not sent twice", interrupted);
            }
            List<SurveyInvitation> batch;
            do {
                batch = deliveries.claimDue(BATCH);
                batch.forEach(this::send);
            } while (batch.size() == BATCH);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Surveys not sent now, trying again at the next poll");
        }
    }

    private void send(SurveyInvitation invitation) {
        try {
            couriers.forChannel(invitation.channel()).orElseThrow().deliver(invitation);
            deliveries.sent(invitation.requestId());
        } catch (DeliveryFailure failure) {
            LOG.infof("Survey %s not sent (%s): %s", invitation.requestId(),
                    failure.isPermanent() ? "refused" : "will retry", failure.getMessage());
            deliveries.failed(invitation.requestId(), failure);
        } catch (RuntimeException e) {
            // a template that cannot be written, say: counted as an attempt, so it is not retried for ever
            LOG.warnf(e, "Survey %s not sent, will retry", invitation.requestId());
            deliveries.failed(invitation.requestId(), new DeliveryFailure(e.toString(), false, e));
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}

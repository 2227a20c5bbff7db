package io.rapport.delivery;

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
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/**
 * Sends what the service's {@link DeliveryKind}s have queued, on a thread of its own, one message at a time: woken
 * by each commit that queued one, and every {@code rapport.delivery.poll-interval} for the retries that fell due (and
 * what another replica queued, if it stopped first). A service without a delivery kind does nothing here.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);
    private static final int BATCH = 20;

    private final DeliveryQueue queue;
    private final List<DeliveryKind<?>> kinds;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "delivery");
        thread.setDaemon(true);
        return thread;
    });
    /** A run is queued and has not started yet: a wake-up meanwhile needs no second one. */
    private final AtomicBoolean runQueued = new AtomicBoolean();

    public DeliveryDispatcher(DeliveryQueue queue, @Any Instance<DeliveryKind<?>> kinds) {
        this.queue = queue;
        this.kinds = kinds.stream().toList();
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveryQueued queued) {
        wake();
    }

    @Scheduled(every = "${rapport.delivery.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!kinds.isEmpty()) {
            wake();
        }
    }

    /** Asks for a run now, unless one is about to start. */
    public void wake() {
        if (runQueued.compareAndSet(false, true)) {
            worker.execute(this::sendDue);
        }
    }

    private void sendDue() {
        runQueued.set(false);
        for (DeliveryKind<?> kind : kinds) {
            try {
                sendDue(kind);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Messages of %s not sent now, trying again at the next poll", kind.table());
            }
        }
    }

    private <M> void sendDue(DeliveryKind<M> kind) {
        int interrupted = queue.giveUpInterrupted(kind);
        if (interrupted > 0) {
            LOG.warnf("%d message(s) of %s were being sent when a replica stopped: given up, not sent twice",
                    interrupted, kind.table());
        }
        List<DeliveryQueue.Claimed<M>> batch;
        do {
            batch = queue.claimDue(kind, BATCH);
            batch.forEach(claimed -> send(kind, claimed));
        } while (batch.size() == BATCH);
    }

    private <M> void send(DeliveryKind<M> kind, DeliveryQueue.Claimed<M> claimed) {
        try {
            kind.deliver(claimed.message());
            queue.sent(kind, claimed.id());
        } catch (DeliveryFailure failure) {
            LOG.infof("%s %s not sent (%s): %s", kind.table(), claimed.id(),
                    failure.isPermanent() ? "refused" : "will retry", failure.getMessage());
            queue.failed(kind, claimed.id(), failure);
        } catch (RuntimeException e) {
            // a template that cannot be written, say: counted as an attempt, so it is not retried for ever
            LOG.warnf(e, "%s %s not sent, will retry", kind.table(), claimed.id());
            queue.failed(kind, claimed.id(), new DeliveryFailure(e.toString(), false, e));
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}

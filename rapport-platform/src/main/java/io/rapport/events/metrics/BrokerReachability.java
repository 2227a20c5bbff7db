package io.rapport.events.metrics;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the service reaches a Kafka broker, as the gauge {@code rapport_kafka_broker_reachable} (1 or 0) that an
 * alert watches. Not a readiness check: while the broker is away the outbox keeps every change's event, so the
 * service takes writes as before, and Kubernetes must not take every pod out of service for a broker outage. The
 * broker is asked every few seconds with a short timeout, off every request's path; operations that need the broker
 * itself (the dead-letter API) read the answer to refuse at once rather than wait on it.
 */
@Startup // the gauge exists from the start, not from the first check
@ApplicationScoped
public class BrokerReachability {

    private static final Logger LOG = Logger.getLogger(BrokerReachability.class);
    /** How long one check waits for a broker: well within the interval between two checks. */
    static final int TIMEOUT_MS = 3_000;

    private final Admin admin;
    /** Null until the first check, which runs as the service starts: not reached, for the dead-letter API. */
    private volatile Boolean reachable;

    public BrokerReachability(@Identifier("default-kafka-broker") Map<String, Object> kafka, MeterRegistry registry) {
        Map<String, Object> properties = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                properties.put(key, value);
            }
        });
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "rapport-broker-reachability");
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        this.admin = Admin.create(properties);
        Gauge.builder("rapport.kafka.broker.reachable", this, check -> check.reachable() ? 1 : 0)
                .description("1 when the service reached a Kafka broker at its last check (every 10 s), else 0")
                .register(registry);
    }

    /** Whether the last check reached a broker. */
    public boolean reachable() {
        return Boolean.TRUE.equals(reachable);
    }

    @Scheduled(every = "${rapport.events.broker-check-interval:10s}", identity = "broker-reachability",
            concurrentExecution = ConcurrentExecution.SKIP)
    void check() {
        boolean now;
        try {
            now = !admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS)).nodes()
                    .get(TIMEOUT_MS + 1_000L, TimeUnit.MILLISECONDS).isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException | TimeoutException e) {
            now = false;
        }
        if (reachable != null && now != reachable) {
            if (now) {
                LOG.info("A Kafka broker answers again");
            } else {
                LOG.warn("No Kafka broker answers: events wait in the outbox until one does");
            }
        }
        reachable = now;
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(1));
    }
}

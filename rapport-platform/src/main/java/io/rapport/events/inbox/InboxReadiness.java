package io.rapport.events.inbox;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The service is not ready while one of its consumers waits for a passing failure to pass ({@link InboxStalls}): what
 * it answers may be stale, and Kubernetes should send requests to a replica that is not waiting. Consumption resumes
 * by itself, and the service is ready again at once.
 */
@Readiness
@ApplicationScoped
public class InboxReadiness implements HealthCheck {

    private final InboxStalls stalls;

    public InboxReadiness(InboxStalls stalls) {
        this.stalls = stalls;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Event consumers");
        stalls.current().forEach((consumer, stall) -> response.withData(consumer,
                "waiting since " + stall.since() + " for a passing failure to pass: " + stall.reason()));
        return response.status(stalls.current().isEmpty()).build();
    }
}

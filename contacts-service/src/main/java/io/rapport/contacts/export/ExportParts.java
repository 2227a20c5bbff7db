package io.rapport.contacts.export;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.rapport.failure.Unavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * Gathers the other services' parts of a contact's export, each asked with the caller's own token, so that each
 * answers only what the caller may see. An export is complete or not given: when a service cannot give its part, the
 * answer is 503 with Retry-After, never a document with a part missing.
 */
@ApplicationScoped
public class ExportParts {

    private static final Logger LOG = Logger.getLogger(ExportParts.class);
    /** Seconds a client should wait before asking for the export again. */
    static final String RETRY_AFTER = "5";

    /** The other services' parts of one contact's export, each what that service answers. */
    public record Parts(Map<String, Object> interactions, Map<String, Object> feedback,
            Map<String, Object> scheduler) {
    }

    private final ContactDataApi interactions;
    private final ContactDataApi feedback;
    private final ContactDataApi scheduler;

    public ExportParts(ExportConfig config) {
        this.interactions = client(config.interactionsUrl());
        this.feedback = client(config.feedbackUrl());
        this.scheduler = client(config.schedulerUrl());
    }

    public Parts of(UUID contactId, String authorization) {
        return new Parts(part("interactions", interactions, contactId, authorization),
                part("feedback", feedback, contactId, authorization),
                part("scheduler", scheduler, contactId, authorization));
    }

    private static ContactDataApi client(URI url) {
        return QuarkusRestClientBuilder.newBuilder().baseUri(url)
                .connectTimeout(2, TimeUnit.SECONDS)
                .readTimeout(10, TimeUnit.SECONDS)
                .build(ContactDataApi.class);
    }

    private static Map<String, Object> part(String name, ContactDataApi api, UUID contactId, String authorization) {
        try {
            return api.export(contactId, authorization);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            // a refusal will not go away by retrying (the contact unknown there, say): no Retry-After for it
            throw status < 500 ? refused(name, contactId, status)
                    : unavailable(name, contactId, "it answered " + status);
        } catch (ProcessingException e) {
            throw unavailable(name, contactId, e.getMessage());
        }
    }

    private static HttpProblem refused(String name, UUID contactId, int status) {
        LOG.errorf("The %s part of contact %s's export was refused with %d", name, contactId, status);
        return HttpProblem.builder().withStatus(Response.Status.BAD_GATEWAY).withTitle("Bad Gateway")
                .withDetail("The " + name + " part of the export was refused (" + status + "); the export cannot be "
                        + "given complete")
                .build();
    }

    private static HttpProblem unavailable(String name, UUID contactId, String reason) {
        LOG.warnf("The %s part of contact %s's export could not be had: %s", name, contactId, reason);
        return Unavailable.problem("The " + name + " part of the export cannot be had right now; retry in "
                + RETRY_AFTER + " s", RETRY_AFTER);
    }
}

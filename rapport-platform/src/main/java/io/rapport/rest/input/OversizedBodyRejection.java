package io.rapport.rest.input;


import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers a body announced larger than the service reads at all ({@code quarkus.http.limits.max-body-size}) with a 413
 * problem saying the limit, before anything reads it or a route is chosen. Quarkus would refuse it the same way, with
 * no body at all. Each operation's own, smaller limit is {@link BodyLimits}'.
 */
@ApplicationScoped
public class OversizedBodyRejection {

    private final ObjectMapper objectMapper;
    private final long maxBodyBytes;

    public OversizedBodyRejection(ObjectMapper objectMapper,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody) {
        this.objectMapper = objectMapper;
        this.maxBodyBytes = maxBody.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && BodyLimits.announcedLength(length) > maxBodyBytes) {
            // the body that follows is not read: the connection ends after the answer (UnreadBody)
            RouteProblem.send(context, objectMapper, 413, "Content Too Large",
                    "The body is " + length + " bytes; this service reads at most " + maxBodyBytes, true);
            return;
        }
        context.next();
    }
}

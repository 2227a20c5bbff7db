package io.rapport.rest.input;

import java.net.URI;
import java.net.URISyntaxException;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers a request target that is not a valid URI ({@code ?cursor=%%%}) with a 400 problem saying what and where,
 * before anything reads it. Quarkus makes the same check ahead of every route and answers a bare 400 with no body;
 * the services start with {@code -Dvertx.disableURIValidation=true} so that this one answers instead (without the
 * flag, Quarkus's own check stands, and this one never sees such a request).
 */
@ApplicationScoped
public class MalformedTargetRejection {

    private final ObjectMapper objectMapper;

    public MalformedTargetRejection(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        String target = context.request().uri();
        try {
            new URI(target);
            String query = context.request().query();
            if (query != null) {
                new QueryStringDecoder(query, false).parameters();
            }
        } catch (URISyntaxException | IllegalArgumentException malformed) {
            RouteProblem.send(context, objectMapper, 400, "Bad Request",
                    "The request target is not a valid URI: " + malformed.getMessage(), false);
            return;
        }
        context.next();
    }
}

package io.rapport.feedback.service;

import java.util.UUID;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.rapport.failure.Unavailable;
import io.rapport.feedback.ContextType;
import io.rapport.rest.input.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * What a survey follows up on (an interaction or a commitment) is read from interactions-service, which owns them,
 * with the caller's token: it must be one the caller may see, of the survey's contact and owner. A survey cannot point
 * at another rep's touch-point, nor at another contact's. When interactions-service cannot answer, neither can we:
 * 503 with Retry-After.
 */
@ApplicationScoped
public class SurveyContexts {

    private static final Logger LOG = Logger.getLogger(SurveyContexts.class);

    /** Whom the followed-up interaction or commitment concerns. */
    public record Context(UUID contactId, String owner) {
    }

    private final TouchPointsApi touchPoints;

    public SurveyContexts(@RestClient TouchPointsApi touchPoints) {
        this.touchPoints = touchPoints;
    }

    /** Reads the context, before the transaction that creates the survey; 422 when the caller may not see it. */
    public Context read(ContextType type, UUID id) {
        try (Response response = ask(type, id)) {
            return switch (response.getStatus()) {
                case 200 -> context(type, id, response.readEntity(JsonNode.class));
                case 404, 410 -> throw InvalidInput.unprocessable("contextId", "names no " + noun(type)
                        + " you may see");
                default -> throw unavailable(type, id, "interactions-service answered " + response.getStatus());
            };
        } catch (ProcessingException e) {
            throw unavailable(type, id, e.getMessage());
        }
    }

    private static Context context(ContextType type, UUID id, JsonNode found) {
        try {
            return new Context(UUID.fromString(found.path("contactId").asText()), found.path("owner").asText());
        } catch (IllegalArgumentException e) {
            throw unavailable(type, id, "interactions-service answered without the contactId");
        }
    }

    /** The context concerns the survey's contact and its owner: 422 otherwise. */
    public static void checkBelongs(Context context, ContextType type, UUID contactId, String owner) {
        if (!context.contactId().equals(contactId) || !context.owner().equals(owner)) {
            throw InvalidInput.unprocessable("contextId", "is a " + noun(type) + " of another contact or owner than "
                    + "the survey's");
        }
    }

    private Response ask(ContextType type, UUID id) {
        try {
            return type == ContextType.INTERACTION ? touchPoints.interaction(id) : touchPoints.commitment(id);
        } catch (WebApplicationException e) {
            return e.getResponse();
        }
    }

    private static String noun(ContextType type) {
        return type == ContextType.INTERACTION ? "interaction" : "commitment";
    }

    private static HttpProblem unavailable(ContextType type, UUID id, String reason) {
        LOG.warnf("The %s %s could not be read from interactions-service: %s", noun(type), id, reason);
        return Unavailable.problem("interactions-service, which holds the survey's " + noun(type) + ", cannot answer "
                + "right now; try again shortly");
    }
}

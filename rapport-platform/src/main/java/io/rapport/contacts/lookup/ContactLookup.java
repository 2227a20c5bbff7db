package io.rapport.contacts.lookup;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rapport.events.contract.ContactSnapshot;
import io.rapport.failure.Unavailable;
import io.rapport.rest.ProblemMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * Reads a contact the projection does not know yet from contacts-service, with the caller's token: the contact
 * events are on their way, and a client that created a contact a moment ago must not be told it does not exist.
 * When contacts-service cannot answer, neither can we: 503 with Retry-After, never a guess.
 */
@ApplicationScoped
public class ContactLookup {

    private static final Logger LOG = Logger.getLogger(ContactLookup.class);

    private final ContactsApi contacts;

    public ContactLookup(@RestClient ContactsApi contacts) {
        this.contacts = contacts;
    }

    /** What contacts-service says of a contact, as the caller sees it. */
    public sealed interface Answer {
    }

    /** The contact as it stands, to project (version-ordered, like any snapshot). */
    public record Found(ContactSnapshot snapshot) implements Answer {
    }

    /** No such contact, or not one the caller may see: the two are not told apart. */
    public record Unknown() implements Answer {
    }

    public record Erased() implements Answer {
    }

    public record Merged(UUID survivor) implements Answer {
    }

    /**
     * Asks contacts-service about a contact the projection does not know and, when it exists for the caller, projects
     * it in a transaction of its own (committed before the caller's transaction reads the projection again). Should
     * the contact event be applied at the same moment, one of the two inserts gives way: the projection holds the
     * contact either way.
     *
     * @param project applies the snapshot to the service's projection, version-ordered as for an event
     */
    public Answer findAndProject(UUID contactId, Consumer<ContactSnapshot> project) {
        Answer answer = find(contactId);
        if (answer instanceof Found found) {
            try {
                QuarkusTransaction.requiringNew().run(() -> project.accept(found.snapshot()));
            } catch (RuntimeException e) {
                LOG.debugf("Contact %s projected by its event meanwhile: %s", contactId, e.getMessage());
            }
        }
        return answer;
    }

    public Answer find(UUID contactId) {
        try (Response response = ask(contactId)) {
            return switch (response.getStatus()) {
                case 200 -> new Found(response.readEntity(ContactView.class).toSnapshot());
                case 410 -> new Erased();
                case 404 -> mergedInto(response).<Answer>map(Merged::new).orElseGet(Unknown::new);
                // 401 and 403 are the caller's to see; they cannot reach here with a token this service accepted
                default -> throw unavailable(contactId, "contacts-service answered " + response.getStatus());
            };
        } catch (ProcessingException e) {
            throw unavailable(contactId, e.getMessage());
        }
    }

    private Response ask(UUID contactId) {
        try {
            return contacts.get(contactId);
        } catch (WebApplicationException e) {
            return e.getResponse();
        } catch (ProcessingException e) {
            throw unavailable(contactId, e.getMessage());
        }
    }

    private static Optional<UUID> mergedInto(Response response) {
        try {
            JsonNode problem = response.readEntity(JsonNode.class);
            JsonNode survivor = problem == null ? null : problem.get(ProblemMember.MERGED_INTO.member());
            return survivor == null || !survivor.isTextual() ? Optional.empty()
                    : Optional.of(UUID.fromString(survivor.asText()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static HttpProblem unavailable(UUID contactId, String reason) {
        LOG.warnf("Contact %s not yet projected and contacts-service could not be asked: %s", contactId, reason);
        return Unavailable.problem("Contact " + contactId + " cannot be checked right now; retry in "
                + Unavailable.RETRY_AFTER_SECONDS + " s");
    }
}

package io.rapport.contacts.lookup;

import java.util.UUID;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * contacts-service's API, called with the caller's own bearer token (propagated: see
 * {@code org.eclipse.microprofile.rest.client.propagateHeaders}), so it answers only what the caller may see.
 */
@RegisterRestClient(configKey = "contacts-api")
@RegisterClientHeaders
@Path("/api/v1/contacts")
public interface ContactsApi {

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Response get(@PathParam("id") UUID id);
}

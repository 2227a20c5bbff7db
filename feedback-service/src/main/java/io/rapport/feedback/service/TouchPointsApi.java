package io.rapport.feedback.service;

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
 * interactions-service's API, called with the caller's own bearer token (propagated), so it answers only the
 * interactions and commitments the caller may see.
 */
@RegisterRestClient(configKey = "interactions-api")
@RegisterClientHeaders
@Path("/api/v1")
public interface TouchPointsApi {

    @GET
    @Path("/interactions/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Response interaction(@PathParam("id") UUID id);

    @GET
    @Path("/commitments/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Response commitment(@PathParam("id") UUID id);
}

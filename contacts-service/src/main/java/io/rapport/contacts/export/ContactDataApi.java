package io.rapport.contacts.export;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** The export endpoint every other service offers: its part of what it holds on a contact, as the caller may see it. */
@Path("/api/v1/contacts")
public interface ContactDataApi {

    @GET
    @Path("/{id}/export")
    @Produces(MediaType.APPLICATION_JSON)
    Map<String, Object> export(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}

package io.rapport.contacts.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.rapport.contacts.importing.ContactImports;
import io.rapport.contacts.importing.ContactImporter;
import io.rapport.contacts.importing.ContactImporter.OnDuplicate;
import io.rapport.contacts.importing.ImportResult;
import io.rapport.contacts.importing.ResultSpool;
import io.rapport.rest.QueryParams;
import io.rapport.rest.input.BodyLimit;
import io.rapport.security.Caller;
import io.rapport.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/contacts/import")
@Tag(name = "Contacts")
@APIResponse(responseCode = "401", description = "No valid bearer token")
public class ContactImportResource {

    static final String NDJSON = "application/x-ndjson";

    private final ContactImports imports;
    private final ContactImporter importer;
    private final ObjectMapper objectMapper;
    private final Caller caller;

    public ContactImportResource(ContactImports imports, ContactImporter importer, ObjectMapper objectMapper,
            Caller caller) {
        this.imports = imports;
        this.importer = importer;
        this.objectMapper = objectMapper;
        this.caller = caller;
    }

    @POST
    @Blocking
    @BodyLimit(BodyLimit.STREAMED)
    @Consumes({ "text/csv", NDJSON })
    @Produces(NDJSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "importContacts", summary = "Import contacts from CSV or NDJSON",
            description = "The file is streamed, not loaded whole. CSV: a header row naming columns among firstName, "
                    + "lastName, title, email, phone, organisationId, timezone, language (BCP 47, such as de or "
                    + "pt-BR), preferredChannel, lifecycleStage, checkInCadenceDays, checkInMaxIntervalDays, tags and "
                    + "interests (';'-separated), birthday (YYYY-MM-DD or MM-DD), customerSince, workAnniversary, "
                    + "personalNotes, doNotContact, marketingOptIn, owner. NDJSON: one POST /contacts body per line. "
                    + "Each row is created, updated (onDuplicate=update), reported as a duplicate (an existing contact "
                    + "has one of its emails) or rejected with the reason, on its own: a bad row changes nothing and "
                    + "stops nothing. The response is NDJSON: one result per row, then a summary line.")
    @APIResponse(responseCode = "200", description = "One result line per row, then {\"summary\": …}",
            content = @Content(mediaType = NDJSON))
    @APIResponse(responseCode = "400", description = "An unknown CSV column or a missing header",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "Not an admin")
    public Response importContacts(InputStream body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "Owner of rows that name none") @QueryParam("owner") String owner,
            @Parameter(description = "skip (default) or update") @QueryParam("onDuplicate") String onDuplicate)
            throws IOException {
        OnDuplicate policy = QueryParams.enumValue(OnDuplicate.class, "onDuplicate", onDuplicate);
        try (ResultSpool results = new ResultSpool(objectMapper)) {
            Map<ImportResult.Status, Long> counts = importer.run(imports.rows(body, contentType), owner,
                    policy == null ? OnDuplicate.SKIP : policy, caller, results::write);
            results.write(ContactImporter.summary(counts));
            return Response.ok(results.drain(), NDJSON).build();
        }
    }
}

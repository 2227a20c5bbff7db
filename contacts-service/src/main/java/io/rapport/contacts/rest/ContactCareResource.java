package io.rapport.contacts.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rapport.contacts.mapping.ContactMapper;
import io.rapport.contacts.service.ContactService;
import io.rapport.contacts.service.DuplicateFinder;
import io.rapport.contacts.service.MergeService;
import io.rapport.contacts.service.PrivacyService;
import io.rapport.rest.Preconditions;
import io.rapport.security.Caller;
import io.rapport.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Keeping the contact book clean and lawful: duplicates, merge, GDPR export. */
@Path("/api/v1/contacts/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "404", description = "No such contact, or not one the caller may see",
        content = @Content(mediaType = "application/problem+json"))
public class ContactCareResource {

    private final ContactService contacts;
    private final DuplicateFinder duplicates;
    private final MergeService merges;
    private final PrivacyService privacy;
    private final Caller caller;

    public ContactCareResource(ContactService contacts, DuplicateFinder duplicates, MergeService merges,
            PrivacyService privacy, Caller caller) {
        this.contacts = contacts;
        this.duplicates = duplicates;
        this.merges = merges;
        this.privacy = privacy;
        this.caller = caller;
    }

    @GET
    @Path("/duplicates")
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
    @Operation(operationId = "findDuplicates", summary = "Likely duplicates of a contact",
            description = "Contacts with one of its email addresses, or a similar name in the same organisation.")
    @APIResponse(responseCode = "200", description = "The likely duplicates, each with why",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DuplicateCandidate.class)))
    @APIResponse(responseCode = "410", description = "The contact was erased",
            content = @Content(mediaType = "application/problem+json"))
    public List<DuplicateCandidate> duplicates(@PathParam("id") UUID id) {
        return duplicates.candidates(id, caller).stream()
                .map(candidate -> new DuplicateCandidate(
                        ContactMapper.toResponse(candidate.contact(), contacts.effectiveCadence(candidate.contact())),
                        candidate.reasons()))
                .toList();
    }

    @POST
    @Path("/merge")
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
    @Operation(operationId = "mergeContact", summary = "Merge a duplicate into this contact",
            description = "This contact keeps its values and takes the duplicate's where it has none; emails, phones, "
                    + "tags, interests, dates and needs carry over; do-not-contact wins. The duplicate is deleted "
                    + "(its id then answers 404 with mergedInto). Publishes contact.merged and contact.updated. "
                    + "Needs If-Match with this contact's ETag. With dryRun, shows the result and changes nothing "
                    + "(If-Match optional).")
    @APIResponse(responseCode = "200", description = "The merged contact (or what it would be); after a merge, "
            + "its new version is the ETag",
            content = @Content(schema = @Schema(implementation = ContactResponse.class)))
    @APIResponse(responseCode = "400", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "412", description = "The contact changed since that ETag",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "410", description = "This contact or the duplicate was erased",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = "application/problem+json"))
    public Response merge(@PathParam("id") UUID id, @Valid @NotNull MergeRequest request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ContactResponse merged = merges.merge(id, request.duplicateId(), request.dryRun(), ifMatch, caller);
        // a preview's version was rolled back with it: no ETag names a version that does not exist
        return request.dryRun() ? Response.ok(merged).build()
                : Response.ok(merged).tag(Preconditions.etag(merged.version())).build();
    }

    @GET
    @Path("/export")
    @RolesAllowed({ Roles.REP, Roles.MANAGER, Roles.ADMIN })
    @Operation(operationId = "exportContact",
            summary = "Export everything Rapport holds on the contact (GDPR art. 15 and 20)",
            description = "One document: this service's part (the contact, its needs, the contacts merged into it) "
                    + "and the parts of interactions-service, feedback-service and scheduler-service, each asked with "
                    + "the caller's token. Complete or not given: when a service cannot give its part, 503.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ContactExport.class)))
    @APIResponse(responseCode = "410", description = "The contact was erased",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "502", description = "A service refused to give its part",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "503", description = "A service could not give its part; retry after Retry-After "
            + "seconds", content = @Content(mediaType = "application/problem+json"))
    public ContactExport export(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return privacy.export(id, caller, authorization);
    }
}

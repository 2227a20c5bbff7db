package io.rapport.contacts.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.panache.common.Parameters;
import io.rapport.contacts.Contact;
import io.rapport.contacts.Organisation;
import io.rapport.contacts.rest.OrganisationInput;
import io.rapport.rest.Cursor;
import io.rapport.rest.MergePatcher;
import io.rapport.rest.Preconditions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

/** Organisations are shared by all reps; any rep may add or correct one, only managers delete them. */
@ApplicationScoped
public class OrganisationService {

    private final MergePatcher patcher;
    private final Clock clock;

    public OrganisationService(MergePatcher patcher, Clock clock) {
        this.patcher = patcher;
        this.clock = clock;
    }

    @Transactional
    public Organisation create(OrganisationInput input) {
        Organisation organisation = new Organisation();
        organisation.id = UUID.randomUUID();
        organisation.createdAt = clock.instant();
        organisation.updatedAt = organisation.createdAt;
        apply(input, organisation);
        organisation.persistAndFlush();
        return organisation;
    }

    public Organisation get(UUID id) {
        Organisation organisation = Organisation.findById(id);
        if (organisation == null) {
            throw new NotFoundException("No organisation " + id);
        }
        return organisation;
    }

    @Transactional
    public Organisation replace(UUID id, OrganisationInput input, String ifMatch) {
        Organisation organisation = get(id);
        Preconditions.requireIfMatch(ifMatch, organisation.version);
        apply(input, organisation);
        organisation.updatedAt = clock.instant();
        organisation.flush();
        return organisation;
    }

    /** Applies an RFC 7396 merge patch, validated like a PUT body. */
    @Transactional
    public Organisation patch(UUID id, JsonNode patch, String ifMatch) {
        Organisation organisation = get(id);
        OrganisationInput current = new OrganisationInput(organisation.name, organisation.domain,
                organisation.industry);
        return replace(id, patcher.apply(current, patch, OrganisationInput.class), ifMatch);
    }

    /** Deletes an organisation no contact works for; one still referenced is a 409. */
    @Transactional
    public void delete(UUID id, String ifMatch) {
        Organisation organisation = get(id);
        Preconditions.requireIfMatch(ifMatch, organisation.version);
        long members = Contact.count("organisation.id", id);
        if (members > 0) {
            throw HttpProblem.builder().withStatus(Response.Status.CONFLICT).withTitle("Conflict")
                    .withDetail(members + " contacts work for this organisation; move them first").build();
        }
        organisation.delete();
    }

    /** By name, then id; {@code text} matches every word as a prefix of the name. */
    public List<Organisation> list(String text, int limit, Cursor after) {
        StringBuilder where = new StringBuilder("true");
        Parameters parameters = new Parameters();
        String query = ContactSearch.prefixQuery(text);
        if (query != null) {
            where.append(" and id in (select o.id from Organisation o where"
                    + " function('rapport_name_matches', o.name, :query) = true)");
            parameters.and("query", query);
        }
        if (after != null) {
            where.append(" and (lower(name) > :afterName or (lower(name) = :afterName and id > :afterId))");
            parameters.and("afterName", after.sortValue()).and("afterId", after.id());
        }
        return Organisation.find(where + " order by lower(name), id", parameters).page(0, limit).list();
    }

    public static Cursor cursorAfter(Organisation organisation) {
        return new Cursor(organisation.name.toLowerCase(), organisation.id);
    }

    private static void apply(OrganisationInput input, Organisation organisation) {
        organisation.name = input.name().strip();
        organisation.domain = input.domain() == null || input.domain().isBlank() ? null
                : input.domain().strip().toLowerCase();
        organisation.industry = input.industry() == null || input.industry().isBlank() ? null
                : input.industry().strip();
    }
}

package io.rapport.contacts.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.rapport.contacts.Contact;
import io.rapport.rest.Cursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * Lists contacts with keyset pagination. Text search runs on the contact's {@code search} tsvector and on its
 * organisation's name (both GIN-indexed) with prefix matching of every term, so "ada lov" finds Ada Lovelace.
 */
@ApplicationScoped
public class ContactSearch {

    private final EntityManager entityManager;

    public ContactSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public List<Contact> find(ContactQuery query) {
        StringBuilder sql = new StringBuilder("select c.id from contact c where true");
        Map<String, Object> parameters = new HashMap<>();
        String tsQuery = prefixQuery(query.text());
        if (tsQuery != null) {
            sql.append(" and (c.search @@ to_tsquery('simple', :text) or c.organisation_id in (select o.id from")
                    .append(" organisation o where to_tsvector('simple', o.name) @@ to_tsquery('simple', :text)))");
            parameters.put("text", tsQuery);
        }
        if (query.owner() != null) {
            sql.append(" and c.owner = :owner");
            parameters.put("owner", query.owner());
        }
        if (query.tag() != null) {
            sql.append(" and c.tags @> array[cast(:tag as text)]");
            parameters.put("tag", query.tag());
        }
        if (query.stage() != null) {
            sql.append(" and c.lifecycle_stage = :stage");
            parameters.put("stage", query.stage().name());
        }
        if (query.organisationId() != null) {
            sql.append(" and c.organisation_id = :organisation");
            parameters.put("organisation", query.organisationId());
        }
        ContactSort sort = query.sort();
        if (query.after() != null) {
            String value = ":afterValue";
            sql.append(" and (c.").append(sort.column).append(", c.id) ").append(sort.descending ? "<" : ">")
                    .append(" (").append(value).append(", :afterId)");
            // a time-sorted cursor is read here, so a made-up one is a 400, not a failed cast in PostgreSQL
            parameters.put("afterValue", sort.timestamp ? query.after().instantValue() : query.after().sortValue());
            parameters.put("afterId", query.after().id());
        }
        String direction = sort.descending ? " desc" : "";
        sql.append(" order by c.").append(sort.column).append(direction).append(", c.id").append(direction)
                .append(" limit :limit");
        parameters.put("limit", query.limit());

        Query select = entityManager.createNativeQuery(sql.toString(), UUID.class);
        parameters.forEach(select::setParameter);
        @SuppressWarnings("unchecked")
        List<UUID> ids = select.getResultList();
        return load(ids);
    }

    /** The cursor that continues after {@code contact} in {@code sort} order. */
    public static Cursor cursorAfter(Contact contact, ContactSort sort) {
        String value = switch (sort) {
            case NAME, NAME_DESC -> contact.sortName;
            case CREATED, CREATED_DESC -> contact.createdAt.toString();
            case UPDATED, UPDATED_DESC -> contact.updatedAt.toString();
        };
        return new Cursor(value, contact.id);
    }

    /** "Ada  lov" → "ada:* & lov:*"; characters with a meaning in tsquery syntax are dropped. */
    public static String prefixQuery(String text) {
        if (text == null) {
            return null;
        }
        List<String> terms = Arrays.stream(text.toLowerCase().split("[^\\p{L}\\p{N}@._+]+"))
                .map(term -> term.replaceAll("^[._+]+|[._+]+$", ""))
                .filter(term -> !term.isEmpty())
                .map(term -> term + ":*")
                .toList();
        return terms.isEmpty() ? null : String.join(" & ", terms);
    }

    private List<Contact> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Integer> position = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            position.put(ids.get(i), i);
        }
        List<Contact> contacts = new ArrayList<>(entityManager
                .createQuery("from Contact c left join fetch c.organisation where c.id in :ids", Contact.class)
                .setParameter("ids", ids)
                .getResultList());
        contacts.sort(Comparator.comparing(contact -> position.get(contact.id)));
        return contacts;
    }
}

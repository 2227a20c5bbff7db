package io.rapport.contacts.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.rapport.contacts.Contact;
import io.rapport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Finds contacts that are probably the same person: the same email, or a similar name in the same organisation. */
@ApplicationScoped
public class DuplicateFinder {

    /** Trigram similarity from which two names in one organisation count as a likely duplicate. */
    static final double NAME_SIMILARITY = 0.6;
    private static final int MAX_CANDIDATES = 20;

    private final ContactService contacts;
    private final EntityManager entityManager;

    public DuplicateFinder(ContactService contacts, EntityManager entityManager) {
        this.contacts = contacts;
        this.entityManager = entityManager;
    }

    public record Candidate(Contact contact, List<String> reasons) {
    }

    public List<Candidate> candidates(UUID id, Caller caller) {
        contacts.get(id, caller);
        Map<UUID, List<String>> reasons = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> sameEmail = entityManager.createNativeQuery("""
                select distinct other.contact_id, lower(other.address) from contact_email mine
                join contact_email other on lower(other.address) = lower(mine.address)
                                        and other.contact_id <> mine.contact_id
                where mine.contact_id = ?1""")
                .setParameter(1, id).getResultList();
        sameEmail.forEach(row -> reasons.computeIfAbsent((UUID) row[0], key -> new ArrayList<>())
                .add("same email " + row[1]));
        @SuppressWarnings("unchecked")
        List<Object[]> similarName = entityManager.createNativeQuery("""
                select other.id, similarity(other.sort_name, mine.sort_name) from contact mine
                join contact other on other.organisation_id = mine.organisation_id and other.id <> mine.id
                where mine.id = ?1 and other.sort_name % mine.sort_name
                  and similarity(other.sort_name, mine.sort_name) >= ?2
                order by 2 desc limit ?3""")
                .setParameter(1, id).setParameter(2, NAME_SIMILARITY).setParameter(3, MAX_CANDIDATES)
                .getResultList();
        similarName.forEach(row -> reasons.computeIfAbsent((UUID) row[0], key -> new ArrayList<>())
                .add("similar name in the same organisation (similarity %.2f)".formatted(((Number) row[1]).doubleValue())));

        List<Candidate> candidates = new ArrayList<>();
        for (Map.Entry<UUID, List<String>> entry : reasons.entrySet()) {
            Contact candidate = Contact.findById(entry.getKey());
            if (candidate != null && caller.canRead(candidate.owner) && candidates.size() < MAX_CANDIDATES) {
                candidates.add(new Candidate(candidate, entry.getValue()));
            }
        }
        return candidates;
    }
}

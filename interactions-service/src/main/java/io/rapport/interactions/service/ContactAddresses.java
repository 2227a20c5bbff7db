package io.rapport.interactions.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.rapport.events.contract.ContactSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The email addresses of each rep's contacts, from the contact snapshots: whom capture recognises in mail. An address
 * is compared as lower case (the domain is case-insensitive, and no mail server here tells local parts apart by case).
 */
@ApplicationScoped
public class ContactAddresses {

    /** The longest address a contact may have (contacts-service's limit). */
    private static final int MAX_LENGTH = 320;

    private final EntityManager entityManager;

    public ContactAddresses(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * The contact's addresses become the snapshot's (those of a snapshot older than emails: its primary one). The
     * owner's mailboxes are to be searched for each address the owner did not know for the contact before.
     */
    public void replace(ContactSnapshot snapshot) {
        @SuppressWarnings("unchecked")
        List<String> known = entityManager.createNativeQuery("select address from contact_address "
                + "where contact_id = ?1 and owner = ?2").setParameter(1, snapshot.id())
                .setParameter(2, snapshot.owner()).getResultList();
        forget(List.of(snapshot.id()));
        List<String> emails = snapshot.emails() != null ? snapshot.emails()
                : snapshot.primaryEmail() == null ? List.of() : List.of(snapshot.primaryEmail());
        Set<String> addresses = new LinkedHashSet<>();
        for (String email : emails) {
            String address = normalised(email);
            if (address != null) {
                addresses.add(address);
            }
        }
        for (String address : addresses) {
            entityManager.createNativeQuery("insert into contact_address (contact_id, owner, address) "
                    + "values (?1, ?2, ?3)").setParameter(1, snapshot.id()).setParameter(2, snapshot.owner())
                    .setParameter(3, address)
                    .executeUpdate();
            if (!known.contains(address)) {
                entityManager.createNativeQuery("insert into capture_rescan (mailbox_id, address) "
                        + "select id, ?2 from mailbox where owner = ?1 on conflict do nothing")
                        .setParameter(1, snapshot.owner()).setParameter(2, address).executeUpdate();
            }
        }
    }

    public void forget(Collection<UUID> contactIds) {
        entityManager.createNativeQuery("delete from contact_address where contact_id = any(?1)")
                .setParameter(1, contactIds.toArray(UUID[]::new)).executeUpdate();
    }

    /** The owner's contacts among the addresses, by address (lower case; two contacts may share one). */
    public Map<String, List<UUID>> ofOwner(String owner, Collection<String> addresses) {
        String[] wanted = addresses.stream().map(ContactAddresses::normalised).filter(a -> a != null)
                .distinct().toArray(String[]::new);
        Map<String, List<UUID>> found = new HashMap<>();
        if (wanted.length == 0) {
            return found;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select address, contact_id from contact_address "
                + "where owner = ?1 and address = any(?2)").setParameter(1, owner).setParameter(2, wanted)
                .getResultList();
        rows.forEach(row -> found.computeIfAbsent((String) row[0], address -> new ArrayList<>()).add((UUID) row[1]));
        return found;
    }

    /** An address as compared: trimmed, lower case; null for none or one too long to be a contact's. */
    public static String normalised(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String address = email.strip().toLowerCase(Locale.ROOT);
        return address.length() > MAX_LENGTH ? null : address;
    }
}

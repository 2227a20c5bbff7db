package io.rapport.scheduler.projection;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.rapport.scheduler.task.mapping.ContactNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Contacts' display names as the projection holds them; an erased contact's name is gone. */
@ApplicationScoped
public class ProjectedContactNames implements ContactNames {

    private final EntityManager entityManager;

    public ProjectedContactNames(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Map<UUID, String> of(Collection<UUID> contactIds) {
        Map<UUID, String> names = new HashMap<>();
        if (!contactIds.isEmpty()) {
            entityManager.createQuery("select c.id, c.displayName from ContactProjection c"
                    + " where c.id in :ids and c.erasedAt is null", Object[].class)
                    .setParameter("ids", contactIds).getResultList()
                    .forEach(row -> names.put((UUID) row[0], (String) row[1]));
        }
        return names;
    }
}

package io.rapport.scheduler.task.mapping;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The display names of contacts, which the tasks' answers carry so that a client renders an agenda without a call per
 * row. Implemented over the contact projection, which depends on the tasks rather than the other way round.
 */
public interface ContactNames {

    /** @return the name of each contact that has one (an erased or not yet projected contact has none) */
    Map<UUID, String> of(Collection<UUID> contactIds);
}

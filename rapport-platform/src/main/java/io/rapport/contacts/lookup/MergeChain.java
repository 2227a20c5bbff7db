package io.rapport.contacts.lookup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** The contacts a merge made part of another one, as each service's replica records who was merged into whom. */
public final class MergeChain {

    private MergeChain() {
    }

    /**
     * The survivor and every contact merged into it, directly or through a chain of merges, survivor first.
     *
     * @param mergedInto the contacts merged directly into a given one, as the replica holds them
     */
    public static List<UUID> of(UUID survivor, Function<UUID, Collection<UUID>> mergedInto) {
        List<UUID> all = new ArrayList<>(List.of(survivor));
        for (int i = 0; i < all.size(); i++) {
            mergedInto.apply(all.get(i)).stream().filter(id -> !all.contains(id)).forEach(all::add);
        }
        return all;
    }
}

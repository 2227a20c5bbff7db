package io.rapport.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/**
 * Who is calling, and what they may see: a rep is scoped to the records they own; managers, admins and
 * integrators read everything; integrators change nothing.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The caller's user id: the token's {@code upn} (or {@code preferred_username}, or {@code sub}). */
    public String userId() {
        return identity.getPrincipal().getName();
    }

    /** True when the caller sees only their own records. */
    public boolean isScopedToOwnRecords() {
        return !leadsTheTeam() && !identity.hasRole(Roles.INTEGRATOR);
    }

    public boolean canRead(String owner) {
        return !isScopedToOwnRecords() || userId().equals(owner);
    }

    public boolean canWrite(String owner) {
        return leadsTheTeam() || identity.hasRole(Roles.REP) && userId().equals(owner);
    }

    /** Giving a record to another owner is a manager's (or an admin's) action. */
    public boolean canReassign() {
        return leadsTheTeam();
    }

    /** Managers and admins may overrule the limits a rep works within, such as survey fatigue. */
    public boolean canOverrule() {
        return leadsTheTeam();
    }

    /** A manager or an admin: sees and changes every rep's records. */
    private boolean leadsTheTeam() {
        return identity.hasRole(Roles.MANAGER) || identity.hasRole(Roles.ADMIN);
    }

    /** The owner a list is restricted to: the caller for a rep, else the requested one (possibly none). */
    public String ownerFilter(String requestedOwner) {
        return isScopedToOwnRecords() ? userId() : requestedOwner;
    }
}

package io.rapport.security;

/** The roles a Rapport token carries in its {@code groups} claim. */
public final class Roles {

    /** Sees and changes the contacts they own and everything attached to them. */
    public static final String REP = "rep";
    /** Reads everything; reassigns owners. */
    public static final String MANAGER = "manager";
    /** Everything a manager can, plus erasure and imports. */
    public static final String ADMIN = "admin";
    /** Read-only access for integrations. */
    public static final String INTEGRATOR = "integrator";

    private Roles() {
    }
}

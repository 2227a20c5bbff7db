package io.rapport.contacts;

/** A contact's stage in the relationship; it sets the default check-in cadence. */
public enum LifecycleStage {
    PROSPECT, ACTIVE_CUSTOMER, AT_RISK, FORMER
}

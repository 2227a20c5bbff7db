package io.rapport.feedback;

import java.util.UUID;

import io.rapport.contacts.replica.ContactReplica;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A contact as this service knows it from contact events: beyond what every replica holds, enough to address, write
 * and refuse a survey. An erased contact keeps none of it.
 */
@Entity
@Table(name = "feedback_contact")
public class FeedbackContact extends ContactReplica {

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "organisation_id")
    public UUID organisationId;

    /** The contact's primary email address: where a survey sent by EMAIL goes. */
    public String email;

    /** The language a survey is written to the contact in (a BCP 47 tag), when the contact has one. */
    public String language;

    @Column(name = "do_not_contact")
    public boolean doNotContact;
}

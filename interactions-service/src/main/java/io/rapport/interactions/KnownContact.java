package io.rapport.interactions;

import io.rapport.contacts.replica.ContactReplica;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** What this service knows of a contact, from the contact events: its owner, and whether it still exists. */
@Entity
@Table(name = "known_contact")
public class KnownContact extends ContactReplica {
}

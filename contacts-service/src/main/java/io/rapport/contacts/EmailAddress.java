package io.rapport.contacts;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

@Embeddable
public class EmailAddress {

    public String address;

    @Enumerated(EnumType.STRING)
    public EmailType type;

    @Column(name = "is_primary")
    public boolean primary;

    protected EmailAddress() {
    }

    public EmailAddress(String address, EmailType type, boolean primary) {
        this.address = address;
        this.type = type;
        this.primary = primary;
    }
}

package io.rapport.contacts;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

@Embeddable
public class PhoneNumber {

    public String number;

    @Enumerated(EnumType.STRING)
    public PhoneType type;

    @Column(name = "is_primary")
    public boolean primary;

    protected PhoneNumber() {
    }

    public PhoneNumber(String number, PhoneType type, boolean primary) {
        this.number = number;
        this.type = type;
        this.primary = primary;
    }
}

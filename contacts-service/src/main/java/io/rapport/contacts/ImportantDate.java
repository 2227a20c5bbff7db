package io.rapport.contacts;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A yearly date; the year is optional (a birthday whose year is unknown). */
@Embeddable
public class ImportantDate {

    @Enumerated(EnumType.STRING)
    public ImportantDateKind kind;

    public String label;

    @Column(name = "year")
    public Integer year;

    @Column(name = "month")
    public int month;

    @Column(name = "day")
    public int day;

    protected ImportantDate() {
    }

    public ImportantDate(ImportantDateKind kind, String label, Integer year, int month, int day) {
        this.kind = kind;
        this.label = label;
        this.year = year;
        this.month = month;
        this.day = day;
    }
}

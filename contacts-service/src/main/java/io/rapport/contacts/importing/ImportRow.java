package io.rapport.contacts.importing;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One row of an import file as a contact JSON object, or why it could not even be read.
 *
 * @param number 1-based, counting data rows (the CSV header is not a row)
 */
public record ImportRow(long number, ObjectNode contact, String unreadable) {

    static ImportRow of(long number, ObjectNode contact) {
        return new ImportRow(number, contact, null);
    }

    static ImportRow unreadable(long number, String reason) {
        return new ImportRow(number, null, reason);
    }
}

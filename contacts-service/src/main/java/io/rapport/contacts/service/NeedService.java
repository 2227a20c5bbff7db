package io.rapport.contacts.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.rapport.contacts.Contact;
import io.rapport.contacts.Need;
import io.rapport.contacts.rest.NeedInput;
import io.rapport.rest.Cursor;
import io.rapport.rest.MergePatcher;
import io.rapport.rest.Preconditions;
import io.rapport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

/** A contact's needs and goals; who may see or change them follows the contact. */
@ApplicationScoped
public class NeedService {

    private final ContactService contacts;
    private final MergePatcher patcher;
    private final Clock clock;

    public NeedService(ContactService contacts, MergePatcher patcher, Clock clock) {
        this.contacts = contacts;
        this.patcher = patcher;
        this.clock = clock;
    }

    /** One page of the contact's needs, oldest first, after {@code after} (the first page when null). */
    public List<Need> list(UUID contactId, Caller caller, int limit, Cursor after) {
        contacts.get(contactId, caller);
        if (after == null) {
            return Need.find("contact.id = ?1 order by createdAt, id", contactId).page(0, limit).list();
        }
        return Need.find("contact.id = ?1 and (createdAt > ?2 or (createdAt = ?2 and id > ?3)) order by createdAt, id",
                contactId, after.instantValue(), after.id()).page(0, limit).list();
    }

    public static Cursor cursorAfter(Need need) {
        return new Cursor(need.createdAt.toString(), need.id);
    }

    @Transactional
    public Need create(UUID contactId, NeedInput input, Caller caller) {
        Contact contact = writableContact(contactId, caller);
        Need need = new Need();
        need.id = UUID.randomUUID();
        need.contact = contact;
        need.createdAt = clock.instant();
        need.updatedAt = need.createdAt;
        apply(input, need);
        need.persistAndFlush();
        return need;
    }

    public Need get(UUID contactId, UUID needId, Caller caller) {
        contacts.get(contactId, caller);
        Need need = Need.findById(needId);
        if (need == null || !need.contact.id.equals(contactId)) {
            throw new NotFoundException("No need " + needId + " for contact " + contactId);
        }
        return need;
    }

    @Transactional
    public Need patch(UUID contactId, UUID needId, JsonNode patch, String ifMatch, Caller caller) {
        writableContact(contactId, caller);
        Need need = get(contactId, needId, caller);
        Preconditions.requireIfMatch(ifMatch, need.version);
        NeedInput input = patcher.apply(new NeedInput(need.description, need.priority, need.status,
                need.targetDate, need.notes), patch, NeedInput.class);
        apply(input, need);
        need.updatedAt = clock.instant();
        need.flush();
        return need;
    }

    @Transactional
    public void delete(UUID contactId, UUID needId, String ifMatch, Caller caller) {
        writableContact(contactId, caller);
        Need need = get(contactId, needId, caller);
        Preconditions.requireIfMatch(ifMatch, need.version);
        need.delete();
    }

    private Contact writableContact(UUID contactId, Caller caller) {
        return contacts.writable(contactId, caller);
    }

    private static void apply(NeedInput input, Need need) {
        need.description = input.description().strip();
        need.priority = input.priority() == null ? Need.Priority.MEDIUM : input.priority();
        need.status = input.status() == null ? Need.Status.OPEN : input.status();
        need.targetDate = input.targetDate();
        need.notes = input.notes() == null || input.notes().isBlank() ? null : input.notes().strip();
    }
}

package io.rapport.contacts.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rapport.contacts.Contact;
import io.rapport.contacts.rest.ContactInput;
import io.rapport.contacts.service.ContactService;
import io.rapport.rest.input.InvalidInput.Violation;
import io.rapport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.WebApplicationException;

/**
 * Imports contacts row by row. Rows are written in transactions of {@code BATCH} rows; should a batch fail as a
 * whole, its rows are written again one per transaction, so every row is all-or-nothing and one bad row never
 * takes others with it. Memory stays flat whatever the file's size: rows are streamed in, results streamed out.
 */
@ApplicationScoped
public class ContactImporter {

    public enum OnDuplicate {
        SKIP, UPDATE
    }

    private static final Logger LOG = Logger.getLogger(ContactImporter.class);
    private static final int BATCH = 500;

    private final ContactService contacts;
    private final ObjectMapper objectMapper;
    private final Validator validator;
    private final EntityManager entityManager;

    public ContactImporter(ContactService contacts, ObjectMapper objectMapper, Validator validator,
            EntityManager entityManager) {
        this.contacts = contacts;
        this.objectMapper = objectMapper;
        this.validator = validator;
        this.entityManager = entityManager;
    }

    /** @return how many rows ended in each status */
    public Map<ImportResult.Status, Long> run(Iterator<ImportRow> rows, String defaultOwner, OnDuplicate onDuplicate,
            Caller caller, Consumer<ImportResult> results) {
        Map<ImportResult.Status, Long> counts = new EnumMap<>(ImportResult.Status.class);
        List<ImportRow> batch = new ArrayList<>(BATCH);
        Consumer<ImportResult> counting = result -> {
            counts.merge(result.status(), 1L, Long::sum);
            results.accept(result);
        };
        while (rows.hasNext()) {
            batch.add(rows.next());
            if (batch.size() == BATCH || !rows.hasNext()) {
                writeBatch(batch, defaultOwner, onDuplicate, caller).forEach(counting);
                batch.clear();
            }
        }
        return counts;
    }

    private List<ImportResult> writeBatch(List<ImportRow> batch, String defaultOwner, OnDuplicate onDuplicate,
            Caller caller) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                // one query finds the stored contacts of every address in the batch; rows add their own as they go
                Map<String, UUID> knownAddresses = storedContactsByAddress(batch);
                List<ImportResult> results = new ArrayList<>(batch.size());
                for (ImportRow row : batch) {
                    results.add(importRow(row, defaultOwner, onDuplicate, caller, knownAddresses));
                }
                // one flush per batch lets JDBC batch the inserts; clearing keeps the next batch's context small
                entityManager.flush();
                entityManager.clear();
                return results;
            });
        } catch (RuntimeException batchFailed) {
            LOG.debugf("Import batch failed (%s), writing its rows one by one", batchFailed.getMessage());
            return batch.stream().map(row -> writeAlone(row, defaultOwner, onDuplicate, caller)).toList();
        }
    }

    private ImportResult writeAlone(ImportRow row, String defaultOwner, OnDuplicate onDuplicate, Caller caller) {
        try {
            return QuarkusTransaction.requiringNew()
                    .call(() -> importRow(row, defaultOwner, onDuplicate, caller, storedContactsByAddress(List.of(row))));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Import row %d could not be stored", row.number());
            return ImportResult.rejected(row.number(), "could not be stored (nothing of the row was written); it may "
                    + "be imported again", null);
        }
    }

    /**
     * Runs inside the batch's transaction; a rejected row writes nothing and names every problem found in it.
     *
     * @param knownAddresses lower-cased email address -> the contact holding it: those stored before the batch, and
     *                       those of the contacts the batch created so far
     */
    private ImportResult importRow(ImportRow row, String defaultOwner, OnDuplicate onDuplicate, Caller caller,
            Map<String, UUID> knownAddresses) {
        if (row.unreadable() != null) {
            return ImportResult.rejected(row.number(), row.unreadable(), null);
        }
        ObjectNode json = row.contact();
        boolean ownerNamed = json.hasNonNull("owner");
        if (!ownerNamed && defaultOwner != null) {
            json.put("owner", defaultOwner);
        }
        RowReader.Reading reading = RowReader.read(json, objectMapper);
        List<Violation> problems = new ArrayList<>(row.cellProblems());
        problems.addAll(reading.problems());
        ContactInput input = reading.input();
        if (input != null) { // checked before any write, so a rejected row leaves the batch's transaction intact
            validator.validate(input).stream()
                    .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                    .map(violation -> new Violation(violation.getPropertyPath().toString(), violation.getMessage()))
                    .forEach(violation -> addUnlessNamed(problems, violation));
            contacts.inputViolations(input).forEach(violation -> addUnlessNamed(problems, violation));
        }
        if (!problems.isEmpty()) {
            return rejected(row, problems);
        }
        UUID existing = emails(input).stream().map(knownAddresses::get).filter(Objects::nonNull).findFirst()
                .orElse(null);
        try {
            if (existing == null) {
                UUID id = contacts.create(input, caller).id;
                emails(input).forEach(address -> knownAddresses.putIfAbsent(address, id));
                return ImportResult.created(row.number(), id);
            }
            if (onDuplicate == OnDuplicate.SKIP) {
                return ImportResult.duplicate(row.number(), existing, "a contact with this email exists");
            }
            if (!ownerNamed) {
                json.remove("owner"); // an update keeps the existing owner unless the row names one
            }
            Contact updated = contacts.patch(existing, json, "*", caller);
            return ImportResult.updated(row.number(), updated.id);
        } catch (HttpProblem problem) {
            return rejected(row, RowReader.violations(problem));
        } catch (ConstraintViolationException e) {
            return rejected(row, e.getConstraintViolations().stream()
                    .map(v -> new Violation(v.getPropertyPath().toString(), v.getMessage())).toList());
        } catch (WebApplicationException e) {
            return ImportResult.rejected(row.number(), e.getMessage(), null);
        }
    }

    /** The stored contact of each email address the rows name (lower-cased), in one query. */
    private Map<String, UUID> storedContactsByAddress(List<ImportRow> rows) {
        String[] addresses = rows.stream().filter(row -> row.unreadable() == null)
                .flatMap(row -> addressesOf(row.contact())).distinct().toArray(String[]::new);
        Map<String, UUID> stored = new HashMap<>();
        if (addresses.length == 0) {
            return stored;
        }
        List<Object[]> found = entityManager.createNativeQuery("""
                select distinct on (lower(address)) lower(address), contact_id from contact_email
                where lower(address) = any(cast(?1 as text[])) order by lower(address), contact_id""", Object[].class)
                .setParameter(1, addresses)
                .getResultList();
        found.forEach(row -> stored.put((String) row[0], (UUID) row[1]));
        return stored;
    }

    /** The addresses of a row as written, before it is read as a contact (the duplicate check needs no more). */
    private static Stream<String> addressesOf(ObjectNode contact) {
        if (contact == null || !contact.path("emails").isArray()) {
            return Stream.empty();
        }
        return StreamSupport.stream(contact.get("emails").spliterator(), false)
                .map(email -> email.path("address").asText("").strip().toLowerCase())
                .filter(address -> !address.isEmpty());
    }

    private static List<String> emails(ContactInput input) {
        return input.emails() == null ? List.of()
                : input.emails().stream().map(email -> email.address().strip().toLowerCase()).toList();
    }

    /** Every problem of the row, each field named as the file names it (a CSV column, else the body's path). */
    private static ImportResult rejected(ImportRow row, List<Violation> problems) {
        List<Violation> named = problems.stream()
                .map(problem -> new Violation(row.named(problem.field()), problem.message())).toList();
        return ImportResult.rejected(row.number(), named.stream().map(Violation::toString)
                .collect(Collectors.joining("; ")), named.stream()
                .map(problem -> Map.of("field", problem.field(), "message", problem.message())).toList());
    }

    /** One problem per field: validation has nothing to add about a field that could not even be read. */
    private static void addUnlessNamed(List<Violation> problems, Violation problem) {
        boolean named = problems.stream().anyMatch(known -> related(known.field(), problem.field()));
        if (!named) {
            problems.add(problem);
        }
    }

    private static boolean related(String one, String other) {
        return ImportRow.isOrUnder(one, other) || ImportRow.isOrUnder(other, one);
    }

    /** The summary line closing the response. */
    public static Map<String, Object> summary(Map<ImportResult.Status, Long> counts) {
        Map<String, Object> summary = new LinkedHashMap<>();
        long rows = 0;
        for (ImportResult.Status status : ImportResult.Status.values()) {
            long count = counts.getOrDefault(status, 0L);
            summary.put(status.name().toLowerCase(), count);
            rows += count;
        }
        summary.put("rows", rows);
        return Map.of("summary", summary);
    }
}

package io.rapport.rest.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Idempotency-Key on create requests: the first request with a key runs and its response is stored in the same
 * transaction; a retry with the same key and body gets that response again, a reuse of the key with another body
 * is 422. Keys are scoped to the caller and the operation, and forgotten after a day.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public IdempotencyKeys(EntityManager entityManager, ObjectMapper objectMapper, Clock clock) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /**
     * Runs {@code create} once per (caller, operation, key). Without a key it simply runs it.
     *
     * @param request the request body, whose hash tells a retry from a different request reusing the key
     */
    @Transactional
    public Response execute(String key, String caller, String operation, Object request, Supplier<Response> create) {
        if (key == null) {
            return create.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new BadRequestException(HEADER + " must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String requestHash = sha256(toJson(request));
        int claimed = entityManager.createNativeQuery("""
                insert into idempotency_record (caller, operation, idempotency_key, request_hash, created_at)
                values (?1, ?2, ?3, ?4, ?5) on conflict do nothing""")
                .setParameter(1, caller).setParameter(2, operation).setParameter(3, key)
                .setParameter(4, requestHash).setParameter(5, clock.instant())
                .executeUpdate();
        if (claimed == 0) {
            return replay(caller, operation, key, requestHash);
        }
        Response response = create.get();
        entityManager.createNativeQuery("""
                update idempotency_record set status = ?4, location = ?5, etag = ?6, body = cast(?7 as jsonb)
                where caller = ?1 and operation = ?2 and idempotency_key = ?3""")
                .setParameter(1, caller).setParameter(2, operation).setParameter(3, key)
                .setParameter(4, response.getStatus())
                .setParameter(5, headerOrNull(response, HttpHeaders.LOCATION))
                .setParameter(6, headerOrNull(response, HttpHeaders.ETAG))
                .setParameter(7, response.getEntity() == null ? null : toJson(response.getEntity()))
                .executeUpdate();
        return response;
    }

    /**
     * Whether a request with this key was answered already, so that a retry will be given that answer: work a first
     * request does before {@link #execute} (asking another service) is not needed, and must not fail the retry.
     */
    @Transactional
    public boolean answered(String key, String caller, String operation) {
        return key != null && !entityManager.createNativeQuery("""
                select 1 from idempotency_record
                where caller = ?1 and operation = ?2 and idempotency_key = ?3 and status is not null""")
                .setParameter(1, caller).setParameter(2, operation).setParameter(3, key)
                .getResultList().isEmpty();
    }

    /**
     * Forgets the stored responses whose body names {@code id} in its top-level {@code member}: a retry must not
     * bring back what an erasure removed.
     */
    @Transactional(TxType.MANDATORY)
    public void forgetResponsesNaming(String member, UUID id) {
        entityManager.createNativeQuery("delete from idempotency_record where body ->> cast(?1 as text) = ?2")
                .setParameter(1, member).setParameter(2, id.toString()).executeUpdate();
    }

    @Scheduled(every = "1h", identity = "idempotency-key-purge")
    @Transactional
    void forgetOldKeys() {
        entityManager.createNativeQuery("delete from idempotency_record where created_at < ?1")
                .setParameter(1, clock.instant().minus(Duration.ofDays(1)))
                .executeUpdate();
    }

    private Response replay(String caller, String operation, String key, String requestHash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select request_hash, status, location, etag, cast(body as text) from idempotency_record
                where caller = ?1 and operation = ?2 and idempotency_key = ?3""")
                .setParameter(1, caller).setParameter(2, operation).setParameter(3, key)
                .getResultList();
        Object[] row = rows.get(0);
        if (!requestHash.equals(row[0])) {
            throw HttpProblem.builder()
                    .withStatus(422)
                    .withTitle("Unprocessable Content")
                    .withDetail(HEADER + " '" + key + "' was already used with a different request body")
                    .build();
        }
        Response.ResponseBuilder replay = Response.status(((Number) row[1]).intValue())
                .header("Idempotent-Replayed", "true");
        if (row[2] != null) {
            replay.header(HttpHeaders.LOCATION, row[2]);
        }
        if (row[3] != null) {
            replay.header(HttpHeaders.ETAG, row[3]);
        }
        if (row[4] != null) {
            replay.entity(row[4]).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return replay.build();
    }

    private static String headerOrNull(Response response, String name) {
        Object value = response.getHeaders().getFirst(name);
        return value == null ? null : value.toString();
    }

    private String toJson(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass() + " as JSON", e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

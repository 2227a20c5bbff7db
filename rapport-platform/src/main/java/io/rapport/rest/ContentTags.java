package io.rapport.rest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Answers a read whose representation has no version of its own (a view drawn from several rows, or computed: a
 * rep's digest settings with its last delivery, a contact's health, a public survey) with a strong ETag made from
 * its JSON: equal bytes, equal tag, and any change a new one. {@link NotModified} then answers a matching
 * If-None-Match with 304, as for the versioned resources. The view is written once: the hashed bytes are the body.
 * An operation answering so documents {@code @Header(name = "ETag")} on its 200; the document completion describes
 * it and adds the 304.
 */
@ApplicationScoped
public class ContentTags {

    private final ObjectMapper objectMapper;

    public ContentTags(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** 200 with the view as JSON and its content's ETag. */
    public Response ok(Object view) {
        byte[] json;
        try {
            json = objectMapper.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + view.getClass().getSimpleName() + " as JSON", e);
        }
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).tag(tagOf(json)).build();
    }

    static EntityTag tagOf(byte[] representation) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(representation);
            // 128 bits tell versions of one resource apart; the tag stays short
            return new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(
                    Arrays.copyOf(digest, 16)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}

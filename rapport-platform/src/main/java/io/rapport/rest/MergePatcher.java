package io.rapport.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.rapport.rest.input.JsonInputProblems;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/**
 * PATCH with JSON Merge Patch: the patch is applied to the resource as a client would PUT it, and the result is
 * read and validated exactly like a PUT body (400 with the offending fields).
 */
@ApplicationScoped
public class MergePatcher {

    private final ObjectMapper objectMapper;
    private final Validator validator;

    public MergePatcher(ObjectMapper objectMapper, Validator validator) {
        this.objectMapper = objectMapper;
        this.validator = validator;
    }

    /**
     * @param current the resource in its input shape (what a PUT would send)
     * @return the patched input, valid
     */
    public <T> T apply(T current, JsonNode patch, Class<T> inputType) {
        ObjectNode patched = JsonMergePatch.apply(objectMapper.valueToTree(current), patch);
        T input;
        try {
            input = objectMapper.treeToValue(patched, inputType);
        } catch (JsonProcessingException e) {
            throw JsonInputProblems.of(e); // the same answer as for a PUT body with that value
        }
        var violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return input;
    }
}

package io.rapport.rest;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.ws.rs.BadRequestException;

/** RFC 7396 JSON Merge Patch: null removes a member, an object merges recursively, anything else replaces. */
public final class JsonMergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private JsonMergePatch() {
    }

    /** Applies {@code patch} to a copy of {@code target}; a patch that is not an object is a 400. */
    public static ObjectNode apply(ObjectNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new BadRequestException("A merge patch must be a JSON object");
        }
        return merge(target.deepCopy(), (ObjectNode) patch);
    }

    private static ObjectNode merge(ObjectNode target, ObjectNode patch) {
        Iterator<Map.Entry<String, JsonNode>> members = patch.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            JsonNode value = member.getValue();
            if (value.isNull()) {
                target.remove(member.getKey());
            } else if (value.isObject() && target.get(member.getKey()) instanceof ObjectNode existing) {
                merge(existing, (ObjectNode) value);
            } else if (value.isObject()) {
                target.set(member.getKey(), merge(target.objectNode(), (ObjectNode) value));
            } else {
                target.set(member.getKey(), value);
            }
        }
        return target;
    }
}

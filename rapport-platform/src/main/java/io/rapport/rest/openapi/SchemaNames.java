package io.rapport.rest.openapi;

import java.util.Map;

import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;

/** Names of the schemas the document completion adds beside the scanned ones, and adding them without a clash. */
final class SchemaNames {

    private SchemaNames() {
    }

    /** What an input schema describes: {@code ContactInput} is a contact, {@code ContactEmail} stays itself. */
    static String resourceOf(String inputName) {
        return inputName.endsWith("Input") ? inputName.substring(0, inputName.length() - "Input".length())
                : inputName;
    }

    /** Adds a derived schema; a scanned one of that name would be silently replaced, so it is refused. */
    static void add(Components components, String name, Schema schema) {
        Map<String, Schema> existing = components.getSchemas();
        if (existing != null && existing.containsKey(name)) {
            throw new IllegalStateException("The OpenAPI document already has a schema " + name
                    + "; rename the Java type that claims it");
        }
        components.addSchema(name, schema);
    }
}

package io.rapport.rest.openapi;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The services' OpenAPI documents as clients need them, beyond what the annotations say: the answers the platform
 * gives any operation ({@link PlatformResponses}), problem responses with their schema and every response described
 * ({@link ProblemResponses}), the headers the platform sends ({@link ResponseHeaders}), merge-patch bodies as what
 * they are ({@link MergePatchBodies}), every member of a response body required ({@link ResponseMembers}).
 */
public class DocumentCompletion implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                ? Map.of() : openAPI.getComponents().getSchemas();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            PlatformResponses.complete(path, operation);
            ProblemResponses.complete(operation);
            ResponseHeaders.complete(operation, method.name(), schemas);
        }));
        ProblemResponses.describeMembers(schemas);
        MergePatchBodies.describe(openAPI, openAPI.getPaths().getPathItems());
        ResponseMembers.complete(openAPI, openAPI.getPaths().getPathItems().values().stream()
                .flatMap(path -> path.getOperations().values().stream()).toList());
    }
}

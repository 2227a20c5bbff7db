package io.rapport.rest.openapi;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The services' OpenAPI documents as clients need them, beyond what the annotations say: problem responses with
 * their schema and every response described ({@link ProblemResponses}), merge-patch bodies as what they are
 * ({@link MergePatchBodies}).
 */
public class DocumentCompletion implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(path -> path.getOperations().values()
                .forEach(ProblemResponses::complete));
        MergePatchBodies.describe(openAPI, openAPI.getPaths().getPathItems());
    }
}

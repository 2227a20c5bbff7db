package io.rapport.rest.input;

import java.lang.reflect.Method;

import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/** The Java method a request filter's resource info names, to read its annotations and parameters. */
final class ResourceMethods {

    private ResourceMethods() {
    }

    static Method of(SimpleResourceInfo resource) {
        try {
            return resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("No resource method " + resource.getMethodName(), e);
        }
    }
}

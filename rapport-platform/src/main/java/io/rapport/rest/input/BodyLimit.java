package io.rapport.rest.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest body an operation reads, where it is not {@code rapport.http.limits.body} (see {@link BodyLimits}): a
 * smaller one for an operation that takes little (a survey answer), or {@link #STREAMED} for one that streams its
 * body instead of holding it (an import), which only the service's {@code quarkus.http.limits.max-body-size} bounds.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface BodyLimit {

    /** The operation reads its body as a stream, a row at a time, and bounds each row itself. */
    String STREAMED = "streamed";

    /** A size as configuration writes it ({@code 16K}, {@code 1M}), or {@link #STREAMED}. */
    String value();
}

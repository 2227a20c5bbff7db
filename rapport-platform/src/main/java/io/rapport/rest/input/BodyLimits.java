package io.rapport.rest.input;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.rapport.failure.Unavailable;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Bounds what a request body may cost before anything reads it. Each operation reads at most its limit
 * ({@link BodyLimit}, else {@code rapport.http.limits.body}): a body announced larger is a 413 problem saying the
 * limit, and one sent without a Content-Length (chunked) is a 411, so no body is read past its limit. The bodies
 * being read at once may together announce at most {@code rapport.http.limits.in-flight} bytes (a sixteenth of the
 * heap by default): past that a request is a 503 with Retry-After, not the heap exhausted by many requests each
 * within its limit. This runs after authentication and after a public operation's own checks (a survey link is
 * looked up first), before the body is read.
 */
@ApplicationScoped
public class BodyLimits {

    private final long defaultLimit;
    private final InFlightBytes inFlight;
    private final Map<Method, Long> limits = new ConcurrentHashMap<>();

    public BodyLimits(BodyLimitsConfig config, MeterRegistry registry) {
        this.defaultLimit = config.body().asLongValue();
        this.inFlight = new InFlightBytes(config.inFlight().map(MemorySize::asLongValue)
                .orElse(Runtime.getRuntime().maxMemory() / 16));
        Gauge.builder("rapport.http.body.in.flight", inFlight, InFlightBytes::taken)
                .description("Bytes of request bodies being read").baseUnit("bytes").register(registry);
    }

    @ServerRequestFilter(priority = Priorities.USER)
    public void bound(SimpleResourceInfo resource, RoutingContext context) {
        if (resource == null || resource.getResourceClass() == null || !mayHaveBody(context)) {
            return;
        }
        long limit = limits.computeIfAbsent(ResourceMethods.of(resource), this::limitOf);
        if (limit < 0) {
            return; // streamed: the service's max-body-size applies, and the operation bounds each row
        }
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            if (bodyFollows(context.request())) {
                throw refusal(context, 411, "Length Required", "Send the body with a Content-Length header; this "
                        + "operation reads at most " + limit + " bytes");
            }
            return;
        }
        long announced = announcedLength(length);
        if (announced > limit) {
            throw refusal(context, 413, "Content Too Large", "The body is " + length + " bytes; this operation reads "
                    + "at most " + limit);
        }
        if (announced > 0) {
            reserve(context, announced);
        }
    }

    /** Takes the body's bytes from the in-flight budget until the answer is sent, or refuses the request. */
    private void reserve(RoutingContext context, long bytes) {
        if (!inFlight.tryTake(bytes)) {
            throw unread(context, Unavailable.builder("The service is reading as many request bodies as it can hold; "
                    + "try again shortly", "1"));
        }
        AtomicBoolean given = new AtomicBoolean();
        Runnable giveBack = () -> {
            if (given.compareAndSet(false, true)) {
                inFlight.giveBack(bytes);
            }
        };
        context.addEndHandler(ended -> giveBack.run());
        // a client gone before the handler was attached (the request waited for a worker) never ends it: give back now
        if (context.response().closed() || context.response().ended()) {
            giveBack.run();
        }
    }

    /** A Content-Length as a number; one too long for a long is as good as infinite. */
    static long announcedLength(String header) {
        String digits = header.strip();
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
            return -1; // the HTTP codec refuses such a request before it gets here
        }
        return digits.length() < 19 ? Long.parseLong(digits) : Long.MAX_VALUE;
    }

    /** A body without a length: chunked, or an HTTP/2 stream that did not end with its headers. */
    private static boolean bodyFollows(HttpServerRequest request) {
        return request.headers().contains("Transfer-Encoding")
                || (request.version() == HttpVersion.HTTP_2 && !request.isEnded());
    }

    private static boolean mayHaveBody(RoutingContext context) {
        return switch (context.request().method().name()) {
            case "POST", "PUT", "PATCH", "DELETE" -> true;
            default -> false;
        };
    }

    private static HttpProblem refusal(RoutingContext context, int status, String title, String detail) {
        return unread(context, HttpProblem.builder().withStatus(status).withTitle(title).withDetail(detail));
    }

    private static HttpProblem unread(RoutingContext context, HttpProblem.Builder problem) {
        UnreadBody.closeAfterAnswer(context);
        return problem.build();
    }

    private long limitOf(Method method) {
        BodyLimit limit = method.getAnnotation(BodyLimit.class);
        if (limit == null) {
            limit = method.getDeclaringClass().getAnnotation(BodyLimit.class);
        }
        if (limit == null) {
            return defaultLimit;
        }
        if (BodyLimit.STREAMED.equals(limit.value())) {
            return -1;
        }
        return new MemorySizeConverter().convert(limit.value()).asLongValue();
    }
}

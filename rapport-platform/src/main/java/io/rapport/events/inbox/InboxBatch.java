package io.rapport.events.inbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rapport.events.tracing.EventTraces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Applies a batch of events in one transaction: the event ids are recorded in one statement (those already processed
 * are skipped), then the new events are applied in their order. Any failure rolls the whole batch back and names
 * the event that failed, so the inbox can set it aside and apply the others again.
 */
@ApplicationScoped
public class InboxBatch {

    private final EntityManager entityManager;
    private final Tracer tracer;

    public InboxBatch(EntityManager entityManager, Tracer tracer) {
        this.entityManager = entityManager;
        this.tracer = tracer;
    }

    /** @return the events applied; the others had been processed before */
    public List<IncomingEvent> apply(String consumer, List<IncomingEvent> events, EventHandler handler) {
        // Traces: the batch is one span, in the trace of its first event that has one and linked to every event's;
        // each event is applied in a span of its own trace. What a handler records (an outbox event) continues
        // the trace of the event it is applying, or the batch's in prepare and finish.
        Span batch = batchSpan(consumer, events);
        try (Scope scope = batch.makeCurrent()) {
            return applyInTransaction(consumer, events, handler);
        } catch (RuntimeException e) {
            batch.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            batch.end();
        }
    }

    private Span batchSpan(String consumer, List<IncomingEvent> events) {
        SpanBuilder builder = tracer.spanBuilder(consumer + " process").setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.batch.message_count", events.size());
        Context parent = null;
        for (IncomingEvent event : events) {
            Context context = EventTraces.context(event.traceParent());
            SpanContext span = Span.fromContext(context).getSpanContext();
            if (span.isValid()) {
                builder.addLink(span);
                parent = parent == null ? context : parent;
            }
        }
        return builder.setParent(parent == null ? Context.root() : parent).startSpan();
    }

    private void applyTraced(IncomingEvent event, EventHandler handler) {
        Context context = EventTraces.context(event.traceParent());
        Span span = tracer.spanBuilder(event.rawType() + " process").setSpanKind(SpanKind.CONSUMER)
                .setParent(Span.fromContext(context).getSpanContext().isValid() ? context : Context.current())
                .setAttribute("messaging.message.id", event.id())
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            handler.apply(event);
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR);
            span.recordException(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private List<IncomingEvent> applyInTransaction(String consumer, List<IncomingEvent> events, EventHandler handler) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Set<String> fresh = markProcessed(consumer, events);
            List<IncomingEvent> toApply = new ArrayList<>(fresh.size());
            for (IncomingEvent event : events) {
                if (fresh.remove(event.id())) { // the first of two copies in one batch only
                    toApply.add(event);
                }
            }
            if (toApply.isEmpty()) {
                return toApply;
            }
            handler.prepare(toApply);
            for (IncomingEvent event : toApply) {
                try {
                    applyTraced(event, handler);
                } catch (RuntimeException e) {
                    throw new FailedEvent(event, e);
                }
            }
            handler.finish();
            return toApply;
        });
    }

    /** @return the ids of the events this consumer had not processed yet */
    private Set<String> markProcessed(String consumer, List<IncomingEvent> events) {
        String[] ids = events.stream().map(IncomingEvent::id).distinct().toArray(String[]::new);
        List<String> inserted = entityManager.createNativeQuery("""
                insert into processed_event (consumer, event_id, processed_at)
                select ?1, id, now() from unnest(cast(?2 as text[])) as id
                on conflict do nothing
                returning event_id""", String.class)
                .setParameter(1, consumer)
                .setParameter(2, ids)
                .getResultList();
        return new HashSet<>(inserted);
    }

    /** The batch failed while applying this event; nothing of the batch was kept. */
    public static class FailedEvent extends RuntimeException {

        private final transient IncomingEvent event;

        FailedEvent(IncomingEvent event, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.event = event;
        }

        public IncomingEvent event() {
            return event;
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }
}

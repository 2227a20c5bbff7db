-- The W3C trace context of the span that recorded the event (null when none), so that the Kafka record carries it
-- and the trace continues in the consumers.
alter table outbox_event add column trace_parent text;

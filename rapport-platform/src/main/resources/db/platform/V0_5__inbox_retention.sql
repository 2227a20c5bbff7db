-- The inbox forgets an event id once the topics can no longer deliver that event again (InboxRetention). Rows are
-- appended in processed_at order, so a BRIN index finds the old ones at a tiny fraction of a B-tree's size and
-- insert cost.
create index processed_event_processed_at on processed_event using brin (processed_at);

-- The token buckets of the public survey endpoints' rate limits, shared by every replica (Bucket4j's PostgreSQL
-- proxy manager: one row per client address or survey link, its state serialised, locked with SELECT ... FOR UPDATE
-- while a request takes from it). A bucket is full again once expires_at (epoch milliseconds) has passed: the
-- service deletes such rows, which changes nothing.
create table public_rate_limit (
    id         text primary key,
    state      bytea,
    expires_at bigint
);
create index public_rate_limit_expires_at on public_rate_limit (expires_at);

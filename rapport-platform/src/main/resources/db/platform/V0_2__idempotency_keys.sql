-- Idempotency-Key of create requests: the first response per (caller, operation, key), replayed to retries.
create table idempotency_record (
    caller          text        not null,
    operation       text        not null,
    idempotency_key text        not null,
    request_hash    text        not null,
    status          integer,
    location        text,
    etag            text,
    body            jsonb,
    created_at      timestamptz not null,
    primary key (caller, operation, idempotency_key)
);
create index idempotency_record_created_at on idempotency_record (created_at);

-- Transactional outbox: written with the state change, published and deleted by the relay.
create table outbox_event (
    id          uuid primary key,
    seq         bigint generated always as identity,
    topic       text        not null,
    event_key   text        not null,
    type        text        not null,
    subject     text        not null,
    occurred_at timestamptz not null,
    payload     jsonb       not null
);
create unique index outbox_event_seq on outbox_event (seq);

-- Idempotent consumers: an event id applied by a consumer, recorded in the same transaction as its effect.
create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null,
    primary key (consumer, event_id)
);

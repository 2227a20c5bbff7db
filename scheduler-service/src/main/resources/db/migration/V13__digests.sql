-- Each rep's daily agenda by email: whether they want it, where, and at what time of their own day.
-- next_digest_at is the next moment one is due (null while it is off): the digest sweep's due column.
create table digest_subscription (
    id              uuid primary key,
    owner           varchar(100) not null unique,
    address         varchar(320) not null,
    send_at         time         not null,
    timezone        varchar(64)  not null,
    enabled         boolean      not null,
    send_when_empty boolean      not null,
    next_digest_at  timestamptz,
    version         bigint       not null,
    updated_at      timestamptz  not null
);
create index digest_subscription_due on digest_subscription (next_digest_at) where next_digest_at is not null;

-- The digests themselves: one per rep and day (the unique key holds across replicas and restarts), each sent once
-- through the platform's delivery queue (the delivery_* columns).
create table digest (
    id                uuid primary key,
    owner             varchar(100) not null,
    digest_date       date         not null,
    address           varchar(320) not null,
    timezone          varchar(64)  not null,
    send_when_empty   boolean      not null,
    created_at        timestamptz  not null,
    delivery_status   varchar(10)  not null
        check (delivery_status in ('QUEUED', 'SENDING', 'SENT', 'BOUNCED', 'FAILED', 'CANCELLED')),
    delivery_attempts integer      not null default 0,
    next_delivery_at  timestamptz,
    sending_since     timestamptz,
    sent_at           timestamptz,
    delivery_error    varchar(500),
    unique (owner, digest_date)
);
create index digest_due on digest (next_delivery_at) where delivery_status = 'QUEUED';
create index digest_sending on digest (sending_since) where delivery_status = 'SENDING';

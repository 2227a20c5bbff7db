-- The contacts this service knows, projected from contact events (rapport.contacts.v1): who owns them, what a
-- survey may show of them, whether they may be asked at all, and whether they were merged or erased.
create table feedback_contact (
    id               uuid primary key,
    snapshot_version bigint       not null,
    owner            varchar(100),
    first_name       varchar(200),
    organisation_id  uuid,
    do_not_contact   boolean      not null default false,
    erased           boolean      not null default false,
    merged_into      uuid,
    updated_at       timestamptz  not null
);

-- A survey sent to a contact. The response token is kept only as its SHA-256 hash.
create table survey_request (
    id           uuid primary key,
    version      bigint       not null,
    contact_id   uuid         not null,
    owner        varchar(100) not null,
    rep_name     varchar(200) not null,
    kind         varchar(10)  not null check (kind in ('NPS', 'CSAT', 'BOTH')),
    channel      varchar(20)  not null,
    context_type varchar(20),
    context_id   uuid,
    token_hash   char(64)     not null,
    status       varchar(10)  not null check (status in ('PENDING', 'ANSWERED', 'CANCELLED')),
    created_by   varchar(100) not null,
    created_at   timestamptz  not null,
    expires_at   timestamptz  not null,
    answered_at  timestamptz,
    cancelled_at timestamptz
);
create unique index survey_request_token_hash on survey_request (token_hash);
create index survey_request_contact on survey_request (contact_id, created_at);
create index survey_request_owner_created on survey_request (owner, created_at);
create index survey_request_created on survey_request (created_at);

-- The answer to a request: from the client through the public link, or recorded by a rep on their behalf.
create table survey_response (
    id          uuid primary key,
    request_id  uuid         not null references survey_request (id) on delete cascade,
    contact_id  uuid         not null,
    owner       varchar(100) not null,
    nps_score   smallint check (nps_score between 0 and 10),
    csat_score  smallint check (csat_score between 1 and 5),
    comment     text,
    source      varchar(10)  not null check (source in ('CLIENT', 'REP')),
    recorded_by varchar(100),
    received_at timestamptz  not null,
    check (nps_score is not null or csat_score is not null)
);
create unique index survey_response_request on survey_response (request_id);
create index survey_response_contact on survey_response (contact_id);
create index survey_response_received on survey_response (received_at);
create index survey_response_owner_received on survey_response (owner, received_at);

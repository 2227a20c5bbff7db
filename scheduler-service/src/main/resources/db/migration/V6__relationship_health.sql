-- Each contact's relationship health as last computed: the score, its band and the components behind it (jsonb).
-- Erased and merged contacts have none.
create table relationship_health (
    contact_id  uuid primary key,
    owner       varchar(100) not null,
    score       integer      not null,
    band        varchar(16)  not null,
    components  jsonb        not null,
    computed_at timestamptz  not null,
    -- The next instant the score could fall into a lower band with nothing happening; null when it cannot.
    -- The health sweep reads only these rows, through this index.
    recheck_at  timestamptz
);
create index relationship_health_recheck_at on relationship_health (recheck_at) where recheck_at is not null;
-- A rep's book, worst first, with keyset pagination.
create index relationship_health_book on relationship_health (owner, score, contact_id);

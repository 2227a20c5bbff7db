create table organisation (
    id         uuid primary key,
    version    bigint       not null,
    name       varchar(200) not null,
    domain     varchar(253),
    industry   varchar(100),
    created_at timestamptz  not null,
    updated_at timestamptz  not null
);
create index organisation_name_search on organisation using gin (to_tsvector('simple', name));
create index organisation_domain on organisation (lower(domain));

alter table contact
    alter column check_in_cadence_days drop not null,
    add column title                      varchar(100),
    add column organisation_id            uuid references organisation (id),
    add column preferred_channel          varchar(16),
    add column lifecycle_stage            varchar(32) not null default 'PROSPECT',
    add column check_in_max_interval_days integer check (check_in_max_interval_days between 1 and 730),
    add column tags                       text[]      not null default '{}',
    add column interests                  text[]      not null default '{}',
    add column personal_notes             text,
    add column do_not_contact             boolean     not null default false,
    add column marketing_opt_in           boolean     not null default false,
    -- lower-case "first last": the sort key of the name order and its keyset cursor
    add column sort_name                  varchar(201),
    -- names, title, emails, tags and notes, maintained by the service, searched through a GIN index
    add column search_text                text;
update contact set sort_name = lower(first_name || coalesce(' ' || last_name, '')),
                   search_text = concat_ws(' ', first_name, last_name, email);
alter table contact alter column sort_name set not null, alter column search_text set not null;
alter table contact add column search tsvector generated always as (to_tsvector('simple', search_text)) stored;

create table contact_email (
    contact_id uuid         not null references contact (id) on delete cascade,
    position   integer      not null,
    address    varchar(254) not null,
    type       varchar(16)  not null,
    is_primary boolean      not null,
    primary key (contact_id, position)
);
create index contact_email_address on contact_email (lower(address));
insert into contact_email (contact_id, position, address, type, is_primary)
    select id, 0, email, 'WORK', true from contact where email is not null;
alter table contact drop column email;

create table contact_phone (
    contact_id uuid        not null references contact (id) on delete cascade,
    position   integer     not null,
    number     varchar(32) not null,
    type       varchar(16) not null,
    is_primary boolean     not null,
    primary key (contact_id, position)
);

create table contact_important_date (
    contact_id uuid         not null references contact (id) on delete cascade,
    position   integer      not null,
    kind       varchar(32)  not null,
    label      varchar(100),
    year       integer,
    month      integer      not null,
    day        integer      not null,
    primary key (contact_id, position)
);

create index contact_search on contact using gin (search);
create index contact_tags on contact using gin (tags);
create index contact_owner_sort_name on contact (owner, sort_name, id);
create index contact_sort_name on contact (sort_name, id);
create index contact_created_at on contact (created_at, id);
create index contact_updated_at on contact (updated_at, id);
create index contact_organisation on contact (organisation_id);

create table need (
    id          uuid primary key,
    version     bigint        not null,
    contact_id  uuid          not null references contact (id) on delete cascade,
    description varchar(2000) not null,
    priority    varchar(16)   not null,
    status      varchar(16)   not null,
    target_date date,
    notes       text,
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null
);
create index need_contact on need (contact_id, created_at);

-- Prefix full-text match of a name, inlined by the planner so the GIN index on organisation names serves it.
create function rapport_name_matches(name text, query text) returns boolean
    language sql immutable parallel safe
    as $$ select to_tsvector('simple', name) @@ to_tsquery('simple', query) $$;

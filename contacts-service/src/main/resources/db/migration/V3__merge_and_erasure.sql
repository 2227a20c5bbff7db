create extension if not exists pg_trgm;

-- Similar names within an organisation are duplicate candidates.
create index contact_sort_name_trgm on contact using gin (sort_name gin_trgm_ops);

-- A contact merged into another: its id keeps answering with where it went.
create table merged_contact (
    id          uuid primary key,
    survivor_id uuid        not null,
    owner       varchar(100) not null,
    merged_at   timestamptz not null,
    merged_by   varchar(100) not null
);
create index merged_contact_survivor on merged_contact (survivor_id);

-- An erased contact (GDPR art. 17): nothing personal is kept, only that the id existed and when it was erased.
create table erased_contact (
    id        uuid primary key,
    erased_at timestamptz  not null,
    erased_by varchar(100) not null
);

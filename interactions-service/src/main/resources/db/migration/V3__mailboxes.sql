-- A rep's mailbox connection (capture): where to log in, the secret sealed with RAPPORT_SECRETS_KEY (SecretBox, bound
-- to the row's id), and how its sync stands. One connection per owner and account.
create table mailbox (
    id           uuid primary key,
    version      bigint       not null,
    owner        varchar(100) not null,
    host         varchar(253) not null,
    port         integer      not null,
    security     varchar(10)  not null,
    username     varchar(320) not null,
    secret       text         not null,
    inbox_folder varchar(200),
    sent_folder  varchar(200),
    state        varchar(10)  not null,
    state_reason varchar(1000),
    last_sync_at timestamptz,
    captured     bigint       not null default 0,
    skipped      bigint       not null default 0,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    unique (owner, host, username)
);

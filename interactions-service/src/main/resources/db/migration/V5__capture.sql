-- Capture. Each folder a mailbox is read from has a checkpoint: its UIDVALIDITY and the last UID read, written in the
-- transaction that records what those messages became, so nothing is read twice or skipped. One replica reads a
-- mailbox at a time: the lease, which each of those transactions checks is still its own.
create table mailbox_folder (
    mailbox_id   uuid         not null references mailbox (id) on delete cascade,
    role         varchar(10)  not null,
    name         varchar(200) not null,
    uid_validity bigint       not null,
    last_uid     bigint       not null,
    primary key (mailbox_id, role)
);
alter table mailbox add column lease_holder varchar(100);
alter table mailbox add column lease_until timestamptz;

-- An interaction is logged by hand or captured; a captured one carries the key of its message (the SHA-256 of its
-- Message-ID), so that a message is one interaction per contact however often and wherever it is seen.
alter table interaction add column source varchar(10) not null default 'MANUAL';
alter table interaction add column message_key varchar(64);
create unique index interaction_captured on interaction (owner, contact_id, message_key) where message_key is not null;

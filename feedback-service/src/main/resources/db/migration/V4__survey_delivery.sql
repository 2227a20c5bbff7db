-- Survey emails: the replica keeps the address and language a survey is written to (forgotten on erasure).
alter table feedback_contact add column email varchar(320);
alter table feedback_contact add column language varchar(35);

-- The delivery of a survey sent by EMAIL (or another channel with a courier), queued in the transaction that
-- creates the request and sent after it commits. delivery_token is the link's token, kept only until the message is
-- sent or given up, because the link must be written into it; only its hash stays (token_hash).
alter table survey_request add column delivery_status   varchar(10)
    check (delivery_status in ('QUEUED', 'SENDING', 'SENT', 'BOUNCED', 'FAILED', 'CANCELLED'));
alter table survey_request add column delivery_token    varchar(100);
alter table survey_request add column delivery_attempts integer not null default 0;
alter table survey_request add column next_delivery_at  timestamptz;
alter table survey_request add column sending_since     timestamptz;
alter table survey_request add column sent_at           timestamptz;
alter table survey_request add column delivery_error    varchar(500);
create index survey_request_delivery_due on survey_request (next_delivery_at) where delivery_status = 'QUEUED';
create index survey_request_delivery_sending on survey_request (sending_since) where delivery_status = 'SENDING';

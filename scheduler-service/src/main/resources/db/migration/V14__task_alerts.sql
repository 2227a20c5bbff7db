-- An URGENT or HIGH task emailed to its rep at once, for the reps who asked (instant_alerts, for the tasks raised or
-- changed since alerts_since): one alert per task (its id is the task's), sent through the delivery queue.
alter table digest_subscription add column instant_alerts boolean not null default false;
alter table digest_subscription add column alerts_since timestamptz;
create index digest_subscription_alerts on digest_subscription (owner) where instant_alerts;

create table task_alert (
    id                uuid primary key,
    owner             varchar(100) not null,
    address           varchar(320) not null,
    created_at        timestamptz  not null,
    delivery_status   varchar(10)  not null
        check (delivery_status in ('QUEUED', 'SENDING', 'SENT', 'BOUNCED', 'FAILED', 'CANCELLED')),
    delivery_attempts integer      not null default 0,
    next_delivery_at  timestamptz,
    sending_since     timestamptz,
    sent_at           timestamptz,
    delivery_error    varchar(500)
);
create index task_alert_due on task_alert (next_delivery_at) where delivery_status = 'QUEUED';
create index task_alert_sending on task_alert (sending_since) where delivery_status = 'SENDING';

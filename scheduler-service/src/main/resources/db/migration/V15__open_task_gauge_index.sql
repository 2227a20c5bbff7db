-- The open-task gauge counts open and snoozed tasks by kind and priority every 30 s on every replica. Without this
-- index the count read the whole task table, closed tasks included (0.75 s on 4.4 million tasks); with it, an
-- index-only scan of the open ones (0.16 s on the same table, 2.3 million of them open).
create index task_open_kind_priority on task (kind, priority) where status in ('OPEN', 'SNOOZED');

-- Priorities are stored by name; lists sort by urgency, so the rank is kept beside them, and indexed for the
-- most common listing (a rep's open tasks, most urgent first).
alter table task add column priority_rank smallint generated always as (
    case priority when 'URGENT' then 3 when 'HIGH' then 2 when 'NORMAL' then 1 else 0 end) stored;
create index task_owner_status_rank_due on task (owner, status, priority_rank desc, due_at);

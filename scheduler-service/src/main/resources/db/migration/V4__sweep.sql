-- When the sweep must look at a task again (a snooze ending, a task falling overdue); null when never.
-- The sweep reads only these rows, through this index.
alter table task add column sweep_at timestamptz;
create index task_sweep_at on task (sweep_at) where sweep_at is not null;
alter table task add column escalate_at timestamptz;

-- The cadence counts from the latest of: the contact's creation, its last touch-point, and the last time a rep
-- completed or dismissed its check-in (so closing a check-in without logging a touch-point schedules the next one).
-- The maximum interval is the longest a contact may go without a touch-point before an URGENT check-in is raised;
-- it arrives with the next snapshot of each contact projected before this column existed.
alter table contact_projection add column check_in_closed_at timestamptz;
alter table contact_projection add column check_in_max_interval_days integer;

-- One open (or snoozed) task per contact, kind and subject, checked when the transaction commits rather than at each
-- statement. A batch of events closes a contact's check-in and raises the next one in the same flush, and Hibernate
-- writes inserts before updates: checked per statement, the new task would collide with the old one that the same
-- flush is about to close. A partial unique index cannot be deferred; an exclusion constraint on equality can.
drop index task_one_open_per_subject;
alter table task add constraint task_one_open_per_subject
    exclude using btree (contact_id with =, kind with =, subject with =) where (status in ('OPEN', 'SNOOZED'))
    deferrable initially deferred;

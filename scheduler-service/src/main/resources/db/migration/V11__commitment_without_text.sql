-- Commitment events no longer carry what was promised (free text stays in interactions-service, where erasure
-- reaches it): the projection has nothing to keep in this column.
alter table commitment_projection drop column description;

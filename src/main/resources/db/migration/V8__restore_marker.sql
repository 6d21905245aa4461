-- A database restored from a backup says so: scripts/restore writes one row here (as the schema's owner), with the
-- backup's time and audit-chain head from its manifest. The service, on its next start, handles the row once (audits
-- the restore, runs retention, holds every running deployment: docs/OPERATIONS.md "Backup and restore") and sets
-- handled_at. "if not exists": scripts/restore creates the same table in a backup taken before this migration.
create table if not exists restore_marker (
    id               bigserial primary key,
    backup_file      varchar(500),
    backup_taken_at  timestamptz  not null,
    restored_at      timestamptz  not null,
    schema_version   varchar(50),
    head_seq         bigint,
    head_hash        varchar(64),
    head_at          timestamptz,
    handled_at       timestamptz
);
-- The service reads the marker and marks it handled, nothing more: what the backup was (its time and chain head)
-- cannot be rewritten with the service's credentials.
-- (V4's default privileges gave it every data right on new tables: taken back here.)
revoke insert, update, delete, truncate on restore_marker from "${app_role}";
grant select, update (handled_at) on restore_marker to "${app_role}";

-- Why a deployment is held PAUSED by the service itself ("restored from backup"): only a supervisor may resume or
-- stop it, with a reason.
alter table deployment add column hold_reason varchar(200);

-- The schema belongs to the role that runs these migrations; the service itself runs as ${app_role} with data rights
-- only: it can create no table, alter none, and never update, delete or truncate the audit trail — so the append-only
-- trigger is not its to disable either (only the owner may). Where one role does both (a single-role install), the
-- revoke below still takes those rights on the audit trail away from it.
grant usage on schema public to "${app_role}";
grant select, insert, update, delete on all tables in schema public to "${app_role}";
grant usage, select on all sequences in schema public to "${app_role}";
revoke update, delete, truncate on audit_event from "${app_role}";
-- Tables of later migrations get the same data rights (the audit revoke above stays as it is).
alter default privileges in schema public grant select, insert, update, delete on tables to "${app_role}";
alter default privileges in schema public grant usage, select on sequences to "${app_role}";

-- No query can use these: every search is filtered by deployment, which rules the approximate index out (exact
-- search over a bespoke list is fast: docs/PERFORMANCE.md). They only slowed enrolment down.
drop index if exists enrolment_embedding_hnsw_512;
drop index if exists enrolment_embedding_hnsw_640;

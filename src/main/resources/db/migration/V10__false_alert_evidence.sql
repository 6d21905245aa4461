-- Issue #22, evidence in operation (docs/GOVERNANCE.md, "Expected and observed false alerts").
-- Before: the footfall the drafter expects (faces an hour, optional), from which the deployment states its expected
-- false alerts. During: the live check of observed false alerts against the calibrated rate — the last count it was
-- told, the counts it restarts from after a supervisor resumes a deployment it paused, and when it found the excess.
alter table deployment add column expected_faces_per_hour integer check (expected_faces_per_hour > 0);
alter table deployment add column false_alerts_observed bigint not null default 0;
alter table deployment add column false_alert_check_from_alerts bigint not null default 0;
alter table deployment add column false_alert_check_from_faces bigint not null default 0;
alter table deployment add column false_alert_excess_at timestamptz;
-- After: the published record names who published it by role (a configured label), never by username.
alter table deployment_record add column published_by_role varchar(200);
-- Records published before this column existed were published by a supervisor (only a supervisor publishes); they
-- carry the default label (lfr.records.role-labels.supervisor), so that no published record reads "by null".
update deployment_record set published_by_role = 'Supervisor' where published_at is not null and published_by_role is null;

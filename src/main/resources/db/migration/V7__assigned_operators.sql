-- Who operates a deployment is an explicit, audited assignment (assignOperators), no longer "whoever drafted or
-- started it": starting an authorised deployment made any officer of the force its operator, with its alerts, crops
-- and watchlist images. Existing deployments keep their drafter only: an officer who became an operator by starting
-- someone else's deployment may have used exactly that side door, so a supervisor assigns them again (audited).
alter table deployment add column operators varchar(200)[] not null default '{}';
update deployment set operators = array[created_by];
-- "the deployments I operate" is the officer's everyday filter (alerts, deployment lists)
create index deployment_operators on deployment using gin (operators);

-- Credentials that a camera takes in its query string (?password=…, ?token=…) are kept apart from the URL like
-- user-info ones: never shown, never logged, put back only when the stream is opened.
alter table camera add column stream_query_secrets varchar(2000);

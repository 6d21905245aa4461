-- A trustworthy alert path (docs/RELIABILITY.md).

-- Alerts are numbered in the order they are committed on this database: the cursor a client catches up from.
alter table alert add column seq bigserial;
create unique index alert_seq on alert (seq);
-- One alert per camera worker run, track and watchlist entry, however often its commit is retried after a fault.
alter table alert add column idempotency_key varchar(200);
create unique index alert_idempotency on alert (idempotency_key);
-- When it was committed (occurred_at is when its frame was seen): lets a replica catch up on missed notifications.
alter table alert add column recorded_at timestamptz not null default now();

-- Stream credentials live apart from the URL: never shown by any query, never logged.
alter table camera add column stream_credentials varchar(500);
-- A push camera's own device: the OIDC client (service account) allowed to push its frames.
alter table camera add column device_client_id varchar(200);

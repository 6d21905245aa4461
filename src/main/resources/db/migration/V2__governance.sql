-- Governance: deployments and everything that must exist before one may start, alerts, records, audit.
-- Foreign keys are plain uuid columns mapped as ids (no ORM associations), so every load is explicit.

create table deployment (
    id                          uuid primary key,
    reference                   varchar(64)   not null unique,
    purpose                     varchar(2000) not null,
    location_name               varchar(200)  not null,
    latitude                    double precision not null,
    longitude                   double precision not null,
    area_description            varchar(2000) not null,
    location_rationale          varchar(4000) not null,
    planned_start               timestamptz   not null,
    planned_end                 timestamptz   not null,
    dpia_reference              varchar(100)  not null,
    equality_impact_reference   varchar(100)  not null,
    match_threshold             double precision not null,
    status                      varchar(20)   not null,
    created_by                  varchar(200)  not null,
    created_at                  timestamptz   not null,
    submitted_by                varchar(200),
    submitted_at                timestamptz,
    authorised_by               varchar(200),
    authorised_at               timestamptz,
    notice_exemption_reason     varchar(2000),
    decision_reason             varchar(2000),
    started_by                  varchar(200),
    started_at                  timestamptz,
    ended_at                    timestamptz,
    faces_processed             bigint        not null default 0,
    version                     integer       not null default 0,
    constraint deployment_window check (planned_end > planned_start)
);
create index deployment_status on deployment (status);

create table camera (
    id                    uuid primary key,
    deployment_id         uuid not null references deployment (id) on delete cascade,
    name                  varchar(100)  not null,
    stream_url            varchar(2000),
    push_mode             boolean       not null,
    position_description  varchar(1000) not null,
    unique (deployment_id, name)
);

create table watchlist (
    deployment_id   uuid primary key references deployment (id) on delete cascade,
    approved_by     varchar(200),
    approved_at     timestamptz,
    frozen_at       timestamptz,
    purged_at       timestamptz
);

create table watchlist_entry (
    id                   uuid primary key,
    deployment_id        uuid not null references deployment (id) on delete cascade,
    subject_reference    varchar(100)  not null,
    category             varchar(40)   not null,
    legal_basis          varchar(1000) not null,
    image_source         varchar(500)  not null,
    image_date           date          not null,
    justification        varchar(4000) not null,
    subject_under_18     boolean       not null,
    override_reason      varchar(2000),
    override_by          varchar(200),
    override_at          timestamptz,
    added_by             varchar(200)  not null,
    added_at             timestamptz   not null,
    image_purged_at      timestamptz,
    unique (deployment_id, subject_reference)
);

-- Biometric data lives in tables of its own: never loaded with the metadata, purged by deleting rows.
create table enrolment_image (
    watchlist_entry_id  uuid primary key references watchlist_entry (id) on delete cascade,
    content             bytea       not null,
    content_type        varchar(50) not null,
    uploaded_by         varchar(200) not null,
    uploaded_at         timestamptz not null
);

-- Embeddings stored before entries existed belong to no one: they may not be kept.
delete from enrolment_embedding;
alter table enrolment_embedding
    add constraint enrolment_embedding_entry foreign key (watchlist_entry_id)
        references watchlist_entry (id) on delete cascade;

create table community_notice (
    id                  uuid primary key,
    deployment_id       uuid not null references deployment (id) on delete cascade,
    channels            varchar(200)  not null,
    area                varchar(1000) not null,
    text                varchar(8000) not null,
    consultation_notes  varchar(8000),
    published_by        varchar(200)  not null,
    published_at        timestamptz   not null
);

create table signage (
    id                  uuid primary key,
    camera_id           uuid not null references camera (id) on delete cascade,
    deployment_id       uuid not null references deployment (id) on delete cascade,
    sign_text_version   varchar(50)  not null,
    photo_reference     varchar(500),
    placed_by           varchar(200) not null,
    placed_at           timestamptz  not null,
    removed_by          varchar(200),
    removed_at          timestamptz
);

create table leaflet_distribution (
    id              uuid primary key,
    deployment_id   uuid not null references deployment (id) on delete cascade,
    count           integer      not null check (count > 0),
    handed_out_by   varchar(200) not null,
    handed_out_at   timestamptz  not null
);

create table alert (
    id                  uuid primary key,
    deployment_id       uuid not null references deployment (id) on delete cascade,
    camera_id           uuid not null references camera (id) on delete cascade,
    watchlist_entry_id  uuid not null,
    occurred_at         timestamptz      not null,
    similarity          double precision not null,
    adjudication        varchar(20),
    adjudicated_by      varchar(200),
    adjudicated_at      timestamptz,
    outcome             varchar(30),
    outcome_notes       varchar(4000),
    legal_hold_reason   varchar(2000),
    legal_hold_by       varchar(200),
    legal_hold_at       timestamptz,
    version             integer not null default 0
);
create table alert_crop (
    alert_id      uuid primary key references alert (id) on delete cascade,
    content       bytea       not null,
    content_type  varchar(50) not null
);
create index alert_deployment on alert (deployment_id, occurred_at);
create index alert_retention on alert (occurred_at) where legal_hold_reason is null;

create table deployment_record (
    deployment_id   uuid primary key references deployment (id) on delete cascade,
    generated_at    timestamptz not null,
    content         text        not null,
    published_by    varchar(200),
    published_at    timestamptz
);

create table purge_log (
    id              uuid primary key,
    kind            varchar(40)  not null,
    deployment_id   uuid,
    items           integer      not null,
    purged_at       timestamptz  not null,
    triggered_by    varchar(200) not null
);

-- Append-only, hash-chained. No biometric content ever goes in here.
create table audit_event (
    seq            bigserial primary key,
    id             uuid         not null unique,
    occurred_at    timestamptz  not null,
    actor          varchar(200) not null,
    action         varchar(80)  not null,
    subject_type   varchar(40)  not null,
    subject_id     varchar(100),
    details        text         not null,
    prev_hash      varchar(64)  not null,
    hash           varchar(64)  not null
);

-- Defence in depth: the service never updates or deletes audit events. (A DBA can still disable this, which
-- is exactly what the hash chain then reveals.)
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end;
$$;
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_event_append_only();

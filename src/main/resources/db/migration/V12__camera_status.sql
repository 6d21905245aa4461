-- What each camera is doing, written every couple of seconds by the replica that analyses it (the one holding its
-- claim), so that whichever replica answers shows the camera's real state and counters, and how old the report is:
-- a report that stops coming (its replica died) reads as stale, not as live. Operational state only: no image, no
-- face, nothing of a passer-by. A row goes with its camera.
create table camera_status (
    camera_id       uuid primary key references camera (id) on delete cascade,
    state           varchar(20)      not null,
    problem         varchar(1000),
    analysed_fps    double precision not null,
    dropped_frames  bigint           not null,
    reconnects      bigint           not null,
    last_frame_at   timestamptz,
    replica         varchar(200)     not null,
    instance        uuid             not null,
    reported_at     timestamptz      not null
);

-- Training jobs: one row per POST /v1/training-jobs, kept after they finish so their results can be read back.
-- Plain SQL that runs unchanged on PostgreSQL and on H2 in PostgreSQL mode (no reserved words as names).
-- settings and metrics hold small JSON documents as text. owner names the host whose process accepted and runs
-- the job; that process touches heartbeat_at while the job is unfinished, so a job whose process died is recognised
-- (by its own host on restart, by any replica once the heartbeat is stale) and failed instead of running forever.

create table training_job (
    id                varchar(36) primary key,
    status            varchar(16) not null,
    settings          varchar(2000) not null,
    progress          double precision default 0 not null,
    epoch             integer default 0 not null,
    epochs            integer not null,
    loss              double precision,
    metrics           varchar(4000),
    seconds_left      double precision,
    model_version     varchar(200),
    activated         boolean default false not null,
    activation_rule   varchar(40),
    activation_reason varchar(1000),
    error             varchar(2000),
    cancel_requested  boolean default false not null,
    owner             varchar(200),
    heartbeat_at      timestamp with time zone,
    created_at        timestamp with time zone not null,
    started_at        timestamp with time zone,
    finished_at       timestamp with time zone
);
create index training_job_by_created on training_job (created_at);
create index training_job_by_status on training_job (status);

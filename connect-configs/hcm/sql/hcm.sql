-- HCM (source domain): Compensation and Benefits owns employees' pay; Time and Attendance records timecard swipes.
-- Commands change these tables and write an outbox row in the same transaction.
create schema hr;

create table hr.employees (
    id                 bigint primary key,
    employee_no        text not null unique,
    full_name          text not null,
    national_id        text not null,
    salary_grade       text not null,
    hourly_rate        numeric(8,2) not null,
    benefits_plan      text,
    bank_account       text not null,
    medical_notes      text,
    performance_rating integer,
    hired_on           date not null,
    contract_signed_at timestamptz not null,
    fte_ratio          numeric not null
);
alter table hr.employees replica identity full;

create table hr.timecard_swipes (
    id          bigint primary key,
    employee_id bigint not null references hr.employees (id),
    swiped_in   timestamptz not null,
    swiped_out  timestamptz not null,
    minutes     integer not null,
    terminal    text not null
);

create table hr.outbox (
    event_id        uuid        primary key,
    aggregate_type  text        not null,
    aggregate_id    text        not null,
    event_type      text        not null,
    command_id      uuid,
    correlation_id  uuid,
    causation_id    uuid,
    occurred_at     timestamptz not null default now(),
    schema_version  integer     not null default 1,
    payload         jsonb       not null
);

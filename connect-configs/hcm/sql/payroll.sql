-- Payroll (consumer): its own copy of what it may know about employees, and the hours it pays.
create table payroll_employees (
    employee_ref   bigint primary key,
    payroll_no     varchar(20) not null,
    grade          varchar(10) not null,
    rate_per_hour  numeric(8,2) not null,
    benefits       varchar(40),
    tax_ref        char(64) not null,           -- pseudonym of the national id (HMAC-SHA-256)
    hired_on       date,
    contract_signed_at timestamptz,
    fte_ratio      numeric
);

create table worked_hours (
    employee_ref   bigint primary key,
    worked_minutes bigint not null,             -- accumulated from TimecardSwiped events
    swipes         integer not null,
    last_swipe_at  timestamptz not null
);

create table rate_changes (
    event_id       varchar(36) primary key,
    employee_ref   bigint not null,
    rate_per_hour  numeric(8,2) not null,
    effective_at   timestamptz not null
);

-- Core Banking (source domain). Commands open accounts and post transactions; each writes an outbox row in the
-- same transaction.
create schema banking;

create table banking.accounts (
    id              bigint primary key,
    account_no      text not null unique,
    iban            text not null,
    holder_name     text not null,
    holder_ssn      text not null,
    currency        char(3) not null,
    balance         numeric(14,2) not null,
    overdraft_limit numeric(14,2) not null,
    risk_score      integer,
    internal_notes  text,
    opened_on       date not null,
    opened_at       timestamptz not null,
    interest_rate   numeric not null
);
alter table banking.accounts replica identity full;

create table banking.transactions (
    id                bigint primary key,
    account_id        bigint not null references banking.accounts (id),
    amount            numeric(14,2) not null,
    counterparty_iban text,
    description       text,
    posted_at         timestamptz not null
);

create table banking.outbox (
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

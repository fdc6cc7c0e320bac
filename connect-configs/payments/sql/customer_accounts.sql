-- Customer Accounts (source domain): cards, authorization requests and end-of-day settlements. Commands change these
-- tables and write an outbox row in the same transaction.
create schema cards;

create table cards.cards (
    id              bigint primary key,
    customer_id     bigint not null,
    card_number     text not null,
    expiry          char(5) not null,           -- MM/YY
    cvv             char(3) not null,            -- never leaves Customer Accounts
    holder_name     text not null,
    billing_address text not null,
    credit_limit    numeric(12,2) not null,
    status          text not null,
    issued_on       date not null,
    activated_at    timestamptz not null,
    risk_weight     numeric not null
);
alter table cards.cards replica identity full;

create table cards.authorizations (
    id           bigint primary key,
    card_id      bigint not null references cards.cards (id),
    amount       numeric(12,2) not null,
    merchant     text not null,
    requested_at timestamptz not null
);

create table cards.settlements (
    business_date     date primary key,
    transaction_count integer not null,
    total_amount      numeric(14,2) not null,
    closed_at         timestamptz not null
);

create table cards.outbox (
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

-- Logistics (source domain). Commands change packages and write an outbox row in the same transaction.
create schema shipping;

create table shipping.packages (
    id              bigint primary key,
    tracking_code   text not null,
    status          text not null,
    location        text,
    weight_grams    integer not null,
    recipient_name  text not null,
    recipient_email text not null,
    recipient_phone text,
    delivered_on    date,
    internal_cost   numeric(10,2) not null,
    customs_notes   text,
    registered_on   date not null,
    registered_at   timestamptz not null,
    declared_value  numeric not null
);
-- Deletes and updates carry the whole old row, so the boundary can filter 'before' too.
alter table shipping.packages replica identity full;

-- Not in any contract: DomainBoundary drops its records.
create table shipping.carrier_rates (carrier text primary key, rate_cents integer not null);

-- The standard outbox table (see the README's CommandEventEnvelope section).
create table shipping.outbox (
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

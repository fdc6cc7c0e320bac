-- Reconciliation (consumer): what each day's statements must add up to.
create table expected_days (
    day            date primary key,
    expected_count integer not null,
    expected_total numeric(14,2) not null,
    source_event   varchar(36) not null unique
);

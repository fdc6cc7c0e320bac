-- Settlement (consumer): the end-of-day batches it settles.
create table settlement_batches (
    business_date date primary key,
    tx_count      integer not null,
    amount_total  numeric(14,2) not null,
    closed_at     timestamptz not null
);

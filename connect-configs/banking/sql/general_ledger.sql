-- General Ledger (consumer): one ledger entry per posted transaction.
create table ledger_entries (
    entry_ref     bigint primary key,            -- the Core Banking transaction id
    account_ref   bigint not null,
    amount        numeric(14,2) not null,
    currency      char(3) not null,
    posted_at     timestamptz not null,
    source_event  varchar(36) not null unique
);

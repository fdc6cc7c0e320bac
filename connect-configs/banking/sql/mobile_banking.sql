-- Mobile Banking (consumer): the account overview the app shows, replicated from Core Banking.
create table account_overview (
    account_id        bigint primary key,
    account_number    varchar(20) not null,
    iban              varchar(34) not null,
    currency          char(3) not null,
    available_balance numeric(14,2) not null,
    customer_ref      char(64) not null,         -- pseudonym of the holder's social security number
    opened_on         date,
    opened_at         timestamptz,
    interest_rate     numeric
);

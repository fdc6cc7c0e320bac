-- Investment Management (consumer): the cash balance of each customer's portfolio.
create table portfolio_balances (
    account_ref   bigint primary key,
    cash_balance  numeric(14,2) not null,
    currency      char(3) not null,
    as_of         timestamptz not null
);

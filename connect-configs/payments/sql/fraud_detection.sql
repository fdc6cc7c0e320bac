-- Fraud Detection (consumer): a card lookup without card numbers, and what it screens.
create table card_lookup (
    card_id      bigint primary key,
    card_token   char(64) not null,             -- pseudonym of the card number (HMAC-SHA-256)
    expires      char(5) not null,
    card_state   varchar(12) not null,
    customer_ref bigint not null,
    issued_on    date,
    activated_at timestamptz,
    risk_weight  numeric
);

create table card_change_log (
    event_id     varchar(36) primary key,
    card_id      bigint not null,
    expires      char(5) not null,
    changed_at   timestamptz not null
);

create table authorization_checks (
    authorization_id bigint primary key,
    card_id          bigint not null,
    amount           numeric(12,2) not null,
    merchant         varchar(60) not null,
    requested_at     timestamptz not null
);

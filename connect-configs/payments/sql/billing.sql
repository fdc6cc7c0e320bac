-- Billing (consumer): the card details it bills against.
create table billing_cards (
    card_id        bigint primary key,
    expires        char(5) not null,
    card_state     varchar(12) not null,
    detail_changes integer not null,
    last_change_at timestamptz not null
);

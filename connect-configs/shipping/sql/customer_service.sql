-- Customer Service (consumer): a read model of Logistics' packages in its own vocabulary.
create table package_lookup (
    package_id      bigint primary key,
    tracking_no     varchar(32) not null,
    package_state   varchar(20) not null,
    whereabouts     varchar(100),
    weight_grams    integer not null,
    recipient_ref   char(64) not null,     -- pseudonym of the recipient's e-mail address (HMAC-SHA-256)
    registered_on   date,
    registered_at   timestamptz,
    declared_value  numeric
);

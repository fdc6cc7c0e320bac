-- Customer Tracking (consumer): the shipment status it shows to customers.
create table shipments (
    package_no      bigint primary key,
    tracking_code   varchar(32),
    shipment_status varchar(20) not null,
    last_location   varchar(100),
    last_update     timestamptz not null
);

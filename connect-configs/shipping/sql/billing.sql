-- Billing (consumer): the delivery status it invoices on, kept from PackageStatusChanged events.
create table delivery_status (
    shipment_id     bigint primary key,
    billing_status  varchar(20) not null,
    status_since    timestamptz not null,
    status_events   integer not null       -- how many status changes were applied
);

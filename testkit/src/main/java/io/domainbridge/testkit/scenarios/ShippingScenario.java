package io.domainbridge.testkit.scenarios;

import io.domainbridge.testkit.scenarios.Command.Statement;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Logistics registers and moves packages. Customer Service keeps a read model of the packages (replicated through
 * the contract); Billing keeps each package's delivery status and Customer Tracking its shipment status, both from
 * the outbox events.
 */
public final class ShippingScenario implements Scenario {

    private static final List<String> HUBS = List.of("Hub Utrecht", "Hub Antwerp", "Hub Cologne", "Hub Lille");
    private static final List<String> DEPOTS = List.of("Depot Rotterdam", "Depot Eindhoven", "Depot Ghent");

    private final OutboxEvents events = new OutboxEvents("package");
    private final Map<Long, String> statusById = new LinkedHashMap<>();

    @Override
    public String name() {
        return "shipping";
    }

    @Override
    public List<String> domains() {
        return List.of("logistics", "customer_service", "billing", "customer_tracking");
    }

    @Override
    public List<String> connectors() {
        return List.of(
                "logistics-packages-source",
                "logistics-outbox-source",
                "customer-service-sink",
                "billing-sink",
                "customer-tracking-sink");
    }

    @Override
    public String outboxTable() {
        return "shipping.outbox";
    }

    @Override
    public Command command(int index, Random random) {
        List<Long> movable = new ArrayList<>();
        statusById.forEach((id, status) -> {
            if (!status.equals("DELIVERED")) {
                movable.add(id);
            }
        });
        events.tick(random);
        return movable.size() < 5 || random.nextInt(5) == 0
                ? register(statusById.size() + 1L, random)
                : move(movable.get(random.nextInt(movable.size())), random);
    }

    private Command register(long id, Random random) {
        statusById.put(id, "REGISTERED");
        int weight = 100 + random.nextInt(20_000);
        String carrier = "carrier-" + random.nextInt(3);
        return Command.of(
                events.event(
                        "PackageRegistered", id, "packageId", id, "trackingCode", "LX-" + id, "weightGrams", weight),
                new Statement(
                        "insert into shipping.packages (id, tracking_code, status, location, weight_grams,"
                                + " recipient_name, recipient_email, recipient_phone, internal_cost, customs_notes, registered_on,"
                                + " registered_at, declared_value)"
                                + " values (?, ?, 'REGISTERED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        id,
                        "LX-" + id,
                        DEPOTS.get(random.nextInt(DEPOTS.size())),
                        weight,
                        "Recipient Nr " + id,
                        "recipient" + id + "@example.org",
                        random.nextBoolean() ? "+31 6 5550 " + id : null,
                        new BigDecimal(random.nextInt(100_000)).movePointLeft(2),
                        random.nextBoolean() ? "customs: fragile item " + id : null,
                        SourceValues.day(random),
                        SourceValues.instant(random),
                        SourceValues.anyScale(random)),
                new Statement(
                        "insert into shipping.carrier_rates values (?, ?) on conflict (carrier)"
                                + " do update set rate_cents = excluded.rate_cents",
                        carrier,
                        random.nextInt(5000)));
    }

    private Command move(long id, Random random) {
        String status = next(statusById.get(id), random);
        statusById.put(id, status);
        String location = status.equals("DELIVERED") ? "Recipient address" : HUBS.get(random.nextInt(HUBS.size()));
        Date deliveredOn = status.equals("DELIVERED")
                ? Date.valueOf(events.now().atZone(ZoneOffset.UTC).toLocalDate())
                : null;
        return Command.of(
                events.event(
                        "PackageStatusChanged",
                        id,
                        "packageId",
                        id,
                        "status",
                        status,
                        "location",
                        location,
                        "changedAt",
                        events.now().toString()),
                new Statement(
                        "update shipping.packages set status = ?, location = ?, delivered_on = ? where id = ?",
                        status,
                        location,
                        deliveredOn,
                        id));
    }

    private static String next(String status, Random random) {
        return switch (status) {
            case "REGISTERED" -> "IN_TRANSIT";
            case "IN_TRANSIT" -> random.nextBoolean() ? "IN_TRANSIT" : "OUT_FOR_DELIVERY";
            default -> "DELIVERED";
        };
    }

    @Override
    public List<ConsistencyCheck> checks(String pseudonymizeKey) {
        String statusChanges = "from shipping.outbox o where o.aggregate_id = p.id::text"
                + " and o.event_type = 'PackageStatusChanged'";
        return List.of(
                new ConsistencyCheck(
                        "Customer Service read model = packages through the contract",
                        "customer_service",
                        "select package_id, tracking_no, package_state, whereabouts, weight_grams, recipient_ref,"
                                + " registered_on, registered_at, trim_scale(declared_value) from package_lookup order by package_id",
                        "select id, tracking_code, status, location, weight_grams,"
                                + " encode(hmac(recipient_email, '" + pseudonymizeKey + "', 'sha256'), 'hex')"
                                + ", registered_on, registered_at, trim_scale(declared_value) from shipping.packages order by id"),
                new ConsistencyCheck(
                        "Billing delivery status = latest status and number of status changes",
                        "billing",
                        "select shipment_id, billing_status, status_since, status_events from delivery_status"
                                + " order by shipment_id",
                        "select p.id, p.status, max(o.occurred_at), count(*) from shipping.packages p"
                                + " join shipping.outbox o on o.aggregate_id = p.id::text"
                                + " and o.event_type = 'PackageStatusChanged' group by p.id, p.status order by p.id"),
                new ConsistencyCheck(
                        "Customer Tracking shipments = packages with their latest event",
                        "customer_tracking",
                        "select package_no, tracking_code, shipment_status, last_location, last_update"
                                + " from shipments order by package_no",
                        "select p.id, p.tracking_code, p.status,"
                                + " (select o.payload->>'location' " + statusChanges
                                + " order by o.occurred_at desc limit 1),"
                                + " (select max(o.occurred_at) from shipping.outbox o"
                                + " where o.aggregate_id = p.id::text)"
                                + " from shipping.packages p order by p.id"),
                inbox("billing", "where event_type = 'PackageStatusChanged'"),
                inbox("customer_tracking", ""));
    }

    private static ConsistencyCheck inbox(String domain, String where) {
        return new ConsistencyCheck(
                domain + " inbox holds each of its events once",
                domain,
                "select event_id from domainbridge_inbox where consumer = '" + domain.replace('_', '-')
                        + "' order by 1",
                "select event_id::text from shipping.outbox " + where + " order by 1");
    }

    @Override
    public String confidentialValuesQuery() {
        return "select recipient_name from shipping.packages union select recipient_email from shipping.packages"
                + " union select recipient_phone from shipping.packages where recipient_phone is not null"
                + " union select customs_notes from shipping.packages where customs_notes is not null";
    }
}

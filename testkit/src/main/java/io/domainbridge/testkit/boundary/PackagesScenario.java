package io.domainbridge.testkit.boundary;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domainbridge.testkit.rig.PostgresDatabase;
import io.domainbridge.testkit.rig.SecretFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Logistics domain shares package locations with Customer Service: the connector JSON of
 * {@code connect-configs/shipping} captures {@code shipping.packages} with Debezium and lets only the contract's
 * columns leave. The scenario seeds packages, then drifts the schema (a column the contract never heard of), moves,
 * delivers and deletes packages, and writes to a table the contract does not list. It keeps the source state, so the
 * expected output can be derived from it.
 */
public final class PackagesScenario {

    public static final String CONNECTOR_JSON = "shipping/logistics-packages-source.json";
    public static final String TABLE = "shipping.packages";
    public static final String UNLISTED_TABLE = "shipping.carrier_rates";
    public static final String DRIFTED_COLUMN = "courier_notes";
    public static final String SECRET_MARK = "TOP-SECRET";

    /** Every change the scenario makes to {@code shipping.packages}, in commit order. */
    public record Change(String op, Package before, Package after) {}

    private final PostgresDatabase database;
    private final String topicPrefix;
    private final String slot;
    private final String pseudonymizeKey;
    private final Map<Long, Package> state = new LinkedHashMap<>();
    private final List<Change> changes = new ArrayList<>();

    public PackagesScenario(PostgresDatabase database) {
        this(database, UUID.randomUUID() + "-" + UUID.randomUUID());
    }

    /** A scenario whose pseudonyms are made with the given key. */
    public PackagesScenario(PostgresDatabase database, String pseudonymizeKey) {
        this.database = database;
        this.pseudonymizeKey = pseudonymizeKey;
        this.slot = PostgresDatabase.uniqueName("slot");
        this.topicPrefix = database.name();
    }

    public String topic() {
        return topicPrefix + "." + TABLE;
    }

    public String unlistedTopic() {
        return topicPrefix + "." + UNLISTED_TABLE;
    }

    public String pseudonymizeKey() {
        return pseudonymizeKey;
    }

    public List<Change> changes() {
        return List.copyOf(changes);
    }

    /** The source domain's tables and the packages that exist before the connector starts. */
    public void createSourceDomain() {
        database.inTransaction(
                "create schema shipping",
                "create table shipping.packages (id bigint primary key, tracking_code text not null,"
                        + " status text not null, location text, weight_grams integer not null,"
                        + " recipient_name text not null, recipient_email text not null, recipient_phone text,"
                        + " delivered_on date, internal_cost numeric(10,2) not null, customs_notes text)",
                "alter table shipping.packages replica identity full",
                "create table shipping.carrier_rates (carrier text primary key, rate_cents integer not null)");
        insert(new Package(
                1,
                "LX-1001",
                "REGISTERED",
                "Depot Rotterdam",
                1200,
                "Alice Jansen",
                "alice@example.com",
                "+31 6 1111 1111",
                null,
                new BigDecimal("12.34"),
                SECRET_MARK + " customs 1"));
        insert(new Package(
                2,
                "LX-1002",
                "REGISTERED",
                "Depot Rotterdam",
                5400,
                "Bram de Vries",
                "bram@example.com",
                null,
                null,
                new BigDecimal("48.00"),
                null));
        insert(new Package(
                3,
                "LX-1003",
                "REGISTERED",
                "Depot Eindhoven",
                800,
                "Chen Li",
                "chen@example.com",
                "+31 6 3333 3333",
                LocalDate.of(2026, 1, 15),
                new BigDecimal("7.10"),
                SECRET_MARK + " customs 3"));
    }

    /** The example connector JSON with this run's database, slot, topic prefix and key filled in. */
    public Map<String, String> connectorConfig(Path connectConfigs) {
        Map<String, String> config = readJson(connectConfigs.resolve(CONNECTOR_JSON));
        config.put("database.hostname", database.host());
        config.put("database.port", Integer.toString(database.port()));
        config.put("database.user", database.user());
        config.put("database.password", database.password());
        config.put("database.dbname", database.name());
        config.put("slot.name", slot);
        config.put("publication.name", slot);
        config.put("topic.prefix", topicPrefix);
        config.put(
                "transforms.boundary.pseudonymize.key.file",
                SecretFile.write("pseudonymize-key", pseudonymizeKey).toString());
        return config;
    }

    /** Commands in the source domain after the snapshot: drift, moves, a delivery, a deletion, unlisted writes. */
    public void runCommands() {
        database.inTransaction("alter table shipping.packages add column " + DRIFTED_COLUMN + " text");
        database.inTransaction("update shipping.packages set status = 'IN_TRANSIT', location = 'Hub Utrecht', "
                + DRIFTED_COLUMN + " = '" + SECRET_MARK + " drift' where id in (1, 2)");
        recordUpdate(1, state.get(1L).moved("IN_TRANSIT", "Hub Utrecht"));
        recordUpdate(2, state.get(2L).moved("IN_TRANSIT", "Hub Utrecht"));
        database.inTransaction("insert into shipping.carrier_rates values ('" + SECRET_MARK + " carrier', 990)");
        LocalDate today = LocalDate.of(2026, 11, 27);
        database.inTransaction(
                "update shipping.packages set status = 'DELIVERED', delivered_on = date '" + today + "' where id = 1");
        recordUpdate(1, state.get(1L).delivered(today));
        database.inTransaction("delete from shipping.packages where id = 3");
        changes.add(new Change("d", state.remove(3L), null));
    }

    /** Columns of {@code shipping.packages} as the source database now has them. */
    public List<String> sourceColumns() {
        return database.column("select column_name from information_schema.columns where table_schema = 'shipping'"
                + " and table_name = 'packages' order by ordinal_position");
    }

    private void insert(Package p) {
        database.inTransaction("insert into shipping.packages values (" + p.id() + ", '" + p.trackingCode() + "', '"
                + p.status() + "', '" + p.location() + "', " + p.weightGrams() + ", '" + p.recipientName() + "', '"
                + p.recipientEmail() + "', " + literal(p.recipientPhone()) + ", "
                + (p.deliveredOn() == null ? "null" : "date '" + p.deliveredOn() + "'") + ", " + p.internalCost()
                + ", " + literal(p.customsNotes()) + ")");
        state.put(p.id(), p);
        changes.add(new Change("r", null, p));
    }

    private void recordUpdate(long id, Package after) {
        changes.add(new Change("u", state.put(id, after), after));
    }

    private static String literal(String text) {
        return text == null ? "null" : "'" + text + "'";
    }

    private static LinkedHashMap<String, String> readJson(Path file) {
        try {
            return new ObjectMapper().readValue(Files.readString(file), new TypeReference<>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read connector JSON " + file, e);
        }
    }
}

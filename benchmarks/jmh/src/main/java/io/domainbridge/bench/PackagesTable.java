package io.domainbridge.bench;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * A 20-column {@code public.packages} table as Debezium's PostgreSQL connector would capture it with
 * {@code topic.prefix=dbserver}: flat rows and change events whose {@code before} and {@code after} share one row
 * schema instance, like the connector's own records.
 */
final class PackagesTable {

    static final String TOPIC = "dbserver.public.packages";
    static final String TABLE = "public.packages";

    /** The 10 of the 20 columns every benchmark keeps. */
    static final List<String> KEPT_COLUMNS = List.of(
            "id",
            "tracking_code",
            "status",
            "recipient_name",
            "recipient_email",
            "country",
            "weight_grams",
            "fragile",
            "declared_value",
            "updated_at");

    static final String MASKED_COLUMN = "recipient_email";
    static final String PSEUDONYMIZED_COLUMN = "recipient_name";

    private static final String SNAPSHOT_KINDS =
            "true,first,first_in_data_collection,last_in_data_collection,last,false,incremental";

    static final Schema KEY_SCHEMA = SchemaBuilder.struct()
            .name(TOPIC + ".Key")
            .field("id", Schema.INT64_SCHEMA)
            .build();

    static final Schema ROW_SCHEMA = SchemaBuilder.struct()
            .name(TOPIC + ".Value")
            .optional()
            .field("id", Schema.INT64_SCHEMA)
            .field("tracking_code", Schema.STRING_SCHEMA)
            .field("status", Schema.STRING_SCHEMA)
            .field("sender_name", Schema.STRING_SCHEMA)
            .field("sender_email", Schema.OPTIONAL_STRING_SCHEMA)
            .field("recipient_name", Schema.STRING_SCHEMA)
            .field("recipient_email", Schema.OPTIONAL_STRING_SCHEMA)
            .field("street", Schema.STRING_SCHEMA)
            .field("city", Schema.STRING_SCHEMA)
            .field("postal_code", Schema.STRING_SCHEMA)
            .field("country", Schema.STRING_SCHEMA)
            .field("weight_grams", Schema.INT32_SCHEMA)
            .field("parcel_count", Schema.INT32_SCHEMA)
            .field("fragile", Schema.BOOLEAN_SCHEMA)
            .field("insured", Schema.OPTIONAL_BOOLEAN_SCHEMA)
            .field("declared_value", Decimal.builder(2).build())
            .field("volume_litres", Schema.OPTIONAL_FLOAT64_SCHEMA)
            .field("notes", Schema.OPTIONAL_STRING_SCHEMA)
            .field("created_at", Timestamp.SCHEMA)
            .field("updated_at", Timestamp.builder().optional().build())
            .build();

    static final Schema SOURCE_SCHEMA = SchemaBuilder.struct()
            .name("io.debezium.connector.postgresql.Source")
            .field("version", Schema.STRING_SCHEMA)
            .field("connector", Schema.STRING_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.INT64_SCHEMA)
            .field(
                    "snapshot",
                    SchemaBuilder.string()
                            .optional()
                            .name("io.debezium.data.Enum")
                            .version(1)
                            .parameter("allowed", SNAPSHOT_KINDS)
                            .defaultValue("false")
                            .build())
            .field("db", Schema.STRING_SCHEMA)
            .field("sequence", Schema.OPTIONAL_STRING_SCHEMA)
            .field("ts_us", Schema.OPTIONAL_INT64_SCHEMA)
            .field("ts_ns", Schema.OPTIONAL_INT64_SCHEMA)
            .field("schema", Schema.STRING_SCHEMA)
            .field("table", Schema.STRING_SCHEMA)
            .field("txId", Schema.OPTIONAL_INT64_SCHEMA)
            .field("lsn", Schema.OPTIONAL_INT64_SCHEMA)
            .field("xmin", Schema.OPTIONAL_INT64_SCHEMA)
            .build();

    static final Schema TRANSACTION_SCHEMA = SchemaBuilder.struct()
            .name("event.block")
            .version(1)
            .optional()
            .field("id", Schema.STRING_SCHEMA)
            .field("total_order", Schema.INT64_SCHEMA)
            .field("data_collection_order", Schema.INT64_SCHEMA)
            .build();

    static final Schema ENVELOPE_SCHEMA = SchemaBuilder.struct()
            .name(TOPIC + ".Envelope")
            .version(2)
            .field("before", ROW_SCHEMA)
            .field("after", ROW_SCHEMA)
            .field("source", SOURCE_SCHEMA)
            .field("transaction", TRANSACTION_SCHEMA)
            .field("op", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
            .field("ts_us", Schema.OPTIONAL_INT64_SCHEMA)
            .field("ts_ns", Schema.OPTIONAL_INT64_SCHEMA)
            .build();

    private static final String[] STATUSES = {"created", "picked_up", "in_transit", "out_for_delivery", "delivered"};
    private static final String[] CITIES = {"Lisboa", "Porto", "Braga", "Coimbra", "Faro", "Aveiro", "Evora"};
    private static final String[] NAMES = {"Ana Silva", "Rui Costa", "Marta Sousa", "Joao Pereira", "Ines Lopes"};
    private static final long EPOCH_MILLIS = 1_790_000_000_000L;

    private PackagesTable() {}

    /** A flat row of package {@code id}, as a record of the table's topic. */
    static SourceRecord flatRecord(long id, Random random) {
        Struct row = row(id, 0, random);
        return new SourceRecord(
                Map.of("server", "dbserver"), Map.of("lsn", id), TOPIC, null, KEY_SCHEMA, key(id), row.schema(), row);
    }

    /** An update ({@code op=u}) of package {@code id}: its status moved on one step. */
    static SourceRecord updateEvent(long id, Random random) {
        long seed = random.nextLong();
        Struct before = row(id, 0, new Random(seed));
        Struct after = row(id, 1, new Random(seed));
        long tsMs = EPOCH_MILLIS + id * 1000L;
        Struct envelope = new Struct(ENVELOPE_SCHEMA)
                .put("before", before)
                .put("after", after)
                .put("source", source(id, tsMs))
                .put("op", "u")
                .put("ts_ms", tsMs + 12)
                .put("ts_us", (tsMs + 12) * 1000L)
                .put("ts_ns", (tsMs + 12) * 1_000_000L);
        return new SourceRecord(
                Map.of("server", "dbserver"),
                Map.of("lsn", 24_023_128L + id * 512),
                TOPIC,
                null,
                KEY_SCHEMA,
                key(id),
                ENVELOPE_SCHEMA,
                envelope);
    }

    private static Struct key(long id) {
        return new Struct(KEY_SCHEMA).put("id", id);
    }

    private static Struct row(long id, int step, Random random) {
        String name = NAMES[random.nextInt(NAMES.length)];
        long createdAt = EPOCH_MILLIS + id * 1000L - random.nextInt(86_400_000);
        int status = random.nextInt(STATUSES.length - 1) + step;
        boolean touched = random.nextBoolean();
        return new Struct(ROW_SCHEMA)
                .put("id", id)
                .put("tracking_code", "PT" + (100_000_000L + id * 7919L % 900_000_000L))
                .put("status", STATUSES[status])
                .put("sender_name", NAMES[random.nextInt(NAMES.length)] + " " + id)
                .put("sender_email", random.nextBoolean() ? "sender" + id + "@example.com" : null)
                .put("recipient_name", name + " " + (id % 97))
                .put("recipient_email", random.nextInt(4) == 0 ? null : "r" + id + "@example.org")
                .put("street", "Rua " + random.nextInt(400) + " n. " + random.nextInt(200))
                .put("city", CITIES[random.nextInt(CITIES.length)])
                .put("postal_code", String.format("%04d-%03d", 1000 + random.nextInt(9000), random.nextInt(1000)))
                .put("country", "PT")
                .put("weight_grams", 100 + random.nextInt(30_000))
                .put("parcel_count", 1 + random.nextInt(4))
                .put("fragile", random.nextBoolean())
                .put("insured", random.nextInt(3) == 0 ? null : random.nextBoolean())
                .put("declared_value", BigDecimal.valueOf(random.nextInt(500_000), 2))
                .put("volume_litres", random.nextBoolean() ? null : random.nextDouble() * 120)
                .put("notes", random.nextInt(5) == 0 ? "leave at the door" : null)
                .put("created_at", new java.util.Date(createdAt))
                .put(
                        "updated_at",
                        touched || step > 0 ? new java.util.Date(createdAt + 3_600_000L * (step + 1)) : null);
    }

    private static Struct source(long id, long tsMs) {
        return new Struct(SOURCE_SCHEMA)
                .put("version", "3.6.1.Final")
                .put("connector", "postgresql")
                .put("name", "dbserver")
                .put("ts_ms", tsMs)
                .put("snapshot", "false")
                .put("db", "logistics")
                .put("sequence", "[\"24023040\",\"" + (24_023_128L + id * 512) + "\"]")
                .put("ts_us", tsMs * 1000L)
                .put("ts_ns", tsMs * 1_000_000L)
                .put("schema", "public")
                .put("table", "packages")
                .put("txId", 780L + id)
                .put("lsn", 24_023_128L + id * 512)
                .put("xmin", null);
    }
}

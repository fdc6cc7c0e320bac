package io.domainbridge.bench;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Inserts into the standard outbox table {@code shipping.outbox} as Debezium's PostgreSQL connector emits them (op
 * "c"; uuid columns as {@code io.debezium.data.Uuid} text, {@code timestamptz} as {@code ZonedTimestamp} text,
 * {@code jsonb} as {@code io.debezium.data.Json} text). The shapes follow the transforms' test fixture
 * {@code OutboxTable}; all records share one schema instance, as records of one table do.
 */
final class OutboxChangeEvents {

    static final String DOMAIN = "logistics";
    static final String TOPIC = "logistics-outbox.shipping.outbox";
    static final String EVENT_TYPE = "PackageRegistered";
    static final int PAYLOAD_FIELDS = 10;
    static final String DATA_SCHEMAS = EVENT_TYPE + "@1{packageId:int64, weightGrams:int32, pieces:int32,"
            + " status:string, recipientName:string, city:string, declaredValue:decimal(10,2), fragile:boolean,"
            + " registeredAt:timestamp, dimensions:{lengthCm:int32, widthCm:int32, heightCm:int32}}";

    private static final String[] AGGREGATE_TYPES = {"package", "shipment"};
    private static final String[] STATUSES = {"REGISTERED", "LABELLED", "AWAITING_PICKUP", "HELD"};
    private static final String[] CITIES = {"Utrecht", "Rotterdam", "Den Haag", "Groningen", "Eindhoven", "Zwolle"};
    private static final String[] NAMES = {"A. de Vries", "B. Jansen", "C. Bakker", "D. Visser", "E. Smit"};
    private static final Instant START = Instant.parse("2026-03-01T08:00:00.000000Z");

    private static final Schema UUID_SCHEMA = named(SchemaBuilder.string(), "io.debezium.data.Uuid");
    private static final Schema OPTIONAL_UUID_SCHEMA = SchemaBuilder.string()
            .name("io.debezium.data.Uuid")
            .version(1)
            .optional()
            .build();
    private static final Schema KEY_SCHEMA = SchemaBuilder.struct()
            .name(TOPIC + ".Key")
            .field("event_id", UUID_SCHEMA)
            .build();
    private static final Schema ROW_SCHEMA = SchemaBuilder.struct()
            .name(TOPIC + ".Value")
            .optional()
            .field("event_id", UUID_SCHEMA)
            .field("aggregate_type", Schema.STRING_SCHEMA)
            .field("aggregate_id", Schema.STRING_SCHEMA)
            .field("event_type", Schema.STRING_SCHEMA)
            .field("command_id", OPTIONAL_UUID_SCHEMA)
            .field("correlation_id", OPTIONAL_UUID_SCHEMA)
            .field("causation_id", OPTIONAL_UUID_SCHEMA)
            .field("occurred_at", named(SchemaBuilder.string(), "io.debezium.time.ZonedTimestamp"))
            .field("schema_version", Schema.INT32_SCHEMA)
            .field("payload", named(SchemaBuilder.string(), "io.debezium.data.Json"))
            .build();
    private static final Schema SOURCE_SCHEMA = SchemaBuilder.struct()
            .name("io.debezium.connector.postgresql.Source")
            .field("version", Schema.STRING_SCHEMA)
            .field("connector", Schema.STRING_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.INT64_SCHEMA)
            .field("snapshot", Schema.OPTIONAL_STRING_SCHEMA)
            .field("db", Schema.STRING_SCHEMA)
            .field("schema", Schema.STRING_SCHEMA)
            .field("table", Schema.STRING_SCHEMA)
            .field("txId", Schema.OPTIONAL_INT64_SCHEMA)
            .field("lsn", Schema.OPTIONAL_INT64_SCHEMA)
            .build();
    private static final Schema VALUE_SCHEMA = SchemaBuilder.struct()
            .name(TOPIC + ".Envelope")
            .version(2)
            .field("before", ROW_SCHEMA)
            .field("after", ROW_SCHEMA)
            .field("source", SOURCE_SCHEMA)
            .field("op", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
            .build();

    private OutboxChangeEvents() {}

    /** {@code size} distinct inserts, the same for every call (fixed seed). */
    static SourceRecord[] pool(int size) {
        Random random = new Random(20_260_301L);
        SourceRecord[] records = new SourceRecord[size];
        for (int i = 0; i < size; i++) {
            records[i] = insert(i, random);
        }
        return records;
    }

    private static SourceRecord insert(int i, Random random) {
        Instant occurredAt = START.plus(i * 1_337_123L + random.nextInt(1000), ChronoUnit.MICROS);
        String eventId = uuid(random);
        String correlationId = uuid(random);
        Struct row = new Struct(ROW_SCHEMA)
                .put("event_id", eventId)
                .put("aggregate_type", AGGREGATE_TYPES[i % AGGREGATE_TYPES.length])
                .put("aggregate_id", Integer.toString(10_000 + i))
                .put("event_type", EVENT_TYPE)
                .put("command_id", uuid(random))
                .put("correlation_id", correlationId)
                .put("causation_id", i % 2 == 0 ? correlationId : uuid(random))
                .put("occurred_at", occurredAt.toString())
                .put("schema_version", 1)
                .put("payload", payload(i, random, occurredAt));
        long tsMs = occurredAt.toEpochMilli() + 40;
        Struct source = new Struct(SOURCE_SCHEMA)
                .put("version", "3.6.1.Final")
                .put("connector", "postgresql")
                .put("name", "logistics-outbox")
                .put("ts_ms", tsMs - 25)
                .put("snapshot", "false")
                .put("db", "logistics")
                .put("schema", "shipping")
                .put("table", "outbox")
                .put("txId", 5_521L + i)
                .put("lsn", 37_551_016L + 512L * i);
        Struct value = new Struct(VALUE_SCHEMA)
                .put("after", row)
                .put("source", source)
                .put("op", "c")
                .put("ts_ms", tsMs);
        Struct key = new Struct(KEY_SCHEMA).put("event_id", eventId);
        return new SourceRecord(
                Map.of("server", "logistics-outbox"),
                Map.of("lsn", 37_551_016L + 512L * i),
                TOPIC,
                0,
                KEY_SCHEMA,
                key,
                VALUE_SCHEMA,
                value,
                tsMs,
                new ConnectHeaders());
    }

    /** Ten fields: integers, strings, a decimal, a boolean, an ISO timestamp and a nested object. */
    private static String payload(int i, Random random, Instant occurredAt) {
        return "{\"packageId\": " + (4_200_000_000L + i)
                + ", \"weightGrams\": " + (150 + random.nextInt(30_000))
                + ", \"pieces\": " + (1 + random.nextInt(5))
                + ", \"status\": \"" + STATUSES[random.nextInt(STATUSES.length)]
                + "\", \"recipientName\": \"" + NAMES[random.nextInt(NAMES.length)]
                + "\", \"city\": \"" + CITIES[random.nextInt(CITIES.length)]
                + "\", \"declaredValue\": " + BigDecimal.valueOf(100 + random.nextInt(500_000), 2)
                + ", \"fragile\": " + random.nextBoolean()
                + ", \"registeredAt\": \"" + occurredAt.truncatedTo(ChronoUnit.SECONDS)
                + "\", \"dimensions\": {\"lengthCm\": " + (10 + random.nextInt(90))
                + ", \"widthCm\": " + (10 + random.nextInt(60))
                + ", \"heightCm\": " + (5 + random.nextInt(50)) + "}}";
    }

    private static String uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static Schema named(SchemaBuilder builder, String name) {
        return builder.name(name).version(1).build();
    }
}

package io.domainbridge.transforms;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Test fixture: the standard outbox table {@code shipping.outbox} of a Logistics domain as Debezium's PostgreSQL
 * connector emits it: change events, flat rows (as after {@code ExtractNewRecordState}) and schemaless maps.
 */
final class OutboxTable {

    static final String TOPIC = "logistics-outbox.shipping.outbox";
    static final String DOMAIN = "logistics";
    static final Map<String, ?> SOURCE_PARTITION = Map.of("server", "logistics-outbox");
    static final Map<String, ?> SOURCE_OFFSET = Map.of("lsn", 37_551_016L);
    static final long TIMESTAMP = 1_772_360_131_000L;

    static final String EVENT_ID = "0d6e7c52-3f0b-4d1e-9a6f-2b8c1f5e7a10";
    static final String AGGREGATE_TYPE = "package";
    static final String AGGREGATE_ID = "42";
    static final String EVENT_TYPE = "PackageStatusChanged";
    static final String COMMAND_ID = "6f1c2a9e-0b7d-4c35-8e21-5a9d3c7b1f04";
    static final String CORRELATION_ID = "9b2e4f61-7c3a-4d58-b1e0-8f6a2d9c3e75";
    static final String CAUSATION_ID = "3c8d1a7f-5e2b-4f90-a6c4-1d7e9b3f8a26";
    static final String OCCURRED_AT = "2026-03-01T10:15:30.123456Z";
    static final long OCCURRED_AT_MILLIS = Instant.parse(OCCURRED_AT).toEpochMilli();

    /** Distinctive payload values: none of them may ever appear in an error message. */
    static final String STATUS = "DELIVERED-7f3a";

    static final String LOCATION = "Hub Utrecht-Zuid";
    static final String CHANGED_AT = "2026-03-01T10:15:00Z";
    static final String PAYLOAD = "{\"packageId\": 42, \"status\": \"" + STATUS + "\", \"location\": \"" + LOCATION
            + "\", \"changedAt\": \"" + CHANGED_AT + "\"}";

    static final String DATA_SCHEMAS = "PackageStatusChanged@1{packageId:int64, status:string, location:string?,"
            + " changedAt:timestamp};\n"
            + "PackageRegistered{packageId:int64, weight:decimal(10,2), registeredOn:date, label:bytes?,"
            + " recipient:{name:string, city:string?}?, items:[{sku:string, quantity:int32}]}";

    static final Schema UUID =
            SchemaBuilder.string().name("io.debezium.data.Uuid").version(1).build();
    static final Schema OPTIONAL_UUID = SchemaBuilder.string()
            .name("io.debezium.data.Uuid")
            .version(1)
            .optional()
            .build();
    static final Schema ZONED_TIMESTAMP = SchemaBuilder.string()
            .name("io.debezium.time.ZonedTimestamp")
            .version(1)
            .build();
    static final Schema MICRO_TIMESTAMP = SchemaBuilder.int64()
            .name("io.debezium.time.MicroTimestamp")
            .version(1)
            .build();
    static final Schema MILLI_TIMESTAMP =
            SchemaBuilder.int64().name("io.debezium.time.Timestamp").version(1).build();
    static final Schema JSON =
            SchemaBuilder.string().name("io.debezium.data.Json").version(1).build();

    static final Schema KEY_SCHEMA = SchemaBuilder.struct()
            .name("logistics-outbox.shipping.outbox.Key")
            .field("event_id", UUID)
            .build();

    static final Schema SOURCE_SCHEMA = SchemaBuilder.struct()
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

    private OutboxTable() {}

    /** The transform's configuration for this outbox. */
    static Map<String, String> config() {
        Map<String, String> props = new HashMap<>();
        props.put("source.domain", DOMAIN);
        props.put("data.schemas", DATA_SCHEMAS);
        return props;
    }

    static Row row() {
        return new Row();
    }

    /** The column values (and column schemas) of one outbox row, in table order. */
    static final class Row {

        private final Map<String, Object> values = new LinkedHashMap<>();
        private final Map<String, Schema> schemas = new LinkedHashMap<>();

        private Row() {
            column("event_id", UUID, EVENT_ID);
            column("aggregate_type", Schema.STRING_SCHEMA, AGGREGATE_TYPE);
            column("aggregate_id", Schema.STRING_SCHEMA, AGGREGATE_ID);
            column("event_type", Schema.STRING_SCHEMA, EVENT_TYPE);
            column("command_id", OPTIONAL_UUID, COMMAND_ID);
            column("correlation_id", OPTIONAL_UUID, CORRELATION_ID);
            column("causation_id", OPTIONAL_UUID, CAUSATION_ID);
            column("occurred_at", ZONED_TIMESTAMP, OCCURRED_AT);
            column("schema_version", Schema.INT32_SCHEMA, 1);
            column("payload", JSON, PAYLOAD);
        }

        /** Sets a column's value; a null in a NOT NULL column makes the column nullable, as a lax table would be. */
        Row with(String column, Object value) {
            values.put(column, value);
            if (value == null && !schemas.get(column).isOptional()) {
                schemas.put(column, optional(schemas.get(column)));
            }
            return this;
        }

        Row column(String column, Schema schema, Object value) {
            schemas.put(column, schema);
            values.put(column, value);
            return this;
        }

        Row without(String column) {
            schemas.remove(column);
            values.remove(column);
            return this;
        }

        Row payload(String json) {
            return with("payload", json);
        }

        Row type(String eventType, Integer version) {
            return with("event_type", eventType).with("schema_version", version);
        }

        Schema schema() {
            SchemaBuilder builder = SchemaBuilder.struct()
                    .name("logistics-outbox.shipping.outbox.Value")
                    .optional();
            schemas.forEach(builder::field);
            return builder.build();
        }

        Struct struct() {
            return struct(schema());
        }

        /** The row after ExtractNewRecordState with {@code add.fields=op} and a rewritten delete. */
        Struct flat(String op, String deleted) {
            SchemaBuilder builder = SchemaBuilder.struct()
                    .name("logistics-outbox.shipping.outbox.Value")
                    .optional();
            schemas.forEach(builder::field);
            builder.field("__op", Schema.OPTIONAL_STRING_SCHEMA).field("__deleted", Schema.OPTIONAL_STRING_SCHEMA);
            return struct(builder.build()).put("__op", op).put("__deleted", deleted);
        }

        Map<String, Object> map() {
            return new LinkedHashMap<>(values);
        }

        private Struct struct(Schema schema) {
            Struct struct = new Struct(schema);
            values.forEach(struct::put);
            return struct;
        }

        private static Schema optional(Schema schema) {
            SchemaBuilder builder = SchemaBuilder.type(schema.type()).name(schema.name());
            if (schema.version() != null) {
                builder.version(schema.version());
            }
            return builder.optional().build();
        }
    }

    /** A Debezium change event of the row: 'c' and 'r' carry it in after, 'u' in both, 'd' in before, 't' in none. */
    static Struct changeEvent(String op, Row row) {
        Schema rowSchema = row.schema();
        Schema schema = SchemaBuilder.struct()
                .name("logistics-outbox.shipping.outbox.Envelope")
                .version(2)
                .field("before", rowSchema)
                .field("after", rowSchema)
                .field("source", SOURCE_SCHEMA)
                .field("op", Schema.STRING_SCHEMA)
                .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
                .build();
        boolean hasBefore = op.equals("u") || op.equals("d");
        boolean hasAfter = op.equals("c") || op.equals("r") || op.equals("u");
        return new Struct(schema)
                .put("before", hasBefore ? row.struct() : null)
                .put("after", hasAfter ? row.struct() : null)
                .put("source", source(op.equals("r") ? "true" : "false"))
                .put("op", op)
                .put("ts_ms", TIMESTAMP);
    }

    /** The change event as a schemaless map, as JsonConverter with {@code schemas.enable=false} reads it. */
    static Map<String, Object> changeEventMap(String op, Row row) {
        Struct event = changeEvent(op, row);
        Map<String, Object> map = new HashMap<>();
        for (Field field : event.schema().fields()) {
            Object value = event.get(field);
            map.put(field.name(), value instanceof Struct struct ? toMap(struct) : value);
        }
        return map;
    }

    static Struct source(String snapshot) {
        return new Struct(SOURCE_SCHEMA)
                .put("version", "3.6.1.Final")
                .put("connector", "postgresql")
                .put("name", "logistics-outbox")
                .put("ts_ms", TIMESTAMP - 200)
                .put("snapshot", snapshot)
                .put("db", "logistics")
                .put("schema", "shipping")
                .put("table", "outbox")
                .put("txId", 5_521L)
                .put("lsn", 37_551_016L);
    }

    static SourceRecord record(Schema valueSchema, Object value) {
        return record(valueSchema, value, new ConnectHeaders());
    }

    static SourceRecord record(Schema valueSchema, Object value, Headers headers) {
        return new SourceRecord(
                SOURCE_PARTITION,
                SOURCE_OFFSET,
                TOPIC,
                0,
                KEY_SCHEMA,
                new Struct(KEY_SCHEMA).put("event_id", EVENT_ID),
                valueSchema,
                value,
                TIMESTAMP,
                headers);
    }

    static SourceRecord record(Struct value) {
        return record(value.schema(), value);
    }

    static SourceRecord event(String op, Row row) {
        return record(changeEvent(op, row));
    }

    private static Map<String, Object> toMap(Struct struct) {
        Map<String, Object> map = new LinkedHashMap<>();
        struct.schema().fields().forEach(field -> map.put(field.name(), struct.get(field)));
        return map;
    }
}

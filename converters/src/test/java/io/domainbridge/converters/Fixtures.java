package io.domainbridge.converters;

import io.domainbridge.converters.avro.AvroSchemas;
import io.domainbridge.events.EventEnvelope;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

/** Envelopes and data with every Connect type the envelope and Debezium rows use. */
final class Fixtures {

    static final Schema ADDRESS = SchemaBuilder.struct()
            .name("com.example.Address")
            .field("street", Schema.STRING_SCHEMA)
            .field("zip", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    static final Schema EVERY_TYPE = SchemaBuilder.struct()
            .name("com.example.logistics.PackageShipped")
            .version(3)
            .doc("A package left the depot")
            .field("i8", Schema.INT8_SCHEMA)
            .field("i16", Schema.OPTIONAL_INT16_SCHEMA)
            .field("i32", Schema.INT32_SCHEMA)
            .field("i64", Schema.INT64_SCHEMA)
            .field("f32", Schema.FLOAT32_SCHEMA)
            .field("f64", Schema.OPTIONAL_FLOAT64_SCHEMA)
            .field("flag", Schema.BOOLEAN_SCHEMA)
            .field("text", Schema.OPTIONAL_STRING_SCHEMA)
            .field("raw", Schema.BYTES_SCHEMA)
            .field(
                    "amount",
                    Decimal.builder(2)
                            .parameter("connect.decimal.precision", "10")
                            .build())
            .field("price", Decimal.builder(3).optional().build())
            .field("day", Date.SCHEMA)
            .field("at", Time.builder().optional().build())
            .field("when", Timestamp.SCHEMA)
            .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
            .field(
                    "attrs",
                    SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.OPTIONAL_INT64_SCHEMA)
                            .optional()
                            .build())
            .field(
                    "labels",
                    SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.STRING_SCHEMA).build())
            .field("address", ADDRESS)
            .field(
                    "previous",
                    SchemaBuilder.struct()
                            .optional()
                            .field("street", Schema.STRING_SCHEMA)
                            .build())
            .field("weird-name", Schema.OPTIONAL_STRING_SCHEMA)
            .field("status", SchemaBuilder.string().defaultValue("new").build())
            .field(
                    "ts_us",
                    SchemaBuilder.int64()
                            .name("io.debezium.time.MicroTimestamp")
                            .version(1)
                            .build())
            .field(
                    "json",
                    SchemaBuilder.string()
                            .optional()
                            .name("io.debezium.data.Json")
                            .version(1)
                            .build())
            .build();

    private Fixtures() {}

    static Struct everyType() {
        return new Struct(EVERY_TYPE)
                .put("i8", (byte) -7)
                .put("i16", (short) 300)
                .put("i32", 70_000)
                .put("i64", 9_000_000_000L)
                .put("f32", 1.5f)
                .put("f64", -0.1)
                .put("flag", true)
                .put("text", "grüße ✓")
                .put("raw", new byte[] {0, 1, (byte) 0xFF})
                .put("amount", new BigDecimal("12345678.90"))
                .put("day", new java.util.Date(19_000L * 86_400_000L))
                .put("at", new java.util.Date(45_296_789L))
                .put("when", new java.util.Date(1_700_000_000_123L))
                .put("tags", List.of("fragile", "express"))
                .put("attrs", mapOf("weight", 1200L, "none", null))
                .put("labels", Map.of(1, "one"))
                .put("address", new Struct(ADDRESS).put("street", "Main St 1"))
                .put("weird-name", "dash")
                .put("status", "shipped")
                .put("ts_us", 1_700_000_000_123_456L);
    }

    static Struct envelope(Schema dataSchema, Object data) {
        return new Struct(EventEnvelope.schema(dataSchema))
                .put(EventEnvelope.ID, "b7d2f6a0-1c1e-4f5e-9a51-3c8f0e1d2a44")
                .put(EventEnvelope.TYPE, "com.example.logistics.PackageShipped")
                .put(EventEnvelope.SOURCE, "/logistics/shipping")
                .put(EventEnvelope.SUBJECT, "package/42")
                .put(EventEnvelope.TIME, new java.util.Date(1_700_000_000_123L))
                .put(EventEnvelope.SPECVERSION, EventEnvelope.SPEC_VERSION_1_0)
                .put(EventEnvelope.AGGREGATETYPE, "package")
                .put(EventEnvelope.AGGREGATEID, "42")
                .put(EventEnvelope.COMMANDID, "cmd-1")
                .put(EventEnvelope.CORRELATIONID, "corr-1")
                .put(EventEnvelope.CAUSATIONID, "cause-1")
                .put(EventEnvelope.SOURCEDOMAIN, "logistics")
                .put(EventEnvelope.SCHEMAVERSION, 3)
                .put(EventEnvelope.DATA, data);
    }

    static Struct envelope() {
        return envelope(EVERY_TYPE, everyType());
    }

    /** The value of {@code avro.schemas} that lets single-object encoding write the given data schemas. */
    static String avroSchemas(Schema... dataSchemas) {
        StringBuilder json = new StringBuilder("[");
        for (Schema schema : dataSchemas) {
            json.append(json.length() == 1 ? "" : ",").append(AvroSchemas.toAvro(schema));
        }
        return json.append(']').toString();
    }

    static Map<String, Object> config(Object... keysAndValues) {
        Map<String, Object> config = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return config;
    }

    static CloudEventsConverter converter(Object... keysAndValues) {
        CloudEventsConverter converter = new CloudEventsConverter();
        converter.configure(config(keysAndValues), false);
        return converter;
    }

    private static Map<String, Long> mapOf(String k1, Long v1, String k2, Long v2) {
        Map<String, Long> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}

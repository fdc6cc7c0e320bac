package io.domainbridge.bench;

import io.domainbridge.converters.CloudEventsConverter;
import io.domainbridge.converters.avro.AvroSchemas;
import io.domainbridge.events.EventEnvelope;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.Converter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Serializes and deserializes one event envelope with a 10-field payload: CloudEventsConverter in binary mode with JSON
 * data and with registry-less Avro data, against Kafka's JsonConverter with schemas enabled (the usual way to keep
 * Connect schemas on the wire without a registry). Run {@link #main} for the bytes each puts on the wire.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CloudEventsConverterBenchmark {

    private static final String TOPIC = "logistics.package";

    static final Schema PAYLOAD = SchemaBuilder.struct()
            .name("com.example.logistics.PackageShipped")
            .version(1)
            .field("package_id", Schema.STRING_SCHEMA)
            .field("sku", Schema.STRING_SCHEMA)
            .field("quantity", Schema.INT32_SCHEMA)
            .field("weight_kg", Schema.FLOAT64_SCHEMA)
            .field("price", Decimal.builder(2).build())
            .field("shipped_at", Timestamp.SCHEMA)
            .field("express", Schema.BOOLEAN_SCHEMA)
            .field("carrier", Schema.STRING_SCHEMA)
            .field("attempts", Schema.INT64_SCHEMA)
            .field("note", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    @Param({"cloudevents-json", "cloudevents-avro", "jsonconverter"})
    public String converter;

    private Converter subject;
    private Struct envelope;
    private byte[] serialized;
    private Headers serializedHeaders;

    @Setup(Level.Trial)
    public void setUp() {
        envelope = envelope();
        subject = converter(converter);
        serializedHeaders = new RecordHeaders();
        serialized = subject.fromConnectData(TOPIC, serializedHeaders, envelope.schema(), envelope);
    }

    @Benchmark
    public byte[] serialize() {
        return subject.fromConnectData(TOPIC, new RecordHeaders(), envelope.schema(), envelope);
    }

    @Benchmark
    public SchemaAndValue deserialize() {
        return subject.toConnectData(TOPIC, serializedHeaders, serialized);
    }

    static Struct envelope() {
        Struct payload = new Struct(PAYLOAD)
                .put("package_id", "PKG-2024-000042")
                .put("sku", "SKU-778-XL")
                .put("quantity", 3)
                .put("weight_kg", 12.75)
                .put("price", new BigDecimal("149.90"))
                .put("shipped_at", new java.util.Date(1_700_000_000_123L))
                .put("express", true)
                .put("carrier", "DHL Express")
                .put("attempts", 1L)
                .put("note", "leave at the door");
        return new Struct(EventEnvelope.schema(PAYLOAD))
                .put(EventEnvelope.ID, "b7d2f6a0-1c1e-4f5e-9a51-3c8f0e1d2a44")
                .put(EventEnvelope.TYPE, "com.example.logistics.PackageShipped")
                .put(EventEnvelope.SOURCE, "/logistics/shipping")
                .put(EventEnvelope.SUBJECT, "package/42")
                .put(EventEnvelope.TIME, new java.util.Date(1_700_000_000_123L))
                .put(EventEnvelope.SPECVERSION, EventEnvelope.SPEC_VERSION_1_0)
                .put(EventEnvelope.AGGREGATETYPE, "package")
                .put(EventEnvelope.AGGREGATEID, "42")
                .put(EventEnvelope.COMMANDID, "5f0c3f0e-7d6b-4a9e-8d7e-2f1c0b9a8e77")
                .put(EventEnvelope.CORRELATIONID, "0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6")
                .put(EventEnvelope.SOURCEDOMAIN, "logistics")
                .put(EventEnvelope.SCHEMAVERSION, 1)
                .put(EventEnvelope.DATA, payload);
    }

    static Converter converter(String name) {
        Converter converter =
                switch (name) {
                    case "cloudevents-json" -> new CloudEventsConverter();
                    case "cloudevents-avro" -> new CloudEventsConverter();
                    case "jsonconverter" -> new JsonConverter();
                    default -> throw new IllegalArgumentException(name);
                };
        Map<String, Object> config =
                switch (name) {
                    case "cloudevents-avro" -> Map.of(
                            "data.encoding",
                            "avro",
                            "avro.schemas",
                            AvroSchemas.toAvro(PAYLOAD).toString());
                    case "jsonconverter" -> Map.of("schemas.enable", true);
                    default -> Map.of();
                };
        converter.configure(config, false);
        return converter;
    }

    /** Prints the bytes per record each converter puts on the wire: value plus header keys and values. */
    public static void main(String[] args) {
        Struct envelope = envelope();
        for (String name : new String[] {"cloudevents-json", "cloudevents-avro", "jsonconverter"}) {
            Headers headers = new RecordHeaders();
            byte[] value = converter(name).fromConnectData(TOPIC, headers, envelope.schema(), envelope);
            int headerBytes = 0;
            for (Header header : headers) {
                headerBytes += header.key().length() + header.value().length;
            }
            System.out.printf(
                    "%s value=%d headers=%d total=%d%n", name, value.length, headerBytes, value.length + headerBytes);
        }
    }
}

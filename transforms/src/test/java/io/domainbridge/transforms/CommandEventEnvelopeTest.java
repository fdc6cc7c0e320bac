package io.domainbridge.transforms;

import static io.domainbridge.transforms.OutboxTable.AGGREGATE_ID;
import static io.domainbridge.transforms.OutboxTable.AGGREGATE_TYPE;
import static io.domainbridge.transforms.OutboxTable.CAUSATION_ID;
import static io.domainbridge.transforms.OutboxTable.CHANGED_AT;
import static io.domainbridge.transforms.OutboxTable.COMMAND_ID;
import static io.domainbridge.transforms.OutboxTable.CORRELATION_ID;
import static io.domainbridge.transforms.OutboxTable.DOMAIN;
import static io.domainbridge.transforms.OutboxTable.EVENT_ID;
import static io.domainbridge.transforms.OutboxTable.EVENT_TYPE;
import static io.domainbridge.transforms.OutboxTable.LOCATION;
import static io.domainbridge.transforms.OutboxTable.OCCURRED_AT_MILLIS;
import static io.domainbridge.transforms.OutboxTable.PAYLOAD;
import static io.domainbridge.transforms.OutboxTable.SOURCE_OFFSET;
import static io.domainbridge.transforms.OutboxTable.SOURCE_PARTITION;
import static io.domainbridge.transforms.OutboxTable.STATUS;
import static io.domainbridge.transforms.OutboxTable.TIMESTAMP;
import static io.domainbridge.transforms.OutboxTable.TOPIC;
import static io.domainbridge.transforms.OutboxTable.event;
import static io.domainbridge.transforms.OutboxTable.record;
import static io.domainbridge.transforms.OutboxTable.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.domainbridge.events.EventEnvelope;
import io.domainbridge.events.ProjectVersion;
import io.domainbridge.transforms.OutboxTable.Row;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandEventEnvelopeTest {

    static final String DEAD_LETTER_TOPIC = "logistics.outbox.dead-letters";

    private final List<CommandEventEnvelope<?>> transforms = new ArrayList<>();

    @AfterEach
    void closeTransforms() {
        transforms.forEach(CommandEventEnvelope::close);
    }

    CommandEventEnvelope<SourceRecord> configured(Map<String, String> overrides) {
        Map<String, String> props = OutboxTable.config();
        props.putAll(overrides);
        CommandEventEnvelope<SourceRecord> transform = new CommandEventEnvelope<>();
        transform.configure(props);
        transforms.add(transform);
        return transform;
    }

    SourceRecord apply(SourceRecord record) {
        return configured(Map.of()).apply(record);
    }

    SourceRecord apply(Map<String, String> overrides, SourceRecord record) {
        return configured(overrides).apply(record);
    }

    static Struct envelope(SourceRecord record) {
        return (Struct) record.value();
    }

    static Struct data(SourceRecord record) {
        return envelope(record).getStruct(EventEnvelope.DATA);
    }

    static Object header(SourceRecord record, String name) {
        Header header = record.headers().lastWithName(name);
        return header == null ? null : header.value();
    }

    static Date date(String iso) {
        return Date.from(Instant.parse(iso));
    }

    static void assertNoPayloadValues(String message) {
        assertThat(message).doesNotContain(PAYLOAD, STATUS, LOCATION, CHANGED_AT);
    }

    /** The envelope of the fixture's default row, as documented field by field in the README. */
    static void assertDefaultEnvelope(SourceRecord output) {
        Struct envelope = envelope(output);
        envelope.validate();
        assertThat(output.valueSchema()).isSameAs(envelope.schema());
        assertThat(output.valueSchema().name()).isEqualTo(EventEnvelope.SCHEMA_NAME);
        assertThat(envelope.getString("id")).isEqualTo(EVENT_ID);
        assertThat(envelope.getString("type")).isEqualTo(EVENT_TYPE);
        assertThat(envelope.getString("source")).isEqualTo("/logistics/package");
        assertThat(envelope.getString("subject")).isEqualTo(AGGREGATE_ID);
        assertThat(envelope.get("time")).isEqualTo(new Date(OCCURRED_AT_MILLIS));
        assertThat(envelope.getString("specversion")).isEqualTo("1.0");
        assertThat(envelope.getString("datacontenttype")).isEqualTo("application/json");
        assertThat(envelope.getString("aggregatetype")).isEqualTo(AGGREGATE_TYPE);
        assertThat(envelope.getString("aggregateid")).isEqualTo(AGGREGATE_ID);
        assertThat(envelope.getString("commandid")).isEqualTo(COMMAND_ID);
        assertThat(envelope.getString("correlationid")).isEqualTo(CORRELATION_ID);
        assertThat(envelope.getString("causationid")).isEqualTo(CAUSATION_ID);
        assertThat(envelope.getString("sourcedomain")).isEqualTo(DOMAIN);
        assertThat(envelope.getInt32("schemaversion")).isEqualTo(1);
        Struct data = data(output);
        assertThat(data.getInt64("packageId")).isEqualTo(42L);
        assertThat(data.getString("status")).isEqualTo(STATUS);
        assertThat(data.getString("location")).isEqualTo(LOCATION);
        assertThat(data.get("changedAt")).isEqualTo(date(CHANGED_AT));

        assertThat(output.keySchema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThat(output.key()).isEqualTo(AGGREGATE_ID);
        assertThat(output.topic()).isEqualTo("logistics.package.events");
        assertThat(output.kafkaPartition()).isNull();
        assertThat(output.timestamp()).isEqualTo(OCCURRED_AT_MILLIS);
        assertThat(header(output, CommandEventEnvelope.EVENT_ID_HEADER)).isEqualTo(EVENT_ID);
        assertThat(header(output, CommandEventEnvelope.EVENT_TYPE_HEADER)).isEqualTo(EVENT_TYPE);
        assertThat(header(output, CommandEventEnvelope.CORRELATION_ID_HEADER)).isEqualTo(CORRELATION_ID);
    }

    @Nested
    class Envelope {

        @ParameterizedTest(name = "op={0}")
        @ValueSource(strings = {"c", "r"})
        void insertOrSnapshotReadBecomesTheEnvelope(String op) {
            SourceRecord output = apply(event(op, row()));

            assertDefaultEnvelope(output);
            assertThat(output.sourcePartition()).isEqualTo(SOURCE_PARTITION);
            assertThat(output.sourceOffset()).isEqualTo(SOURCE_OFFSET);
        }

        @Test
        void dataHasTheDeclaredSchema() {
            Schema data = apply(event("c", row())).valueSchema().field("data").schema();

            assertThat(data.type()).isEqualTo(Schema.Type.STRUCT);
            assertThat(data.name()).isEqualTo("io.domainbridge.data.PackageStatusChanged");
            assertThat(data.version()).isEqualTo(1);
            assertThat(data.isOptional()).isFalse();
            assertThat(data.fields())
                    .extracting(Field::name)
                    .containsExactly("packageId", "status", "location", "changedAt");
            assertThat(data.field("packageId").schema()).isEqualTo(Schema.INT64_SCHEMA);
            assertThat(data.field("status").schema()).isEqualTo(Schema.STRING_SCHEMA);
            assertThat(data.field("location").schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
            assertThat(data.field("changedAt").schema()).isEqualTo(Timestamp.SCHEMA);
        }

        @Test
        void envelopeSchemaHasTheDocumentedFields() {
            Schema schema = apply(event("c", row())).valueSchema();

            assertThat(schema.fields())
                    .extracting(Field::name)
                    .containsExactly(
                            "id",
                            "type",
                            "source",
                            "subject",
                            "time",
                            "specversion",
                            "datacontenttype",
                            "aggregatetype",
                            "aggregateid",
                            "commandid",
                            "correlationid",
                            "causationid",
                            "sourcedomain",
                            "schemaversion",
                            "data");
            assertThat(schema.field("time").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
            assertThat(schema.field("schemaversion").schema()).isEqualTo(Schema.OPTIONAL_INT32_SCHEMA);
        }

        @Test
        void declaredEventTypeSharesOneEnvelopeSchemaAcrossRecords() {
            CommandEventEnvelope<SourceRecord> transform = configured(Map.of());

            SourceRecord first = transform.apply(event("c", row()));
            String lost = "{\"packageId\": 43, \"status\": \"LOST\", \"changedAt\": \"2026-03-02T08:00:00Z\"}";
            SourceRecord second = transform.apply(event(
                    "c",
                    row().with("event_id", "e-2").with("aggregate_id", "43").payload(lost)));

            assertThat(second.valueSchema()).isSameAs(first.valueSchema());
            assertThat(data(second).schema()).isSameAs(data(first).schema());
            assertThat(data(second).getString("status")).isEqualTo("LOST");
        }

        @Test
        void flatRowBecomesTheEnvelope() {
            Struct row = row().struct();

            assertDefaultEnvelope(apply(record(row)));
        }

        @ParameterizedTest(name = "__op={0}")
        @ValueSource(strings = {"c", "r"})
        void flatRowWithOpFieldsBecomesTheEnvelope(String op) {
            assertDefaultEnvelope(apply(record(row().flat(op, "false"))));
        }

        @Test
        void schemalessChangeEventBecomesTheEnvelope() {
            assertDefaultEnvelope(apply(record(null, OutboxTable.changeEventMap("c", row()))));
        }

        @Test
        void schemalessRowBecomesTheEnvelope() {
            // JsonConverter without schemas reads every integer as a Long
            Map<String, Object> row = row().map();
            row.put("schema_version", 1L);

            assertDefaultEnvelope(apply(record(null, row)));
        }

        @Test
        void sinkRecordBecomesTheEnvelopeAndKeepsItsOffset() {
            Struct value = OutboxTable.changeEvent("c", row());
            SinkRecord input = new SinkRecord(
                    TOPIC, 2, null, null, value.schema(), value, 77L, TIMESTAMP, TimestampType.CREATE_TIME);
            CommandEventEnvelope<SinkRecord> transform = new CommandEventEnvelope<>();
            transforms.add(transform);
            transform.configure(OutboxTable.config());

            SinkRecord output = transform.apply(input);

            assertThat(output.topic()).isEqualTo("logistics.package.events");
            assertThat(output.key()).isEqualTo(AGGREGATE_ID);
            assertThat(output.kafkaPartition()).isEqualTo(2);
            assertThat(output.kafkaOffset()).isEqualTo(77L);
            assertThat(output.originalTopic()).isEqualTo(TOPIC);
            assertThat(((Struct) output.value()).getString("id")).isEqualTo(EVENT_ID);
        }

        @Test
        void topicAndSourceFollowCustomPatterns() {
            SourceRecord output = apply(
                    Map.of(
                            "topic.pattern", "${sourcedomain}.${aggregatetype}.${eventtype}.v1",
                            "source.pattern", "urn:${sourcedomain}:${eventtype}"),
                    event("c", row()));

            assertThat(output.topic()).isEqualTo("logistics.package.PackageStatusChanged.v1");
            assertThat(envelope(output).getString("source")).isEqualTo("urn:logistics:PackageStatusChanged");
        }

        @Test
        void customOutboxColumnNamesAreRead() {
            Row row = row().without("event_id").without("payload").without("aggregate_type");
            row.column("id", OutboxTable.UUID, EVENT_ID)
                    .column("aggregate", Schema.STRING_SCHEMA, AGGREGATE_TYPE)
                    .column("body", OutboxTable.JSON, PAYLOAD);

            SourceRecord output = apply(
                    Map.of(
                            "outbox.column.event.id", "id",
                            "outbox.column.aggregate.type", "aggregate",
                            "outbox.column.payload", "body"),
                    event("c", row));

            assertDefaultEnvelope(output);
        }

        @Test
        void optionalAttributesMayBeNull() {
            Row row =
                    row().with("command_id", null).with("correlation_id", null).with("causation_id", null);

            SourceRecord output = apply(event("c", row));

            Struct envelope = envelope(output);
            envelope.validate();
            assertThat(envelope.get("commandid")).isNull();
            assertThat(envelope.get("correlationid")).isNull();
            assertThat(envelope.get("causationid")).isNull();
            assertThat(output.headers().lastWithName(CommandEventEnvelope.CORRELATION_ID_HEADER))
                    .isNull();
            assertThat(header(output, CommandEventEnvelope.EVENT_ID_HEADER)).isEqualTo(EVENT_ID);
        }

        @Test
        void existingHeadersAreKept() {
            Headers headers = new ConnectHeaders().addString("traceparent", "00-4bf92f3577b34da6-00f067aa0ba902b7-01");
            Struct value = OutboxTable.changeEvent("c", row());
            SourceRecord input = record(value.schema(), value, headers);

            SourceRecord output = apply(input);

            assertThat(output.headers()).hasSize(4);
            assertThat(header(output, "traceparent")).isEqualTo("00-4bf92f3577b34da6-00f067aa0ba902b7-01");
            assertDefaultEnvelope(output);
        }

        @Test
        void inputRecordStructAndHeadersAreLeftUnchanged() {
            Struct value = OutboxTable.changeEvent("c", row());
            Headers headers = new ConnectHeaders().addString("traceparent", "t-1");
            SourceRecord input = record(value.schema(), value, headers);
            SourceRecord twin = record(
                    value.schema(),
                    OutboxTable.changeEvent("c", row()),
                    new ConnectHeaders().addString("traceparent", "t-1"));

            SourceRecord output = apply(input);

            assertThat(output).isNotSameAs(input);
            assertThat(input).isEqualTo(twin);
            assertThat(input.value()).isSameAs(value).isEqualTo(twin.value());
            assertThat(input.headers()).isSameAs(headers).hasSize(1);
            assertThat(input.topic()).isEqualTo(TOPIC);
        }

        @Test
        void recordTimestampIsTheOriginalWhenOccurredAtIsNull() {
            SourceRecord output = apply(event("c", row().with("occurred_at", null)));

            assertThat(output.timestamp()).isEqualTo(TIMESTAMP);
            assertThat(envelope(output).get("time")).isNull();
        }

        @Test
        void occurredAtWithAnOffsetIsConvertedToUtc() {
            SourceRecord output = apply(event("c", row().with("occurred_at", "2026-03-01T12:15:30.123456+02:00")));

            assertThat(output.timestamp()).isEqualTo(OCCURRED_AT_MILLIS);
        }

        @Test
        void occurredAtAsMicroTimestamp() {
            long micros = OCCURRED_AT_MILLIS * 1000 + 456;
            Row row = row().column("occurred_at", OutboxTable.MICRO_TIMESTAMP, micros);

            SourceRecord output = apply(event("c", row));

            assertThat(output.timestamp()).isEqualTo(OCCURRED_AT_MILLIS);
            assertThat(envelope(output).get("time")).isEqualTo(new Date(OCCURRED_AT_MILLIS));
        }

        @Test
        void occurredAtAsEpochMillis() {
            Row row = row().column("occurred_at", OutboxTable.MILLI_TIMESTAMP, OCCURRED_AT_MILLIS);
            Map<String, Object> map = row().map();
            map.put("occurred_at", OCCURRED_AT_MILLIS);

            assertThat(apply(event("c", row)).timestamp()).isEqualTo(OCCURRED_AT_MILLIS);
            assertThat(apply(record(null, map)).timestamp()).isEqualTo(OCCURRED_AT_MILLIS);
            assertThat(envelope(apply(record(null, map))).get("time")).isEqualTo(new Date(OCCURRED_AT_MILLIS));
        }

        @Test
        void occurredAtAsNanoTimestampOrIsoTextWithoutOffset() {
            Schema nanos = SchemaBuilder.int64()
                    .name("io.debezium.time.NanoTimestamp")
                    .version(1)
                    .build();
            Row nanoRow = row().column("occurred_at", nanos, OCCURRED_AT_MILLIS * 1_000_000 + 456_789);
            Row localRow = row().with("occurred_at", "2026-03-01T10:15:30.123456");

            assertThat(apply(event("c", nanoRow)).timestamp()).isEqualTo(OCCURRED_AT_MILLIS);
            assertThat(apply(event("c", localRow)).timestamp()).isEqualTo(OCCURRED_AT_MILLIS);
        }

        @Test
        void versionIsTheProjectVersion() {
            assertThat(new CommandEventEnvelope<SourceRecord>().version())
                    .isEqualTo(ProjectVersion.get())
                    .isNotBlank();
        }
    }

    @Nested
    class Changes {

        @Test
        void tombstoneIsDropped() {
            assertThat(apply(record(null, null))).isNull();
        }

        @ParameterizedTest(name = "update.behavior={0}")
        @ValueSource(strings = {"skip", "warn", "WARN"})
        void updateIsDropped(String behavior) {
            assertThat(apply(Map.of("update.behavior", behavior), event("u", row())))
                    .isNull();
        }

        @Test
        void updateIsDroppedByDefault() {
            assertThat(apply(event("u", row()))).isNull();
            assertThat(apply(record(row().flat("u", "false")))).isNull();
        }

        @Test
        void updateFailsWhenConfiguredTo() {
            CommandEventEnvelope<SourceRecord> transform = configured(Map.of("update.behavior", "fail"));

            assertThatThrownBy(() -> transform.apply(event("u", row())))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("update");
            assertThatThrownBy(() -> transform.apply(record(row().flat("u", "false"))))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("update");
        }

        @Test
        void deleteIsSkippedByDefault() {
            assertThat(apply(event("d", row()))).isNull();
            assertThat(apply(record(null, OutboxTable.changeEventMap("d", row()))))
                    .isNull();
        }

        @Test
        void deleteIsDroppedWithWarn() {
            assertThat(apply(Map.of("delete.behavior", "warn"), event("d", row())))
                    .isNull();
        }

        @Test
        void deleteFailsWhenConfiguredTo() {
            CommandEventEnvelope<SourceRecord> transform = configured(Map.of("delete.behavior", "fail"));

            assertThatThrownBy(() -> transform.apply(event("d", row())))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("delete");
        }

        @Test
        void rewrittenDeleteOfAFlatRowIsADelete() {
            Struct deleted = row().flat("d", "true");
            Struct deletedWithoutOp = row().flat(null, "true");

            assertThat(apply(record(deleted))).isNull();
            assertThat(apply(record(deletedWithoutOp))).isNull();
            assertThatThrownBy(() -> apply(Map.of("delete.behavior", "fail"), record(deletedWithoutOp)))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("delete");
        }

        @Test
        void truncateIsDropped() {
            Map<String, String> strict = Map.of("update.behavior", "fail", "delete.behavior", "fail");

            assertThat(apply(strict, event("t", row()))).isNull();
            assertThat(apply(strict, record(null, OutboxTable.changeEventMap("t", row()))))
                    .isNull();
        }

        @Test
        void logicalDecodingMessageIsDropped() {
            Schema message = SchemaBuilder.struct()
                    .name("io.debezium.connector.postgresql.Message")
                    .field("prefix", Schema.STRING_SCHEMA)
                    .field("content", Schema.OPTIONAL_BYTES_SCHEMA)
                    .build();
            Schema schema = SchemaBuilder.struct()
                    .name("io.debezium.connector.postgresql.MessageValue")
                    .field("op", Schema.STRING_SCHEMA)
                    .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
                    .field("source", OutboxTable.SOURCE_SCHEMA)
                    .field("message", message)
                    .build();
            Struct value = new Struct(schema)
                    .put("op", "m")
                    .put("ts_ms", TIMESTAMP)
                    .put("source", OutboxTable.source("false"))
                    .put(
                            "message",
                            new Struct(message)
                                    .put("prefix", "audit")
                                    .put("content", "hello".getBytes(StandardCharsets.UTF_8)));

            Map<String, Object> schemaless = new HashMap<>();
            schemaless.put("op", "m");
            schemaless.put("ts_ms", TIMESTAMP);
            schemaless.put("source", Map.of("connector", "postgresql", "name", "logistics-outbox", "db", "logistics"));
            schemaless.put("message", Map.of("prefix", "audit", "content", "aGVsbG8="));

            assertThat(apply(record(value))).isNull();
            assertThat(apply(record(null, schemaless))).isNull();
        }
    }

    @Nested
    class Attributes {

        static Stream<Arguments> requiredColumns() {
            List<Arguments> cases = new ArrayList<>();
            for (String column : List.of("event_id", "event_type", "aggregate_type", "aggregate_id")) {
                for (String value : new String[] {null, "", "   "}) {
                    cases.add(Arguments.of(column, value));
                }
            }
            return cases.stream();
        }

        @ParameterizedTest(name = "{0}=''{1}''")
        @MethodSource("requiredColumns")
        void missingOrBlankRequiredColumnIsRejectedNamingIt(String column, String value) {
            CommandEventEnvelope<SourceRecord> transform = configured(Map.of());
            Map<String, Object> map = row().with(column, value).map();

            for (SourceRecord input : List.of(event("c", row().with(column, value)), record(null, map))) {
                assertThatThrownBy(() -> transform.apply(input))
                        .isInstanceOf(DataException.class)
                        .hasMessageContaining("'" + column + "'");
            }
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"event_id", "event_type", "aggregate_type", "aggregate_id"})
        void absentRequiredColumnIsRejectedNamingIt(String column) {
            assertThatThrownBy(() -> apply(record(row().without(column).struct())))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("'" + column + "'");
        }

        @Test
        void nonNumericSchemaVersionIsRejectedNamingTheColumn() {
            Map<String, Object> map = row().map();
            map.put("schema_version", "one");

            assertThatThrownBy(() -> apply(record(null, map)))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("'schema_version'")
                    .hasMessageNotContaining("one");
        }

        @Test
        void occurredAtThatIsNotATimestampIsRejectedNamingTheColumn() {
            assertThatThrownBy(() -> apply(event("c", row().with("occurred_at", "last tuesday"))))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("'occurred_at'")
                    .hasMessageNotContaining("tuesday");
        }
    }

    @Nested
    class Payload {

        static final String REGISTERED = "{\"packageId\": 7, \"weight\": 12.5, \"registeredOn\": \"2026-02-28\","
                + " \"label\": \"aGVsbG8=\", \"recipient\": {\"name\": \"Ada\", \"city\": \"Delft\"},"
                + " \"items\": [{\"sku\": \"SKU-1\", \"quantity\": 2}, {\"sku\": \"SKU-2\", \"quantity\": 1}]}";

        Struct dataOf(String eventType, Integer version, String payload) {
            return data(apply(event("c", row().type(eventType, version).payload(payload))));
        }

        @Test
        void nestedStructsArraysDecimalsDatesAndBytesAreRead() {
            Struct data = dataOf("PackageRegistered", 1, REGISTERED);

            data.validate();
            assertThat(data.getInt64("packageId")).isEqualTo(7L);
            assertThat(data.get("weight")).isEqualTo(new BigDecimal("12.50"));
            assertThat(data.schema().field("weight").schema().name()).isEqualTo(Decimal.LOGICAL_NAME);
            assertThat(data.get("registeredOn")).isEqualTo(date("2026-02-28T00:00:00Z"));
            assertThat(data.getBytes("label")).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
            assertThat(data.getStruct("recipient").getString("name")).isEqualTo("Ada");
            assertThat(data.getStruct("recipient").getString("city")).isEqualTo("Delft");
            List<Struct> items = data.getArray("items");
            assertThat(items).extracting(item -> item.getString("sku")).containsExactly("SKU-1", "SKU-2");
            assertThat(items).extracting(item -> item.getInt32("quantity")).containsExactly(2, 1);
        }

        @Test
        void decimalAsTextAndTimestampAsEpochMillisAreRead() {
            Struct registered = dataOf("PackageRegistered", 1, REGISTERED.replace("12.5", "\"12.50\""));
            Struct changed = dataOf(EVENT_TYPE, 1, PAYLOAD.replace("\"" + CHANGED_AT + "\"", "1772359700000"));

            assertThat(registered.get("weight")).isEqualTo(new BigDecimal("12.50"));
            assertThat(changed.get("changedAt")).isEqualTo(new Date(1_772_359_700_000L));
        }

        @Test
        void optionalFieldsAbsentOrNullAreNull() {
            Struct absent = dataOf(
                    "PackageRegistered",
                    1,
                    "{\"packageId\": 7, \"weight\": 1, \"registeredOn\": \"2026-02-28\", \"items\": []}");
            Struct nulls = dataOf(
                    "PackageRegistered",
                    1,
                    "{\"packageId\": 7, \"weight\": 1, \"registeredOn\": \"2026-02-28\", \"items\": [],"
                            + " \"label\": null, \"recipient\": null}");
            Struct nestedAbsent = dataOf(
                    "PackageRegistered",
                    1,
                    "{\"packageId\": 7, \"weight\": 1, \"registeredOn\": \"2026-02-28\", \"items\": [],"
                            + " \"recipient\": {\"name\": \"Ada\"}}");

            for (Struct data : List.of(absent, nulls)) {
                data.validate();
                assertThat(data.get("label")).isNull();
                assertThat(data.get("recipient")).isNull();
                assertThat(data.getArray("items")).isEmpty();
                assertThat(data.get("weight")).isEqualTo(new BigDecimal("1.00"));
            }
            assertThat(nestedAbsent.getStruct("recipient").get("city")).isNull();
            assertThat(dataOf(EVENT_TYPE, 1, PAYLOAD.replace("\"" + LOCATION + "\"", "null"))
                            .get("location"))
                    .isNull();
        }

        static Stream<Arguments> mismatches() {
            return Stream.of(
                    Arguments.of(
                            "required field missing",
                            EVENT_TYPE,
                            PAYLOAD.replace("\"status\"", "\"state\""),
                            "status",
                            STATUS),
                    Arguments.of(
                            "required field null",
                            EVENT_TYPE,
                            PAYLOAD.replace("\"" + STATUS + "\"", "null"),
                            "status",
                            LOCATION),
                    Arguments.of(
                            "string for int64",
                            EVENT_TYPE,
                            PAYLOAD.replace("42", "\"forty-two\""),
                            "packageId",
                            "forty-two"),
                    Arguments.of("fraction for int64", EVENT_TYPE, PAYLOAD.replace("42", "42.5"), "packageId", "42.5"),
                    Arguments.of(
                            "number for string",
                            EVENT_TYPE,
                            PAYLOAD.replace("\"" + STATUS + "\"", "31337"),
                            "status",
                            "31337"),
                    Arguments.of(
                            "non-ISO timestamp",
                            EVENT_TYPE,
                            PAYLOAD.replace(CHANGED_AT, "01/03/2026 10:15"),
                            "changedAt",
                            "01/03/2026"),
                    Arguments.of(
                            "too many decimal places",
                            "PackageRegistered",
                            REGISTERED.replace("12.5", "12.345"),
                            "weight",
                            "12.345"),
                    Arguments.of(
                            "decimal as words",
                            "PackageRegistered",
                            REGISTERED.replace("12.5", "\"twelve\""),
                            "weight",
                            "twelve"),
                    Arguments.of(
                            "invalid base64",
                            "PackageRegistered",
                            REGISTERED.replace("aGVsbG8=", "not base64!"),
                            "label",
                            "not base64"),
                    Arguments.of(
                            "non-ISO date",
                            "PackageRegistered",
                            REGISTERED.replace("2026-02-28", "28-02-2026"),
                            "registeredOn",
                            "28-02-2026"),
                    Arguments.of(
                            "nested required field missing",
                            "PackageRegistered",
                            REGISTERED.replace("\"name\": \"Ada\", ", ""),
                            "recipient.name",
                            "Delft"),
                    Arguments.of(
                            "nested struct not an object",
                            "PackageRegistered",
                            REGISTERED.replace("{\"name\": \"Ada\", \"city\": \"Delft\"}", "\"Ada\""),
                            "recipient",
                            "Ada"),
                    Arguments.of(
                            "array element of wrong type",
                            "PackageRegistered",
                            REGISTERED.replace("\"quantity\": 1", "\"quantity\": \"one\""),
                            "items[1].quantity",
                            "one"),
                    Arguments.of(
                            "int32 overflow",
                            "PackageRegistered",
                            REGISTERED.replace("\"quantity\": 2", "\"quantity\": 3000000000"),
                            "items[0].quantity",
                            "3000000000"),
                    Arguments.of(
                            "array element null",
                            "PackageRegistered",
                            REGISTERED.replace("{\"sku\": \"SKU-2\", \"quantity\": 1}", "null"),
                            "items[1]",
                            "SKU-1"),
                    Arguments.of(
                            "array not an array",
                            "PackageRegistered",
                            REGISTERED.replaceAll("\\[.*]", "{\"sku\": \"SKU-9\"}"),
                            "items",
                            "SKU-9"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("mismatches")
        void payloadThatBreaksItsSchemaIsRejectedNamingTheField(
                String name, String eventType, String payload, String field, String value) {
            assertThatThrownBy(() -> dataOf(eventType, 1, payload))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining(eventType)
                    .hasMessageContaining("field '" + field + "'")
                    .hasMessageNotContaining(value)
                    .satisfies(e -> assertNoPayloadValues(e.getMessage()));
        }

        static Stream<Arguments> invalidJson() {
            return Stream.of(
                    Arguments.of("unquoted text", PAYLOAD.replace("\"" + LOCATION + "\"", "Hub Utrecht")),
                    Arguments.of("unterminated object", PAYLOAD.replace("}", "")),
                    Arguments.of("not JSON at all", "status=" + STATUS),
                    Arguments.of("trailing text", PAYLOAD + " status=" + STATUS),
                    Arguments.of("two documents", PAYLOAD + PAYLOAD),
                    Arguments.of("nested too deeply", PAYLOAD.replace("42", "[".repeat(1500) + "]".repeat(1500))),
                    Arguments.of("number too long", PAYLOAD.replace("42", "4".repeat(1200))));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("invalidJson")
        void invalidJsonIsRejectedWithoutQuotingIt(String name, String payload) {
            assertThatThrownBy(() -> dataOf(EVENT_TYPE, 1, payload))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("'payload'")
                    .hasMessageNotContaining(payload)
                    .hasMessageNotContaining("Hub")
                    .satisfies(e -> assertNoPayloadValues(e.getMessage()));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"[42, \"" + STATUS + "\"]", "\"" + STATUS + "\"", "42"})
        void payloadThatIsNotAnObjectIsRejected(String payload) {
            assertThatThrownBy(() -> dataOf(EVENT_TYPE, 1, payload))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining(EVENT_TYPE)
                    .satisfies(e -> assertNoPayloadValues(e.getMessage()));
        }

        @Test
        void missingPayloadIsRejectedNamingTheColumn() {
            assertThatThrownBy(() -> dataOf(EVENT_TYPE, 1, null))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("'payload'");
        }

        @Test
        void extraFieldsAreDroppedByDefault() {
            String payload = REGISTERED
                    .replace("\"name\": \"Ada\"", "\"name\": \"Ada\", \"floor\": 3")
                    .replace("\"packageId\": 7", "\"packageId\": 7, \"carrier\": \"PostNL\"");

            Struct data = dataOf("PackageRegistered", 1, payload);

            data.validate();
            assertThat(data.schema().field("carrier")).isNull();
            assertThat(data.getStruct("recipient").schema().field("floor")).isNull();
            assertThat(data.getStruct("recipient").getString("name")).isEqualTo("Ada");
        }

        @Test
        void extraFieldsFailWhenConfiguredToNamingTheField() {
            CommandEventEnvelope<SourceRecord> transform = configured(Map.of("extra.fields.behavior", "fail"));
            String topLevel = REGISTERED.replace("\"packageId\": 7", "\"packageId\": 7, \"carrier\": \"PostNL\"");
            String nested = REGISTERED.replace("\"name\": \"Ada\"", "\"name\": \"Ada\", \"floor\": 3");

            assertThatThrownBy(() -> transform.apply(
                            event("c", row().type("PackageRegistered", 1).payload(topLevel))))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("field 'carrier'")
                    .hasMessageNotContaining("PostNL");
            assertThatThrownBy(() -> transform.apply(
                            event("c", row().type("PackageRegistered", 1).payload(nested))))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("field 'recipient.floor'");
            assertThat(data(transform.apply(event(
                                    "c", row().type("PackageRegistered", 1).payload(REGISTERED))))
                            .getInt64("packageId"))
                    .isEqualTo(7L);
        }

        @Test
        void undeclaredEventTypeFailsByDefault() {
            assertThatThrownBy(() -> dataOf("PackageLabelPrinted", 1, "{\"printer\": \"P-" + STATUS + "\"}"))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("PackageLabelPrinted")
                    .hasMessageContaining("data.schemas")
                    .satisfies(e -> assertNoPayloadValues(e.getMessage()));
        }

        @Test
        void versionedDeclarationDoesNotCoverOtherVersions() {
            assertThatThrownBy(() -> dataOf(EVENT_TYPE, 2, PAYLOAD))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining(EVENT_TYPE + "@2")
                    .hasMessageContaining("data.schemas");
        }

        @Test
        void declarationWithoutVersionCoversAllVersionsAndAVersionedOneWinsForItsVersion() {
            CommandEventEnvelope<SourceRecord> transform = configured(Map.of(
                    "data.schemas",
                    "PackageStatusChanged{packageId:int64}; PackageStatusChanged@2{packageId:int64, status:string}"));

            List<Struct> data = new ArrayList<>();
            for (Integer version : new Integer[] {1, 2, 3, null}) {
                data.add(data(transform.apply(event("c", row().type(EVENT_TYPE, version)))));
            }

            assertThat(data.get(0).schema().fields()).extracting(Field::name).containsExactly("packageId");
            assertThat(data.get(0).schema().version()).isNull();
            assertThat(data.get(1).schema().fields()).extracting(Field::name).containsExactly("packageId", "status");
            assertThat(data.get(1).schema().version()).isEqualTo(2);
            assertThat(data.get(1).getString("status")).isEqualTo(STATUS);
            assertThat(data.get(2).schema()).isSameAs(data.get(0).schema());
            assertThat(data.get(3).schema()).isSameAs(data.get(0).schema());
        }

        @Test
        void undeclaredEventTypeIsInferredWhenConfiguredTo() {
            CommandEventEnvelope<SourceRecord> transform = configured(Map.of("undeclared.event.behavior", "infer"));
            Supplier<Row> labelPrinted = () -> row().type("PackageLabelPrinted", 1);

            SourceRecord first = transform.apply(event(
                    "c",
                    labelPrinted
                            .get()
                            .payload("{\"packageId\": 42, \"printer\": \"P1\", \"copies\": 2.5, \"color\": true,"
                                    + " \"size\": {\"w\": 10}, \"tags\": [\"a\"]}")));
            SourceRecord sameShape = transform.apply(event(
                    "c",
                    labelPrinted
                            .get()
                            .payload("{\"packageId\": 43, \"printer\": \"P2\", \"copies\": 1.0, \"color\": false,"
                                    + " \"size\": {\"w\": 12}, \"tags\": []}")));
            SourceRecord otherShape =
                    transform.apply(event("c", labelPrinted.get().payload("{\"packageId\": 44, \"printer\": \"P3\"}")));

            Struct data = data(first);
            Schema schema = data.schema();
            assertThat(schema.name()).isEqualTo("io.domainbridge.data.PackageLabelPrinted");
            assertThat(schema.fields())
                    .extracting(Field::name)
                    .containsExactly("packageId", "printer", "copies", "color", "size", "tags");
            assertThat(schema.fields())
                    .allSatisfy(field -> assertThat(field.schema().isOptional())
                            .as(field.name())
                            .isTrue());
            assertThat(schema.field("packageId").schema().type()).isEqualTo(Schema.Type.INT64);
            assertThat(schema.field("copies").schema().type()).isEqualTo(Schema.Type.FLOAT64);
            assertThat(data.getInt64("packageId")).isEqualTo(42L);
            assertThat(data.getString("printer")).isEqualTo("P1");
            assertThat(data.getFloat64("copies")).isEqualTo(2.5);
            assertThat(data.getBoolean("color")).isTrue();
            assertThat(data.getStruct("size").getInt64("w")).isEqualTo(10L);
            assertThat(data.getArray("tags")).containsExactly("a");
            assertThat(sameShape.valueSchema()).isSameAs(first.valueSchema());
            assertThat(data(sameShape).schema()).isSameAs(schema);
            assertThat(data(sameShape).getInt64("packageId")).isEqualTo(43L);
            assertThat(otherShape.valueSchema())
                    .isNotSameAs(first.valueSchema())
                    .isNotEqualTo(first.valueSchema());
            assertThat(data(otherShape).schema().fields())
                    .extracting(Field::name)
                    .containsExactly("packageId", "printer");
            assertThat(transform
                            .apply(event("c", labelPrinted.get().payload("{\"packageId\": 45, \"printer\": \"P\"}")))
                            .valueSchema())
                    .isSameAs(otherShape.valueSchema());
        }

        @Test
        void declaredTypesStayValidatedWhenInferenceIsOn() {
            CommandEventEnvelope<SourceRecord> transform = configured(Map.of("undeclared.event.behavior", "infer"));

            assertThatThrownBy(() -> transform.apply(event("c", row().payload(PAYLOAD.replace("42", "\"x\"")))))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("field 'packageId'");
        }
    }

    /** Rows that cannot become events, each with the transform configuration under which it fails. */
    record BadRow(String name, Map<String, String> config, Supplier<SourceRecord> input, String reason) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<BadRow> badRows() {
        return Stream.of(
                new BadRow("blank event id", Map.of(), () -> event("c", row().with("event_id", " ")), "'event_id'"),
                new BadRow(
                        "missing event type",
                        Map.of(),
                        () -> event("c", row().with("event_type", null)),
                        "'event_type'"),
                new BadRow(
                        "blank aggregate type",
                        Map.of(),
                        () -> event("c", row().with("aggregate_type", "")),
                        "'aggregate_type'"),
                new BadRow(
                        "missing aggregate id",
                        Map.of(),
                        () -> record(null, row().with("aggregate_id", null).map()),
                        "'aggregate_id'"),
                new BadRow(
                        "invalid JSON",
                        Map.of(),
                        () -> event("c", row().payload(PAYLOAD.replace("}", ""))),
                        "'payload'"),
                new BadRow(
                        "JSON nested too deeply",
                        Map.of(),
                        () -> event("c", row().payload(PAYLOAD.replace("42", "[".repeat(1500) + "]".repeat(1500)))),
                        "'payload'"),
                new BadRow(
                        "required field missing",
                        Map.of(),
                        () -> event("c", row().payload(PAYLOAD.replace("\"status\"", "\"state\""))),
                        "'status'"),
                new BadRow(
                        "wrong type",
                        Map.of(),
                        () -> event("c", row().payload(PAYLOAD.replace("\"" + STATUS + "\"", "[\"" + STATUS + "\"]"))),
                        "'status'"),
                new BadRow("undeclared type", Map.of(), () -> event("c", row().type("PackageLost", 1)), "PackageLost"),
                new BadRow(
                        "aggregate type that makes an illegal topic name",
                        Map.of(),
                        () -> event("c", row().with("aggregate_type", "parcel line")),
                        "topic name"),
                new BadRow(
                        "extra field",
                        Map.of("extra.fields.behavior", "fail"),
                        () -> event("c", row().payload(PAYLOAD.replace("{", "{\"pin\": \"" + STATUS + "\", "))),
                        "'pin'"),
                new BadRow(
                        "bad occurred_at",
                        Map.of(),
                        () -> event("c", row().with("occurred_at", STATUS)),
                        "'occurred_at'"),
                new BadRow("rejected update", Map.of("update.behavior", "fail"), () -> event("u", row()), "update"),
                new BadRow("rejected delete", Map.of("delete.behavior", "fail"), () -> event("d", row()), "delete"),
                new BadRow("not a row", Map.of(), () -> record(Schema.STRING_SCHEMA, PAYLOAD), "struct or a map"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRows")
    void badRowRaisesADataExceptionWithoutPayloadValues(BadRow bad) {
        CommandEventEnvelope<SourceRecord> transform = configured(bad.config());

        assertThatThrownBy(() -> transform.apply(bad.input().get()))
                .isInstanceOf(DataException.class)
                .hasMessageContaining(bad.reason())
                .satisfies(e -> assertNoPayloadValues(e.getMessage()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRows")
    void badRowGoesToTheDeadLetterTopicUnchangedAndLaterEventsFlow(BadRow bad) {
        Map<String, String> config = new HashMap<>(bad.config());
        config.put("dead.letter.topic", DEAD_LETTER_TOPIC);
        CommandEventEnvelope<SourceRecord> transform = configured(config);
        SourceRecord input = bad.input().get();
        input.headers().addString("traceparent", "t-1");

        SourceRecord dead = transform.apply(input);
        SourceRecord good = transform.apply(event("c", row()));

        assertThat(dead.topic()).isEqualTo(DEAD_LETTER_TOPIC);
        assertThat(dead.kafkaPartition()).isNull();
        assertThat(dead.keySchema()).isSameAs(input.keySchema());
        assertThat(dead.key()).isSameAs(input.key());
        assertThat(dead.valueSchema()).isSameAs(input.valueSchema());
        assertThat(dead.value()).isSameAs(input.value());
        assertThat(dead.timestamp()).isEqualTo(input.timestamp());
        assertThat(dead.sourcePartition()).isEqualTo(SOURCE_PARTITION);
        assertThat(dead.sourceOffset()).isEqualTo(SOURCE_OFFSET);
        assertThat(header(dead, "traceparent")).isEqualTo("t-1");
        assertThat(header(dead, "__connect.errors.topic")).isEqualTo(TOPIC);
        assertThat(header(dead, "__connect.errors.stage")).isEqualTo("TRANSFORMATION");
        assertThat(header(dead, "__connect.errors.class.name")).isEqualTo(CommandEventEnvelope.class.getName());
        assertThat(header(dead, "__connect.errors.exception.class.name")).isEqualTo(DataException.class.getName());
        String message = (String) header(dead, "__connect.errors.exception.message");
        assertThat(message).contains(bad.reason());
        assertNoPayloadValues(message);
        assertThat(input.topic()).isEqualTo(TOPIC);
        assertThat(input.headers()).hasSize(1);
        assertDefaultEnvelope(good);
    }

    @Test
    void badSinkRecordGoesToTheDeadLetterTopicAndKeepsItsPartitionAndOffset() {
        Struct value = OutboxTable.changeEvent("c", row().with("event_id", ""));
        SinkRecord input =
                new SinkRecord(TOPIC, 2, null, null, value.schema(), value, 77L, TIMESTAMP, TimestampType.CREATE_TIME);
        CommandEventEnvelope<SinkRecord> transform = new CommandEventEnvelope<>();
        transforms.add(transform);
        transform.configure(Map.of("source.domain", DOMAIN, "dead.letter.topic", DEAD_LETTER_TOPIC));

        SinkRecord dead = transform.apply(input);

        assertThat(dead.topic()).isEqualTo(DEAD_LETTER_TOPIC);
        assertThat(dead.kafkaPartition()).isEqualTo(2);
        assertThat(dead.kafkaOffset()).isEqualTo(77L);
        assertThat(dead.value()).isSameAs(value);
        assertThat(dead.headers().lastWithName("__connect.errors.topic").value())
                .isEqualTo(TOPIC);
    }

    @Test
    void droppedChangesAreNotDeadLetters() {
        CommandEventEnvelope<SourceRecord> transform = configured(Map.of("dead.letter.topic", DEAD_LETTER_TOPIC));

        assertThat(transform.apply(event("u", row()))).isNull();
        assertThat(transform.apply(event("d", row()))).isNull();
        assertThat(transform.apply(record(null, null))).isNull();
    }

    @Test
    void debeziumHeartbeatPassesUnchanged() {
        Schema heartbeatSchema = org.apache.kafka.connect.data.SchemaBuilder.struct()
                .name("io.debezium.connector.common.Heartbeat")
                .field("ts_ms", Schema.INT64_SCHEMA)
                .build();
        SourceRecord heartbeat = new SourceRecord(
                Map.of("server", "logistics"),
                Map.of("lsn", 1L),
                "__debezium-heartbeat.logistics",
                null,
                heartbeatSchema,
                new Struct(heartbeatSchema).put("ts_ms", 1L));

        assertThat(apply(heartbeat)).isSameAs(heartbeat);
    }

    @Test
    void debeziumSchemaChangeIsDropped() {
        Schema changeSchema = org.apache.kafka.connect.data.SchemaBuilder.struct()
                .name("io.debezium.connector.mysql.SchemaChangeValue")
                .field("ddl", Schema.STRING_SCHEMA)
                .build();
        SourceRecord change = new SourceRecord(
                Map.of("server", "logistics"),
                Map.of("pos", 1L),
                "logistics",
                null,
                changeSchema,
                new Struct(changeSchema).put("ddl", "alter table outbox add column x int"));

        assertThat(apply(change)).isNull();
    }
}

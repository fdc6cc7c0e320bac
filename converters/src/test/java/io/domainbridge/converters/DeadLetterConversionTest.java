package io.domainbridge.converters;

import static org.assertj.core.api.Assertions.assertThat;

import io.domainbridge.transforms.CommandEventEnvelope;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;
import org.apache.kafka.connect.storage.StringConverter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox connector as a user sets it up with registry-less Avro: CommandEventEnvelope with a dead-letter topic,
 * CloudEventsConverter with the event schemas in avro.schemas and no passthrough converter. The dead letter (the
 * outbox row unchanged, whose schema no one lists) must be writable, and read back as it was.
 */
class DeadLetterConversionTest {

    private static final String DLQ = "logistics.outbox.dead-letters";
    private static final Schema ROW = SchemaBuilder.struct()
            .name("logistics.shipping.outbox.Value")
            .optional()
            .field("event_id", Schema.STRING_SCHEMA)
            .field("aggregate_type", Schema.STRING_SCHEMA)
            .field("aggregate_id", Schema.STRING_SCHEMA)
            .field("event_type", Schema.STRING_SCHEMA)
            .field("payload", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
    private static final Schema SOURCE = SchemaBuilder.struct()
            .name("io.debezium.connector.postgresql.Source")
            .field("schema", Schema.STRING_SCHEMA)
            .field("table", Schema.STRING_SCHEMA)
            .build();
    private static final Schema CHANGE = SchemaBuilder.struct()
            .name("logistics.shipping.outbox.Envelope")
            .field("before", ROW)
            .field("after", ROW)
            .field("source", SOURCE)
            .field("op", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
            .build();
    private static final Schema KEY = SchemaBuilder.struct()
            .name("logistics.shipping.outbox.Key")
            .field("event_id", Schema.STRING_SCHEMA)
            .build();

    private final CommandEventEnvelope<SourceRecord> envelope = new CommandEventEnvelope<>();
    private CloudEventsConverter values;
    private final StringConverter keys = new StringConverter();
    private final SimpleHeaderConverter headerConverter = new SimpleHeaderConverter();

    DeadLetterConversionTest() {
        envelope.configure(Map.of(
                "source.domain", "logistics",
                "data.schemas", "PackageRegistered{packageId:int64}",
                "dead.letter.topic", DLQ));
        keys.configure(Map.of(), true);
        headerConverter.configure(Map.of());
    }

    @AfterEach
    void close() {
        envelope.close();
        if (values != null) {
            values.close();
        }
    }

    @Test
    void aDeadLetterKeyIsWrittenByTheConverterAsKeyConverterToo() {
        SourceRecord deadLetter = envelope.apply(outboxRow("e-3", "not json"));
        CloudEventsConverter keyConverter = new CloudEventsConverter();
        keyConverter.configure(Fixtures.config("data.encoding", "avro", "avro.schemas", "[]"), true);
        RecordHeaders headers = headers(deadLetter);

        byte[] bytes = keyConverter.fromConnectData(DLQ, headers, deadLetter.keySchema(), deadLetter.key());
        SchemaAndValue readBack = keyConverter.toConnectData(DLQ, headers, bytes);

        assertThat(readBack.schema()).isEqualTo(KEY);
        assertThat(readBack.value()).isEqualTo(deadLetter.key());
        keyConverter.close();
    }

    @Test
    void eventsAndDeadLettersAreBothWritten() {
        SourceRecord event = envelope.apply(outboxRow("e-1", "{\"packageId\": 42}"));
        // the event's data schema is listed, as the converter's error for an unlisted one asks
        Schema data = event.valueSchema().field("data").schema();
        values = Fixtures.converter("data.encoding", "avro", "avro.schemas", Fixtures.avroSchemas(data));
        SourceRecord deadLetter = envelope.apply(outboxRow("e-2", "{\"packageId\": \"not a number\"}"));

        assertThat(event.topic()).isNotEqualTo(DLQ);
        assertThat(deadLetter.topic()).isEqualTo(DLQ);
        assertThat(produce(event).value()).isNotNull();
        SchemaAndValue readBack = produce(deadLetter);
        assertThat(readBack.schema()).isEqualTo(CHANGE);
        assertThat(readBack.value()).isEqualTo(deadLetter.value());
    }

    /** What a source task does with a transformed record: headers, key and value converted, then read back. */
    private SchemaAndValue produce(SourceRecord record) {
        RecordHeaders headers = headers(record);
        keys.fromConnectData(record.topic(), headers, record.keySchema(), record.key());
        byte[] bytes = values.fromConnectData(record.topic(), headers, record.valueSchema(), record.value());
        return values.toConnectData(record.topic(), headers, bytes);
    }

    private RecordHeaders headers(SourceRecord record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(
                    header.key(),
                    headerConverter.fromConnectHeader(record.topic(), header.key(), header.schema(), header.value()));
        }
        return headers;
    }

    private static SourceRecord outboxRow(String eventId, String payload) {
        Struct row = new Struct(ROW)
                .put("event_id", eventId)
                .put("aggregate_type", "package")
                .put("aggregate_id", "p-42")
                .put("event_type", "PackageRegistered")
                .put("payload", payload);
        Struct change = new Struct(CHANGE)
                .put("after", row)
                .put("source", new Struct(SOURCE).put("schema", "shipping").put("table", "outbox"))
                .put("op", "c")
                .put("ts_ms", 1_767_225_600_000L);
        return new SourceRecord(
                Map.of(),
                Map.of(),
                "logistics.shipping.outbox",
                null,
                KEY,
                new Struct(KEY).put("event_id", eventId),
                CHANGE,
                change);
    }
}

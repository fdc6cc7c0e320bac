package io.domainbridge.transforms;

import static io.domainbridge.transforms.PackagesTable.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class DomainBoundaryKeyTest extends DomainBoundaryTest {

    private static final String VALUE = "a value the key transform must not touch";

    private static final Schema KEY_SCHEMA = SchemaBuilder.struct()
            .name("dbserver.public.packages.Key")
            .field("id", Schema.INT64_SCHEMA)
            .field("tracking_code", Schema.STRING_SCHEMA)
            .build();

    /** The shared suite uses whole rows as keys, of which the contract withholds some columns. */
    @Override
    Map<String, String> partSettings() {
        return Map.of("partial.key.behavior", "allow");
    }

    @Override
    <R extends ConnectRecord<R>> DomainBoundary<R> newTransform() {
        return new DomainBoundary.Key<>();
    }

    @Override
    SourceRecord record(String topic, Schema schema, Object data, Headers headers) {
        return new SourceRecord(
                SOURCE_PARTITION,
                SOURCE_OFFSET,
                topic,
                0,
                schema,
                data,
                Schema.STRING_SCHEMA,
                VALUE,
                TIMESTAMP,
                headers);
    }

    @Override
    SinkRecord sinkRecord(String topic, Schema schema, Object data, Headers headers) {
        return new SinkRecord(
                topic,
                3,
                schema,
                data,
                Schema.STRING_SCHEMA,
                VALUE,
                42L,
                TIMESTAMP,
                TimestampType.CREATE_TIME,
                headers);
    }

    @Override
    Schema schemaOf(ConnectRecord<?> record) {
        return record.keySchema();
    }

    @Override
    Object dataOf(ConnectRecord<?> record) {
        return record.key();
    }

    @Override
    List<Object> otherPartOf(ConnectRecord<?> record) {
        return java.util.Arrays.asList(record.valueSchema(), record.value());
    }

    @Test
    void keyTableIsNamedByTheChangeEventInTheValue() {
        Struct key = new Struct(KEY_SCHEMA).put("id", ID).put("tracking_code", PackagesTable.TRACKING_CODE);
        Struct envelope = PackagesTable.envelope();
        SourceRecord input = new SourceRecord(
                SOURCE_PARTITION,
                SOURCE_OFFSET,
                "all-parcel-changes",
                0,
                KEY_SCHEMA,
                key,
                PackagesTable.ENVELOPE_SCHEMA,
                envelope,
                TIMESTAMP,
                new ConnectHeaders());

        SourceRecord output = this.<SourceRecord>configured(Map.of()).apply(input);

        assertThat(fieldNames(output.keySchema())).containsExactly("id");
        assertThat(((Struct) output.key()).get("id")).isEqualTo(ID);
        assertThat(output.value()).isSameAs(envelope);
        assertThat(output.valueSchema()).isSameAs(PackagesTable.ENVELOPE_SCHEMA);
    }

    @Test
    void debeziumTombstoneKeepsItsFilteredKey() {
        Struct key = new Struct(KEY_SCHEMA).put("id", ID).put("tracking_code", PackagesTable.TRACKING_CODE);
        SourceRecord tombstone = new SourceRecord(
                SOURCE_PARTITION,
                SOURCE_OFFSET,
                PackagesTable.TOPIC,
                0,
                KEY_SCHEMA,
                key,
                null,
                null,
                TIMESTAMP,
                new ConnectHeaders());

        SourceRecord output = this.<SourceRecord>configured(Map.of()).apply(tombstone);

        assertThat(fieldNames(output.keySchema())).containsExactly("id");
        assertThat(((Struct) output.key()).get("id")).isEqualTo(ID);
        assertThat(output.value()).isNull();
        assertThat(output.valueSchema()).isNull();
        assertContractHeaders(output, true);
    }

    @Test
    void keyThatIsNeitherStructNorMapFails() {
        SourceRecord input = new SourceRecord(
                SOURCE_PARTITION,
                SOURCE_OFFSET,
                PackagesTable.TOPIC,
                0,
                Schema.STRING_SCHEMA,
                PackagesTable.TRACKING_CODE,
                PackagesTable.ENVELOPE_SCHEMA,
                PackagesTable.envelope(),
                TIMESTAMP,
                new ConnectHeaders());
        DomainBoundary<SourceRecord> transform = configured(Map.of());

        assertThatThrownBy(() -> transform.apply(input))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("key")
                .hasMessageNotContaining(PackagesTable.TRACKING_CODE);
    }

    @Test
    void keyOfWhichTheContractSharesNoColumnFails() {
        Schema keySchema = SchemaBuilder.struct()
                .name("dbserver.public.packages.Key")
                .field("internal_ref", Schema.STRING_SCHEMA)
                .build();
        Struct key = new Struct(keySchema).put("internal_ref", "REF-0042");
        SourceRecord input = new SourceRecord(
                SOURCE_PARTITION,
                SOURCE_OFFSET,
                PackagesTable.TOPIC,
                0,
                keySchema,
                key,
                PackagesTable.ENVELOPE_SCHEMA,
                PackagesTable.envelope(),
                TIMESTAMP,
                new ConnectHeaders());
        DomainBoundary<SourceRecord> transform = configured(Map.of());

        assertThatThrownBy(() -> transform.apply(input))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("no key column")
                .hasMessageNotContaining("REF-0042");
    }
}

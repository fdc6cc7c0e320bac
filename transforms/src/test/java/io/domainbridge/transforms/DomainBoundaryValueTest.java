package io.domainbridge.transforms;

import static io.domainbridge.transforms.PackagesTable.STATUS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class DomainBoundaryValueTest extends DomainBoundaryTest {

    private static final Schema KEY_SCHEMA = SchemaBuilder.struct()
            .name("dbserver.public.packages.Key")
            .field("id", Schema.INT64_SCHEMA)
            .build();
    private static final Struct KEY = new Struct(KEY_SCHEMA).put("id", PackagesTable.ID);

    @Override
    <R extends ConnectRecord<R>> DomainBoundary<R> newTransform() {
        return new DomainBoundary.Value<>();
    }

    @Override
    SourceRecord record(String topic, Schema schema, Object data, Headers headers) {
        return new SourceRecord(
                SOURCE_PARTITION, SOURCE_OFFSET, topic, 0, KEY_SCHEMA, KEY, schema, data, TIMESTAMP, headers);
    }

    @Override
    SinkRecord sinkRecord(String topic, Schema schema, Object data, Headers headers) {
        return new SinkRecord(
                topic, 3, KEY_SCHEMA, KEY, schema, data, 42L, TIMESTAMP, TimestampType.CREATE_TIME, headers);
    }

    @Override
    Schema schemaOf(ConnectRecord<?> record) {
        return record.valueSchema();
    }

    @Override
    Object dataOf(ConnectRecord<?> record) {
        return record.value();
    }

    @Override
    List<Object> otherPartOf(ConnectRecord<?> record) {
        return Arrays.asList(record.keySchema(), record.key());
    }

    @Test
    void changeEventTableIsNamedBySourceNotTopic() {
        DomainBoundary<SourceRecord> transform = configured(Map.of());
        Struct envelope = PackagesTable.envelope();
        Map<String, Object> schemaless = PackagesTable.envelopeMap();

        SourceRecord output = transform.apply(
                record("all-parcel-changes", PackagesTable.ENVELOPE_SCHEMA, envelope, new ConnectHeaders()));
        SourceRecord schemalessOutput =
                transform.apply(record("all-parcel-changes", null, schemaless, new ConnectHeaders()));

        assertSharedRow(((Struct) output.value()).getStruct("after"), STATUS);
        assertSharedRow((Map<?, ?>) ((Map<?, ?>) schemalessOutput.value()).get("after"), STATUS);
    }

    @Test
    void changeEventOfUnlistedTableIsDroppedWhateverTheTopic() {
        Struct envelope = PackagesTable.envelope();
        envelope.getStruct("source").put("table", "returns");

        SourceRecord output = this.<SourceRecord>configured(Map.of())
                .apply(record(PackagesTable.TOPIC, PackagesTable.ENVELOPE_SCHEMA, envelope, new ConnectHeaders()));

        assertThat(output).isNull();
    }

    @Test
    void mysqlChangeEventTableIsNamedByDatabase() {
        Schema source = SchemaBuilder.struct()
                .name("io.debezium.connector.mysql.Source")
                .field("connector", Schema.STRING_SCHEMA)
                .field("db", Schema.STRING_SCHEMA)
                .field("table", Schema.OPTIONAL_STRING_SCHEMA)
                .build();
        Schema row = SchemaBuilder.struct()
                .optional()
                .field("id", Schema.INT64_SCHEMA)
                .field("tracking_code", Schema.STRING_SCHEMA)
                .build();
        Schema envelopeSchema = SchemaBuilder.struct()
                .name("mysqlserver.parcels.packages.Envelope")
                .field("before", row)
                .field("after", row)
                .field("source", source)
                .field("op", Schema.STRING_SCHEMA)
                .build();
        Struct envelope = new Struct(envelopeSchema)
                .put("after", new Struct(row).put("id", 5L).put("tracking_code", PackagesTable.TRACKING_CODE))
                .put(
                        "source",
                        new Struct(source)
                                .put("connector", "mysql")
                                .put("db", "parcels")
                                .put("table", "packages"))
                .put("op", "c");
        DomainBoundary<SourceRecord> transform = configured(Map.of(
                "columns", "parcels.packages.id", "mask.columns", "", "pseudonymize.columns", "", "renames", ""));

        SourceRecord output = transform.apply(record("all-changes", envelopeSchema, envelope, new ConnectHeaders()));

        Struct after = ((Struct) output.value()).getStruct("after");
        assertThat(fieldNames(after.schema())).containsExactly("id");
        assertThat(after.get("id")).isEqualTo(5L);
        assertContractHeaders(output, false);
    }

    @Test
    void flatRowTableIsNamedByTheLastTwoTopicSegments() {
        DomainBoundary<SourceRecord> transform = configured(Map.of());
        Struct row = PackagesTable.row();

        SourceRecord prefixed = transform.apply(
                record("prod.dbserver.public.packages", PackagesTable.ROW_SCHEMA, row, new ConnectHeaders()));
        SourceRecord bare = transform.apply(record("packages", PackagesTable.ROW_SCHEMA, row, new ConnectHeaders()));

        assertSharedRow((Struct) prefixed.value(), STATUS);
        assertThat(bare).isNull();
    }
}

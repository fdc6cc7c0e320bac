package io.domainbridge.transforms;

import static io.domainbridge.transforms.PackagesTable.STATUS;
import static io.domainbridge.transforms.PackagesTable.TOPIC;
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

    /** The key Debezium gives records of the topic's table: {@code prefix.schema.table.Key}. */
    private static Struct key(String topic) {
        Schema schema = SchemaBuilder.struct()
                .name(topic + ".Key")
                .field("id", Schema.INT64_SCHEMA)
                .build();
        return new Struct(schema).put("id", PackagesTable.ID);
    }

    @Override
    <R extends ConnectRecord<R>> DomainBoundary<R> newTransform() {
        return new DomainBoundary.Value<>();
    }

    @Override
    SourceRecord record(String topic, Schema schema, Object data, Headers headers) {
        Struct key = key(topic);
        return new SourceRecord(
                SOURCE_PARTITION, SOURCE_OFFSET, topic, 0, key.schema(), key, schema, data, TIMESTAMP, headers);
    }

    @Override
    SinkRecord sinkRecord(String topic, Schema schema, Object data, Headers headers) {
        Struct key = key(topic);
        return new SinkRecord(
                topic, 3, key.schema(), key, schema, data, 42L, TIMESTAMP, TimestampType.CREATE_TIME, headers);
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
    void flatRowTableIsNamedByItsSchemaNameOrAThreeSegmentTopic() {
        DomainBoundary<SourceRecord> transform = configured(Map.of());
        Struct row = PackagesTable.row();
        Struct unnamed = unnamedRow();

        SourceRecord named = transform.apply(
                record("prod.dbserver.public.packages", PackagesTable.ROW_SCHEMA, row, new ConnectHeaders()));
        SourceRecord byTopic = transform.apply(new SourceRecord(
                SOURCE_PARTITION, SOURCE_OFFSET, TOPIC, 0, null, null, unnamed.schema(), unnamed, TIMESTAMP));
        SourceRecord dottedPrefix = transform.apply(new SourceRecord(
                SOURCE_PARTITION,
                SOURCE_OFFSET,
                "prod.dbserver.public.packages",
                0,
                null,
                null,
                unnamed.schema(),
                unnamed,
                TIMESTAMP));
        SourceRecord bare = transform.apply(new SourceRecord(
                SOURCE_PARTITION, SOURCE_OFFSET, "packages", 0, null, null, unnamed.schema(), unnamed, TIMESTAMP));

        assertThat(named).as("schema and key names disagree").isNull();
        assertSharedRow((Struct) byTopic.value(), STATUS);
        assertThat(dottedPrefix).as("four segments: the table cannot be told").isNull();
        assertThat(bare).isNull();
    }

    private static Struct unnamedRow() {
        Struct row = PackagesTable.row();
        SchemaBuilder builder = SchemaBuilder.struct();
        row.schema().fields().forEach(field -> builder.field(field.name(), field.schema()));
        Schema schema = builder.build();
        Struct unnamed = new Struct(schema);
        schema.fields().forEach(field -> unnamed.put(field, row.get(field.name())));
        return unnamed;
    }
}

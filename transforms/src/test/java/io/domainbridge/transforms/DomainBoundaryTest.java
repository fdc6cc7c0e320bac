package io.domainbridge.transforms;

import static io.domainbridge.transforms.PackagesTable.CONTRACT_ID;
import static io.domainbridge.transforms.PackagesTable.CONTRACT_VERSION;
import static io.domainbridge.transforms.PackagesTable.EMAIL;
import static io.domainbridge.transforms.PackagesTable.ENVELOPE_SCHEMA;
import static io.domainbridge.transforms.PackagesTable.ID;
import static io.domainbridge.transforms.PackagesTable.KEY;
import static io.domainbridge.transforms.PackagesTable.KEY_ID;
import static io.domainbridge.transforms.PackagesTable.ROW_SCHEMA;
import static io.domainbridge.transforms.PackagesTable.STATUS;
import static io.domainbridge.transforms.PackagesTable.TOPIC;
import static io.domainbridge.transforms.PackagesTable.WEIGHT;
import static io.domainbridge.transforms.PackagesTable.WITHHELD_VALUES;
import static io.domainbridge.transforms.PackagesTable.hmac;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.domainbridge.events.ProjectVersion;
import io.domainbridge.transforms.ColumnTypes.ColumnType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The behaviour both {@link DomainBoundary.Key} and {@link DomainBoundary.Value} share, run once for each through
 * {@link DomainBoundaryKeyTest} and {@link DomainBoundaryValueTest}. The subclasses only say where the data lives.
 */
abstract class DomainBoundaryTest {

    static final Map<String, ?> SOURCE_PARTITION = Map.of("server", "dbserver");
    static final Map<String, ?> SOURCE_OFFSET = Map.of("lsn", 24_023_128L);
    static final long TIMESTAMP = 1_767_225_600_500L;

    static final List<String> SHARED_OUTPUT_COLUMNS =
            List.of("id", "delivery_status", "recipient_email", "recipient_phone", "weight_grams");

    static final String VAULT_TOPIC = "dbserver.public.vault";
    static final Map<String, String> MASK_VAULT = Map.of(
            "columns",
            "public.vault.id",
            "mask.columns",
            "public.vault.secret",
            "pseudonymize.columns",
            "",
            "renames",
            "");
    static final Map<String, String> PSEUDONYMIZE_VAULT = Map.of(
            "columns",
            "public.vault.id",
            "mask.columns",
            "",
            "pseudonymize.columns",
            "public.vault.secret",
            "renames",
            "");

    /** A table the contract does not list, named as Debezium names it. */
    static final Schema RETURNS_SCHEMA = SchemaBuilder.struct()
            .name("dbserver.public.returns.Value")
            .field("id", Schema.INT64_SCHEMA)
            .field("tracking_code", Schema.STRING_SCHEMA)
            .build();

    private final List<DomainBoundary<?>> transforms = new ArrayList<>();

    abstract <R extends ConnectRecord<R>> DomainBoundary<R> newTransform();

    /** A source record with the data in the part under test and a fixed payload in the other part. */
    abstract SourceRecord record(String topic, Schema schema, Object data, Headers headers);

    abstract SinkRecord sinkRecord(String topic, Schema schema, Object data, Headers headers);

    abstract Schema schemaOf(ConnectRecord<?> record);

    abstract Object dataOf(ConnectRecord<?> record);

    /** The schema and data of the part the transform must leave alone. */
    abstract List<Object> otherPartOf(ConnectRecord<?> record);

    @AfterEach
    void closeTransforms() {
        transforms.forEach(DomainBoundary::close);
    }

    /** Settings the part under test needs on top of the contract. */
    Map<String, String> partSettings() {
        return Map.of();
    }

    <R extends ConnectRecord<R>> DomainBoundary<R> configured(Map<String, String> overrides) {
        Map<String, String> props = PackagesTable.contract();
        props.putAll(partSettings());
        props.putAll(overrides);
        DomainBoundary<R> transform = newTransform();
        transform.configure(props);
        transforms.add(transform);
        return transform;
    }

    SourceRecord apply(Schema schema, Object data) {
        return this.<SourceRecord>configured(Map.of()).apply(record(TOPIC, schema, data, new ConnectHeaders()));
    }

    @Test
    void headersTheContractDoesNotNameAreDropped() {
        Headers headers = new ConnectHeaders().addString("trace-id", "t-1").addString("tenant", "withheld-tenant");
        SourceRecord input = record(TOPIC, ROW_SCHEMA, PackagesTable.row(), headers);

        SourceRecord output = this.<SourceRecord>configured(Map.of("headers.allowed", "trace-id"))
                .apply(input);

        assertThat(output.headers().lastWithName("trace-id").value()).isEqualTo("t-1");
        assertThat(output.headers().lastWithName("tenant")).isNull();
        assertContractHeaders(output, true);
    }

    @Test
    void tombstonePassesWithContractHeaders() {
        SourceRecord input = record(TOPIC, null, null, new ConnectHeaders().addString("trace-id", "t-1"));

        SourceRecord output = this.<SourceRecord>configured(Map.of("headers.allowed", "trace-id"))
                .apply(input);

        assertThat(dataOf(output)).isNull();
        assertThat(schemaOf(output)).isNull();
        assertThat(otherPartOf(output)).isEqualTo(otherPartOf(input));
        assertThat(output.headers().lastWithName("trace-id").value()).isEqualTo("t-1");
        assertContractHeaders(output, true);
    }

    @Test
    void tombstoneWithRowSchemaGetsTheFilteredSchema() {
        SourceRecord output = apply(ROW_SCHEMA, null);

        assertThat(dataOf(output)).isNull();
        assertThat(fieldNames(schemaOf(output))).containsExactlyElementsOf(SHARED_OUTPUT_COLUMNS);
        assertContractHeaders(output, true);
    }

    @Test
    void tombstoneOfUnlistedTableIsDropped() {
        SourceRecord input = record("dbserver.public.returns", null, null, new ConnectHeaders());

        assertThat(this.<SourceRecord>configured(Map.of()).apply(input)).isNull();
    }

    @Test
    void schemalessRowKeepsOnlySharedColumns() {
        SourceRecord output = apply(null, PackagesTable.rowMap());

        assertThat(schemaOf(output)).isNull();
        assertSharedRow((Map<?, ?>) dataOf(output), STATUS);
        assertNothingWithheld(output);
        assertContractHeaders(output, true);
    }

    @Test
    void schemalessEnvelopeFiltersBeforeAndAfterAndKeepsTheRest() {
        Map<String, Object> input = PackagesTable.envelopeMap();

        Map<?, ?> output = (Map<?, ?>) dataOf(apply(null, input));

        assertThat(keys(output)).containsExactlyInAnyOrder("before", "after", "source", "op", "ts_ms");
        assertSharedRow((Map<?, ?>) output.get("before"), "registered");
        assertSharedRow((Map<?, ?>) output.get("after"), STATUS);
        assertThat(output.get("source")).isEqualTo(input.get("source"));
        assertThat(output.get("op")).isEqualTo("u");
        assertThat(output.get("ts_ms")).isEqualTo(input.get("ts_ms"));
        assertThat(String.valueOf(output)).doesNotContain(WITHHELD_VALUES);
    }

    @Test
    void flatRowKeepsOnlySharedColumns() {
        SourceRecord input = record(TOPIC, ROW_SCHEMA, PackagesTable.row(), new ConnectHeaders());

        SourceRecord output = this.<SourceRecord>configured(Map.of()).apply(input);

        Struct row = (Struct) dataOf(output);
        assertThat(schemaOf(output)).isSameAs(row.schema());
        assertThat(row.schema().name()).isEqualTo(ROW_SCHEMA.name());
        assertThat(row.schema().isOptional()).isEqualTo(ROW_SCHEMA.isOptional());
        assertSharedRow(row, STATUS);
        assertNothingWithheld(output);
        assertThat(otherPartOf(output)).isEqualTo(otherPartOf(input));
        assertThat(output.topic()).isEqualTo(TOPIC);
        assertThat(output.timestamp()).isEqualTo(TIMESTAMP);
        assertThat(output.sourcePartition()).isEqualTo(SOURCE_PARTITION);
        assertThat(output.sourceOffset()).isEqualTo(SOURCE_OFFSET);
    }

    @Test
    void debeziumEnvelopeFiltersBeforeAndAfterAndKeepsOpSourceAndTimestamp() {
        Struct input = PackagesTable.envelope();

        Struct output = (Struct) dataOf(apply(ENVELOPE_SCHEMA, input));

        Schema schema = output.schema();
        assertThat(schema.name()).isEqualTo("dbserver.public.packages.Envelope");
        assertThat(schema.version()).isEqualTo(2);
        assertThat(fieldNames(schema)).containsExactly("before", "after", "source", "transaction", "op", "ts_ms");
        assertThat(schema.field("before").schema())
                .isSameAs(schema.field("after").schema());
        assertThat(fieldNames(schema.field("after").schema())).containsExactlyElementsOf(SHARED_OUTPUT_COLUMNS);
        assertThat(schema.field("source").schema()).isEqualTo(PackagesTable.SOURCE_SCHEMA);
        assertSharedRow(output.getStruct("before"), "registered");
        assertSharedRow(output.getStruct("after"), STATUS);
        assertThat(output.getStruct("source")).isEqualTo(PackagesTable.source());
        assertThat(output.getString("op")).isEqualTo("u");
        assertThat(output.getInt64("ts_ms")).isEqualTo(input.getInt64("ts_ms"));
        assertThat(output.getWithoutDefault("transaction")).isNull();
        assertThat(String.valueOf(output)).doesNotContain(WITHHELD_VALUES);
    }

    @Test
    void createAndDeleteEventsKeepTheirMissingRowNull() {
        DomainBoundary<SourceRecord> transform = configured(Map.of());
        Struct create = PackagesTable.envelope(ENVELOPE_SCHEMA, null, PackagesTable.row());
        Struct delete = PackagesTable.envelope(ENVELOPE_SCHEMA, PackagesTable.row(), null);

        Struct created = (Struct) dataOf(transform.apply(record(TOPIC, ENVELOPE_SCHEMA, create, new ConnectHeaders())));
        Struct deleted = (Struct) dataOf(transform.apply(record(TOPIC, ENVELOPE_SCHEMA, delete, new ConnectHeaders())));

        assertThat(created.getStruct("before")).isNull();
        assertSharedRow(created.getStruct("after"), STATUS);
        assertSharedRow(deleted.getStruct("before"), STATUS);
        assertThat(deleted.getStruct("after")).isNull();
    }

    @Test
    void nullInOptionalColumnWithDefaultStaysNull() {
        Struct row = PackagesTable.row().put("status", null);

        Struct output = (Struct) dataOf(apply(ROW_SCHEMA, row));

        assertThat(output.getWithoutDefault("delivery_status")).isNull();
        assertThat(output.schema().field("delivery_status").schema())
                .isEqualTo(ROW_SCHEMA.field("status").schema());
    }

    @Test
    void nullInOptionalColumnsLeavesAsNull() {
        Struct row = PackagesTable.row().put("recipient_email", null).put("recipient_phone", null);

        Struct output = (Struct) dataOf(apply(ROW_SCHEMA, row));

        assertThat(output.getWithoutDefault("recipient_email")).isNull();
        assertThat(output.getWithoutDefault("recipient_phone")).isNull();
        assertThat(output.schema().field("recipient_email").schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
    }

    @Test
    void requiredColumnLeftToItsDefaultLeavesWithTheDefault() {
        Struct row = new Struct(ROW_SCHEMA)
                .put("id", ID)
                .put("tracking_code", "TRK-1")
                .put("status", STATUS);
        row.validate();

        Struct output = (Struct) dataOf(apply(ROW_SCHEMA, row));

        output.validate();
        assertThat(output.get("weight_grams")).isEqualTo(0);
    }

    @Test
    void requiredColumnLeftToItsDefaultIsPseudonymizedAsTheDefault() {
        Struct row = new Struct(ROW_SCHEMA).put("id", ID).put("tracking_code", "TRK-1");
        row.validate();
        DomainBoundary<SourceRecord> transform = configured(Map.of(
                "columns", "public.packages.id",
                "renames", "",
                "pseudonymize.columns", "public.packages.weight_grams"));

        Struct output = (Struct) dataOf(transform.apply(record(TOPIC, ROW_SCHEMA, row, new ConnectHeaders())));

        output.validate();
        assertThat(output.get("weight_grams")).isEqualTo(hmac(KEY, "0"));
    }

    @Test
    void allowedHeadersAreKeptAndContractHeadersReplaceForgedOnes() {
        Headers headers = new ConnectHeaders()
                .addString("trace-id", "t-1")
                .addString(DomainBoundary.CONTRACT_ID_HEADER, "forged")
                .addString(DomainBoundary.KEY_ID_HEADER, "forged");
        SourceRecord input = record(TOPIC, ROW_SCHEMA, PackagesTable.row(), headers);

        SourceRecord output = this.<SourceRecord>configured(Map.of("headers.allowed", "trace-id"))
                .apply(input);

        assertThat(output.headers()).isNotSameAs(headers);
        assertThat(output.headers().lastWithName("trace-id").value()).isEqualTo("t-1");
        assertContractHeaders(output, true);
        assertThat(output.headers()).hasSize(4);
        assertThat(input.headers()).hasSize(3);
        assertThat(headers).hasSize(3);
        assertThat(headers.lastWithName(DomainBoundary.CONTRACT_ID_HEADER).value())
                .isEqualTo("forged");
        assertThat(headers.lastWithName(DomainBoundary.CONTRACT_VERSION_HEADER)).isNull();
    }

    @Test
    void keyIdHeaderOnlyOnTablesWithPseudonymizedColumns() {
        Schema depots = SchemaBuilder.struct()
                .field("id", Schema.INT64_SCHEMA)
                .field("city", Schema.STRING_SCHEMA)
                .field("manager_phone", Schema.STRING_SCHEMA)
                .build();
        Struct depot = new Struct(depots).put("id", 4L).put("city", "Utrecht").put("manager_phone", "+31 30 000");
        SourceRecord input = record("dbserver.public.depots", depots, depot, new ConnectHeaders());

        SourceRecord output = this.<SourceRecord>configured(Map.of()).apply(input);

        assertContractHeaders(output, false);
        assertThat(((Struct) dataOf(output)).schema().field("manager_phone")).isNull();
    }

    @Test
    void inputRecordStructAndHeadersAreUnchanged() {
        Headers headers = new ConnectHeaders().addString("trace-id", "t-1");
        SourceRecord input = record(TOPIC, ENVELOPE_SCHEMA, PackagesTable.envelope(), headers);
        SourceRecord pristine = record(TOPIC, ENVELOPE_SCHEMA, PackagesTable.envelope(), headers.duplicate());
        SourceRecord schemaless = record(TOPIC, null, PackagesTable.envelopeMap(), new ConnectHeaders());
        DomainBoundary<SourceRecord> transform = configured(Map.of());

        transform.apply(input);
        transform.apply(schemaless);

        assertThat(input).isEqualTo(pristine);
        assertThat(dataOf(input)).isEqualTo(dataOf(pristine));
        assertThat(schemaOf(input)).isSameAs(ENVELOPE_SCHEMA);
        assertThat(headers).hasSize(1);
        assertThat(dataOf(schemaless)).isEqualTo(PackagesTable.envelopeMap());
    }

    @Test
    void versionIsTheProjectVersion() {
        String version = newTransform().version();

        assertThat(version)
                .isNotBlank()
                .isNotEqualTo("unknown")
                .doesNotContain("${")
                .isEqualTo(ProjectVersion.get());
    }

    @Test
    void configIsTheDocumentedConfigDef() {
        assertThat(newTransform().config()).isSameAs(DomainBoundary.CONFIG_DEF);
    }

    @Test
    void unlistedTableIsDroppedByDefault() {
        SourceRecord input = record("dbserver.public.returns", RETURNS_SCHEMA, returnsRow(), new ConnectHeaders());

        assertThat(this.<SourceRecord>configured(Map.of()).apply(input)).isNull();
    }

    @Test
    void unlistedTableFailsWithoutShowingValues() {
        DomainBoundary<SourceRecord> transform = configured(Map.of("unlisted.table.behavior", "fail"));
        SourceRecord input = record("dbserver.public.returns", RETURNS_SCHEMA, returnsRow(), new ConnectHeaders());

        assertThatThrownBy(() -> transform.apply(input))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("dbserver.public.returns")
                .hasMessageContaining(CONTRACT_ID)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(allRowValues()));
    }

    @Test
    void unlistedAndLaterAddedColumnsNeverLeave() {
        DomainBoundary<SourceRecord> transform = configured(Map.of());
        Struct drifted = PackagesTable.driftedRow();
        Struct driftedEnvelope =
                PackagesTable.envelope(PackagesTable.DRIFTED_ENVELOPE_SCHEMA, drifted, PackagesTable.driftedRow());

        SourceRecord row = transform.apply(record(TOPIC, ROW_SCHEMA, PackagesTable.row(), new ConnectHeaders()));
        SourceRecord driftedRow =
                transform.apply(record(TOPIC, PackagesTable.DRIFTED_ROW_SCHEMA, drifted, new ConnectHeaders()));
        SourceRecord envelope = transform.apply(
                record(TOPIC, PackagesTable.DRIFTED_ENVELOPE_SCHEMA, driftedEnvelope, new ConnectHeaders()));

        assertThat(fieldNames(schemaOf(driftedRow))).containsExactlyElementsOf(SHARED_OUTPUT_COLUMNS);
        assertThat(dataOf(driftedRow)).isEqualTo(dataOf(row));
        assertSharedRow(((Struct) dataOf(envelope)).getStruct("after"), STATUS);
        assertNothingWithheld(driftedRow);
        assertNothingWithheld(envelope);
    }

    @Test
    void renamedColumnLeavesOnlyUnderItsNewName() {
        Struct row = (Struct) dataOf(apply(ROW_SCHEMA, PackagesTable.row()));
        Map<?, ?> map = (Map<?, ?>) dataOf(apply(null, PackagesTable.rowMap()));

        assertThat(row.schema().field("status")).isNull();
        assertThat(row.getString("delivery_status")).isEqualTo(STATUS);
        assertThat(map.containsKey("status")).isFalse();
        assertThat(map.get("delivery_status")).isEqualTo(STATUS);
    }

    @Test
    void pseudonymsAreDeterministicPerKey() {
        DomainBoundary<SourceRecord> first = configured(Map.of());
        DomainBoundary<SourceRecord> second = configured(Map.of());
        DomainBoundary<SourceRecord> rotated = configured(Map.of("pseudonymize.key.secret", KEY + "-rotated"));
        Struct otherPackage = PackagesTable.row().put("id", 1002L).put("weight_grams", 300);
        Struct otherRecipient = PackagesTable.row().put("recipient_email", "bob@example.org");

        String once = emailPseudonym(first, PackagesTable.row());
        String again = emailPseudonym(first, otherPackage);
        String elsewhere = emailPseudonym(second, PackagesTable.row());

        assertThat(once).isEqualTo(hmac(KEY, EMAIL)).isEqualTo(again).isEqualTo(elsewhere);
        assertThat(emailPseudonym(first, otherRecipient)).isNotEqualTo(once);
        assertThat(emailPseudonym(rotated, PackagesTable.row()))
                .isNotEqualTo(once)
                .isEqualTo(hmac(KEY + "-rotated", EMAIL));
    }

    @Test
    void heartbeatsPassUnchanged() {
        Schema keySchema = SchemaBuilder.struct()
                .name("io.debezium.connector.common.ServerNameKey")
                .field("serverName", Schema.STRING_SCHEMA)
                .build();
        Schema valueSchema = SchemaBuilder.struct()
                .name("io.debezium.connector.common.Heartbeat")
                .field("ts_ms", Schema.INT64_SCHEMA)
                .build();
        Struct key = new Struct(keySchema).put("serverName", "dbserver");
        Struct value = new Struct(valueSchema).put("ts_ms", TIMESTAMP);
        DomainBoundary<SourceRecord> transform = configured(Map.of("unlisted.table.behavior", "fail"));

        for (String topic : List.of("__debezium-heartbeat.dbserver", "dbserver-heartbeats")) {
            SourceRecord heartbeat = new SourceRecord(
                    SOURCE_PARTITION, SOURCE_OFFSET, topic, 0, keySchema, key, valueSchema, value, TIMESTAMP);
            assertThat(transform.apply(heartbeat)).isSameAs(heartbeat);
        }
    }

    @Test
    void schemaChangeAndTransactionRecordsAreDropped() {
        Schema schemaChange = SchemaBuilder.struct()
                .name("io.debezium.connector.mysql.SchemaChangeValue")
                .field("databaseName", Schema.STRING_SCHEMA)
                .field("ddl", Schema.OPTIONAL_STRING_SCHEMA)
                .build();
        Schema transaction = SchemaBuilder.struct()
                .name("io.debezium.connector.common.TransactionMetadataValue")
                .field("status", Schema.STRING_SCHEMA)
                .field("id", Schema.STRING_SCHEMA)
                .build();
        Struct ddl = new Struct(schemaChange)
                .put("databaseName", "public")
                .put("ddl", "ALTER TABLE packages ADD COLUMN national_id text");
        Struct begin = new Struct(transaction).put("status", "BEGIN").put("id", "771");
        DomainBoundary<SourceRecord> transform = configured(Map.of("unlisted.table.behavior", "fail"));

        assertThat(transform.apply(new SourceRecord(
                        SOURCE_PARTITION, SOURCE_OFFSET, "dbserver", 0, null, null, schemaChange, ddl, TIMESTAMP)))
                .isNull();
        assertThat(transform.apply(new SourceRecord(
                        SOURCE_PARTITION, SOURCE_OFFSET, TOPIC, 0, null, null, transaction, begin, TIMESTAMP)))
                .isNull();
    }

    @Test
    void outputSchemaIsBuiltOncePerInputSchema() {
        DomainBoundary<SourceRecord> transform = configured(Map.of());
        Struct otherRow = PackagesTable.row().put("id", 1002L);
        Struct otherEnvelope = PackagesTable.envelope(ENVELOPE_SCHEMA, null, otherRow);

        Schema first = schemaOf(transform.apply(record(TOPIC, ROW_SCHEMA, PackagesTable.row(), new ConnectHeaders())));
        transform.apply(
                record(TOPIC, PackagesTable.DRIFTED_ROW_SCHEMA, PackagesTable.driftedRow(), new ConnectHeaders()));
        Schema second = schemaOf(transform.apply(record(TOPIC, ROW_SCHEMA, otherRow, new ConnectHeaders())));
        Schema envelope = schemaOf(
                transform.apply(record(TOPIC, ENVELOPE_SCHEMA, PackagesTable.envelope(), new ConnectHeaders())));
        Schema otherEnvelopeSchema =
                schemaOf(transform.apply(record(TOPIC, ENVELOPE_SCHEMA, otherEnvelope, new ConnectHeaders())));

        assertThat(second).isSameAs(first);
        assertThat(otherEnvelopeSchema).isSameAs(envelope);
    }

    @Test
    void dataThatIsNeitherStructNorMapFailsWithoutShowingIt() {
        SourceRecord input = record(TOPIC, Schema.STRING_SCHEMA, PackagesTable.TRACKING_CODE, new ConnectHeaders());
        DomainBoundary<SourceRecord> transform = configured(Map.of());

        assertThatThrownBy(() -> transform.apply(input))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("public.packages")
                .hasMessageNotContaining(PackagesTable.TRACKING_CODE);
    }

    @Test
    void sinkRecordsKeepTheirKafkaCoordinates() {
        SinkRecord input = sinkRecord(TOPIC, ENVELOPE_SCHEMA, PackagesTable.envelope(), new ConnectHeaders());

        SinkRecord output = this.<SinkRecord>configured(Map.of()).apply(input);

        assertThat(output.kafkaPartition()).isEqualTo(input.kafkaPartition());
        assertThat(output.kafkaOffset()).isEqualTo(input.kafkaOffset());
        assertThat(output.originalTopic()).isEqualTo(TOPIC);
        assertThat(output.originalKafkaOffset()).isEqualTo(input.originalKafkaOffset());
        assertThat(output.timestampType()).isEqualTo(input.timestampType());
        assertThat(otherPartOf(output)).isEqualTo(otherPartOf(input));
        assertSharedRow(((Struct) dataOf(output)).getStruct("after"), STATUS);
        assertContractHeaders(output, true);
    }

    @ParameterizedTest(name = "{0}, optional={1}")
    @MethodSource("io.domainbridge.transforms.ColumnTypes#maskable")
    void maskedColumnKeepsItsSchema(ColumnType type, boolean optional) {
        Schema schema = vaultSchema(type.schema(optional));
        Struct row = new Struct(schema).put("id", 7L).put("secret", type.sample());

        Struct output =
                (Struct) dataOf(vault(MASK_VAULT).apply(record(VAULT_TOPIC, schema, row, new ConnectHeaders())));

        output.validate();
        assertThat(output.schema().field("secret").schema())
                .isEqualTo(schema.field("secret").schema());
        assertThat(output.getWithoutDefault("secret")).isEqualTo(optional ? null : type.zero());
        assertThat(output.get("id")).isEqualTo(7L);
    }

    @ParameterizedTest(name = "{0}, optional={1}")
    @MethodSource("io.domainbridge.transforms.ColumnTypes#pseudonymizable")
    void pseudonymIsTheHmacOfTheCanonicalText(ColumnType type, boolean optional) {
        Schema schema = vaultSchema(type.schema(optional));
        Struct row = new Struct(schema).put("id", 7L).put("secret", type.sample());

        SourceRecord output = vault(PSEUDONYMIZE_VAULT).apply(record(VAULT_TOPIC, schema, row, new ConnectHeaders()));

        Struct filtered = (Struct) dataOf(output);
        assertThat(filtered.schema().field("secret").schema())
                .isEqualTo(optional ? Schema.OPTIONAL_STRING_SCHEMA : Schema.STRING_SCHEMA);
        assertThat(filtered.get("secret")).isEqualTo(hmac(KEY, type.canonical()));
        assertContractHeaders(output, true);
    }

    @Test
    void nullStaysNullWhenPseudonymized() {
        Schema schema = vaultSchema(Schema.OPTIONAL_INT64_SCHEMA);
        Struct row = new Struct(schema).put("id", 7L);

        Struct output = (Struct)
                dataOf(vault(PSEUDONYMIZE_VAULT).apply(record(VAULT_TOPIC, schema, row, new ConnectHeaders())));

        assertThat(output.getWithoutDefault("secret")).isNull();
    }

    @Test
    void schemalessValuesAreMaskedToNullAndPseudonymizedByTheirJavaType() {
        Map<String, Object> text = new HashMap<>(Map.of("id", 7L, "secret", EMAIL));
        Map<String, Object> number = new HashMap<>(Map.of("id", 7L, "secret", 1_234_567_890_123L));

        Map<?, ?> masked =
                (Map<?, ?>) dataOf(vault(MASK_VAULT).apply(record(VAULT_TOPIC, null, text, new ConnectHeaders())));
        DomainBoundary<SourceRecord> pseudonymize = vault(PSEUDONYMIZE_VAULT);
        Map<?, ?> pseudonymizedText =
                (Map<?, ?>) dataOf(pseudonymize.apply(record(VAULT_TOPIC, null, text, new ConnectHeaders())));
        Map<?, ?> pseudonymizedNumber =
                (Map<?, ?>) dataOf(pseudonymize.apply(record(VAULT_TOPIC, null, number, new ConnectHeaders())));

        assertThat(masked.containsKey("secret")).isTrue();
        assertThat(masked.get("secret")).isNull();
        assertThat(masked.get("id")).isEqualTo(7L);
        assertThat(pseudonymizedText.get("secret")).isEqualTo(hmac(KEY, EMAIL));
        assertThat(pseudonymizedNumber.get("secret")).isEqualTo(hmac(KEY, "1234567890123"));
    }

    static void assertSharedRow(Struct row, String status) {
        assertThat(fieldNames(row.schema())).containsExactlyElementsOf(SHARED_OUTPUT_COLUMNS);
        assertThat(row.get("id")).isEqualTo(ID);
        assertThat(row.get("delivery_status")).isEqualTo(status);
        assertThat(row.get("recipient_email")).isEqualTo(hmac(KEY, EMAIL));
        assertThat(row.get("recipient_phone")).isNull();
        assertThat(row.get("weight_grams")).isEqualTo(WEIGHT);
    }

    static void assertSharedRow(Map<?, ?> row, String status) {
        assertThat(keys(row)).containsExactlyInAnyOrderElementsOf(SHARED_OUTPUT_COLUMNS);
        assertThat(row.get("id")).isEqualTo(ID);
        assertThat(row.get("delivery_status")).isEqualTo(status);
        assertThat(row.get("recipient_email")).isEqualTo(hmac(KEY, EMAIL));
        assertThat(row.get("recipient_phone")).isNull();
        assertThat(row.get("weight_grams")).isEqualTo(WEIGHT);
    }

    void assertNothingWithheld(ConnectRecord<?> output) {
        assertThat(String.valueOf(dataOf(output))).doesNotContain(WITHHELD_VALUES);
        assertThat(String.valueOf(schemaOf(output))).doesNotContain("tracking_code", "internal_note", "national_id");
    }

    static void assertContractHeaders(ConnectRecord<?> record, boolean withKeyId) {
        assertThat(headerValues(record, DomainBoundary.CONTRACT_ID_HEADER)).containsExactly(CONTRACT_ID);
        assertThat(headerValues(record, DomainBoundary.CONTRACT_VERSION_HEADER)).containsExactly(CONTRACT_VERSION);
        assertThat(headerValues(record, DomainBoundary.KEY_ID_HEADER))
                .isEqualTo(withKeyId ? List.of(KEY_ID) : List.of());
    }

    static List<Object> headerValues(ConnectRecord<?> record, String name) {
        Iterable<Header> headers = () -> record.headers().allWithName(name);
        return StreamSupport.stream(headers.spliterator(), false)
                .map(Header::value)
                .toList();
    }

    static List<String> keys(Map<?, ?> map) {
        return map.keySet().stream().map(String::valueOf).toList();
    }

    static List<String> fieldNames(Schema schema) {
        return schema.fields().stream().map(Field::name).toList();
    }

    private DomainBoundary<SourceRecord> vault(Map<String, String> contract) {
        return configured(contract);
    }

    private static Schema vaultSchema(Schema secret) {
        return SchemaBuilder.struct()
                .name("dbserver.public.vault.Value")
                .field("id", Schema.INT64_SCHEMA)
                .field("secret", secret)
                .build();
    }

    private String emailPseudonym(DomainBoundary<SourceRecord> transform, Struct row) {
        SourceRecord output = transform.apply(record(TOPIC, ROW_SCHEMA, row, new ConnectHeaders()));
        return ((Struct) dataOf(output)).getString("recipient_email");
    }

    private static Struct returnsRow() {
        return new Struct(RETURNS_SCHEMA).put("id", ID).put("tracking_code", PackagesTable.TRACKING_CODE);
    }

    private static String[] allRowValues() {
        Struct row = returnsRow();
        return RETURNS_SCHEMA.fields().stream()
                .map(row::get)
                .map(String::valueOf)
                .toArray(String[]::new);
    }
}

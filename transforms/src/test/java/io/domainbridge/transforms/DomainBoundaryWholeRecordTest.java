package io.domainbridge.transforms;

import static io.domainbridge.transforms.PackagesTable.ID;
import static io.domainbridge.transforms.PackagesTable.KEY;
import static io.domainbridge.transforms.PackagesTable.TOPIC;
import static io.domainbridge.transforms.PackagesTable.TRACKING_CODE;
import static io.domainbridge.transforms.PackagesTable.hmac;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fail-closed over the whole record, with records shaped as Debezium 3.6 emits them: the key and the headers that
 * carry key data, the {@code source} block, the table identity, and keys that would no longer identify the row.
 */
class DomainBoundaryWholeRecordTest {

    private static final Schema KEY_SCHEMA = SchemaBuilder.struct()
            .name("dbserver.public.packages.Key")
            .field("id", Schema.INT64_SCHEMA)
            .field("tracking_code", Schema.STRING_SCHEMA)
            .build();
    private static final Map<String, String> PSEUDONYMIZED_KEY =
            Map.of("pseudonymize.columns", "public.packages.recipient_email,public.packages.tracking_code");

    private final List<DomainBoundary<SourceRecord>> transforms = new ArrayList<>();

    @AfterEach
    void close() {
        transforms.forEach(DomainBoundary::close);
    }

    @Test
    void primaryKeyChangeHeadersCarryTheKeyAsTheKeyTransformFiltersIt() {
        SourceRecord create = primaryKeyChange("c", "__debezium.oldkey");
        SourceRecord delete = primaryKeyChange("d", "__debezium.newkey");
        DomainBoundary<SourceRecord> key = transform(new DomainBoundary.Key<>(), PSEUDONYMIZED_KEY);
        DomainBoundary<SourceRecord> value = transform(new DomainBoundary.Value<>(), PSEUDONYMIZED_KEY);

        for (SourceRecord input : List.of(create, delete)) {
            String header = input.headers().iterator().next().key();
            Struct keyOnly = headerStruct(key.apply(input), header);
            Struct valueOnly = headerStruct(value.apply(input), header);
            Struct keyThenValue = headerStruct(value.apply(key.apply(input)), header);
            Struct valueThenKey = headerStruct(key.apply(value.apply(input)), header);

            Struct carried = (Struct) input.headers().lastWithName(header).value();
            assertThat(fieldNames(keyOnly.schema())).containsExactly("id", "tracking_code");
            assertThat(keyOnly.get("id")).isEqualTo(carried.get("id"));
            assertThat(keyOnly.get("tracking_code")).isEqualTo(hmac(KEY, carried.getString("tracking_code")));
            assertThat(List.of(valueOnly, keyThenValue, valueThenKey))
                    .allSatisfy(other -> assertThat(other).isEqualTo(keyOnly));
            assertThat(String.valueOf(keyThenValue)).doesNotContain(TRACKING_CODE);
        }
    }

    @Test
    void primaryKeyChangeHeadersLoseWithheldKeyColumns() {
        SourceRecord create = primaryKeyChange("c", "__debezium.oldkey");
        Map<String, String> allow = Map.of("partial.key.behavior", "allow");
        DomainBoundary<SourceRecord> key = transform(new DomainBoundary.Key<>(), allow);
        DomainBoundary<SourceRecord> value = transform(new DomainBoundary.Value<>(), allow);

        Struct keyThenValue = headerStruct(value.apply(key.apply(create)), "__debezium.oldkey");
        Struct valueThenKey = headerStruct(key.apply(value.apply(create)), "__debezium.oldkey");

        assertThat(fieldNames(keyThenValue.schema())).containsExactly("id");
        assertThat(keyThenValue.get("id")).isEqualTo(ID + 1);
        assertThat(valueThenKey).isEqualTo(keyThenValue);
    }

    @Test
    void headersCarryingRowShapedUnknownOrUnnamedDataAreDropped() {
        Schema rowShaped = SchemaBuilder.struct()
                .field("tracking_code", Schema.STRING_SCHEMA)
                .build();
        Headers headers = new ConnectHeaders()
                .addString("trace-id", "t-1")
                .addString("__debezium.context.connectorName", "postgresql")
                .addString("__debezium.context.taskId", "0")
                .addLong("__source_ts_ms", 1_767_225_600_000L)
                .addString("__op", "u")
                .add("app.row", new Struct(rowShaped).put("tracking_code", TRACKING_CODE), rowShaped)
                .add("app.map", Map.of("tracking_code", TRACKING_CODE), null)
                .add("app.list", List.of(TRACKING_CODE), null)
                .addList(
                        "changed",
                        List.of("tracking_code"),
                        SchemaBuilder.array(Schema.STRING_SCHEMA).build())
                .addString("__source_query", "UPDATE packages SET tracking_code = '" + TRACKING_CODE + "'")
                .addString("__query", "UPDATE packages SET tracking_code = '" + TRACKING_CODE + "'")
                .addString("__before_tracking_code", TRACKING_CODE)
                .addString("__debezium.unknown", TRACKING_CODE)
                .addString("tenant", TRACKING_CODE);

        Map<String, String> allowing = Map.of("headers.allowed", "trace-id,app.row,app.map,app.list,changed");
        for (DomainBoundary<SourceRecord> transform : bothTransforms(allowing)) {
            SourceRecord output = transform.apply(withHeaders(PackagesTable.envelope(), headers));

            assertThat(headerNames(output))
                    .containsExactlyInAnyOrder(
                            "trace-id",
                            "__debezium.context.connectorName",
                            "__debezium.context.taskId",
                            "__source_ts_ms",
                            "__op",
                            DomainBoundary.CONTRACT_ID_HEADER,
                            DomainBoundary.CONTRACT_VERSION_HEADER,
                            DomainBoundary.KEY_ID_HEADER);
        }
    }

    @Test
    void sourceBlockKeepsOnlyFieldsThatCannotCarryRowData() {
        Struct envelope = mariaDbEnvelope();

        Struct output = (Struct) transform(new DomainBoundary.Value<>(), mariaDbContract())
                .apply(new SourceRecord(
                        null, null, "mariadb.parcels.packages", 0, null, null, envelope.schema(), envelope, 0L))
                .value();

        Struct source = output.getStruct("source");
        assertThat(fieldNames(output.schema())).containsExactly("before", "after", "source", "op", "ts_ms", "ts_us");
        assertThat(fieldNames(source.schema()))
                .containsExactly(
                        "version",
                        "connector",
                        "name",
                        "ts_ms",
                        "snapshot",
                        "db",
                        "table",
                        "server_id",
                        "gtid",
                        "file",
                        "pos",
                        "row",
                        "thread");
        assertThat(source.schema().name()).isEqualTo("io.debezium.connector.mariadb.Source");
        assertThat(source.getString("table")).isEqualTo("packages");
        assertThat(source.getInt64("pos")).isEqualTo(154L);
        assertThat(String.valueOf(output)).doesNotContain(TRACKING_CODE);
    }

    @Test
    void schemalessSourceBlockKeepsOnlyFieldsThatCannotCarryRowData() {
        Map<String, Object> envelope = toMap(mariaDbEnvelope());
        envelope.remove("audit");
        DomainBoundary<SourceRecord> transform = transform(new DomainBoundary.Value<>(), mariaDbContract());

        Map<?, ?> output = (Map<?, ?>) transform
                .apply(new SourceRecord(null, null, "mariadb.parcels.packages", 0, null, null, null, envelope, 0L))
                .value();
        envelope.put("audit", Map.of("tracking_code", TRACKING_CODE));
        Map<?, ?> withUnknownField = (Map<?, ?>) transform
                .apply(new SourceRecord(null, null, "mariadb.parcels.packages", 0, null, null, null, envelope, 0L))
                .value();

        assertThat(keys(output)).containsExactlyInAnyOrder("before", "after", "source", "op", "ts_ms", "ts_us");
        assertThat(keys((Map<?, ?>) output.get("source")))
                .containsExactlyInAnyOrder(
                        "version",
                        "connector",
                        "name",
                        "ts_ms",
                        "snapshot",
                        "db",
                        "table",
                        "server_id",
                        "gtid",
                        "file",
                        "pos",
                        "row",
                        "thread");
        assertThat(String.valueOf(output)).doesNotContain(TRACKING_CODE);
    }

    @Test
    void tableWithADotInItsNameIsNotReadAsAListedTable() {
        Map<String, String> contract = Map.of("columns", "x.y.id,x.y.secret", "renames", "");
        String topic = "dbserver.public.x.y";
        Schema value = SchemaBuilder.struct()
                .name(topic + ".Value")
                .field("id", Schema.INT64_SCHEMA)
                .field("secret", Schema.STRING_SCHEMA)
                .build();
        Schema key = SchemaBuilder.struct()
                .name(topic + ".Key")
                .field("id", Schema.INT64_SCHEMA)
                .field("secret", Schema.STRING_SCHEMA)
                .build();
        Struct row = new Struct(value).put("id", 1L).put("secret", TRACKING_CODE);
        Struct keyStruct = new Struct(key).put("id", 1L).put("secret", TRACKING_CODE);

        for (DomainBoundary<SourceRecord> transform : bothTransforms(contract)) {
            assertThat(transform.apply(new SourceRecord(null, null, topic, 0, key, keyStruct, value, row, 0L)))
                    .isNull();
            assertThat(transform.apply(new SourceRecord(null, null, topic, 0, key, keyStruct, null, null, 0L)))
                    .isNull();
            assertThat(transform.apply(new SourceRecord(null, null, topic, 0, null, Map.of("id", 1L), null, null, 0L)))
                    .isNull();
            assertThat(transform.apply(new SourceRecord(null, null, "dbserver.x.y", 0, key, keyStruct, null, null, 0L)))
                    .isNull();
        }
    }

    @Test
    void tableIsNamedBySchemaNameBeforeTopic() {
        Struct row = PackagesTable.row();
        DomainBoundary<SourceRecord> transform = transform(new DomainBoundary.Value<>(), Map.of());

        SourceRecord rerouted =
                transform.apply(new SourceRecord(null, null, "parcels", 0, null, null, row.schema(), row, 0L));
        SourceRecord misleading = transform.apply(
                new SourceRecord(null, null, "dbserver.public.depots", 0, null, null, row.schema(), row, 0L));

        assertThat(fieldNames(rerouted.valueSchema())).contains("delivery_status");
        assertThat(fieldNames(misleading.valueSchema())).contains("delivery_status");
    }

    @Test
    void keyThatNoLongerIdentifiesTheRowFails() {
        Struct key = new Struct(KEY_SCHEMA).put("id", ID).put("tracking_code", TRACKING_CODE);
        Map<String, Object> schemaless = Map.of("id", ID, "tracking_code", TRACKING_CODE);
        Map<String, String> masked =
                Map.of("mask.columns", "public.packages.recipient_phone,public.packages.tracking_code");

        for (Map<String, String> contract : List.of(Map.<String, String>of(), masked)) {
            DomainBoundary<SourceRecord> transform = transform(new DomainBoundary.Key<>(), contract);
            for (SourceRecord input : List.of(keyRecord(KEY_SCHEMA, key), keyRecord(null, schemaless))) {
                assertThatThrownBy(() -> transform.apply(input))
                        .isInstanceOf(DataException.class)
                        .hasMessageContaining("public.packages")
                        .hasMessageContaining("tracking_code")
                        .hasMessageContaining("partial.key.behavior")
                        .hasMessageNotContaining(TRACKING_CODE);
            }
        }
    }

    @Test
    void partialKeyLeavesWhenAllowedAndPseudonymizedKeyColumnsStillIdentify() {
        Struct key = new Struct(KEY_SCHEMA).put("id", ID).put("tracking_code", TRACKING_CODE);
        DomainBoundary<SourceRecord> allowed =
                transform(new DomainBoundary.Key<>(), Map.of("partial.key.behavior", "allow"));
        DomainBoundary<SourceRecord> pseudonymized = transform(new DomainBoundary.Key<>(), PSEUDONYMIZED_KEY);

        Struct partial = (Struct) allowed.apply(keyRecord(KEY_SCHEMA, key)).key();
        Struct whole = (Struct) pseudonymized.apply(keyRecord(KEY_SCHEMA, key)).key();

        assertThat(fieldNames(partial.schema())).containsExactly("id");
        assertThat(whole.get("tracking_code")).isEqualTo(hmac(KEY, TRACKING_CODE));
    }

    @Test
    void partialKeyBehaviorIsValidated() {
        DomainBoundary<SourceRecord> transform = new DomainBoundary.Value<>();
        Map<String, String> props = PackagesTable.contract();
        props.put("partial.key.behavior", "sometimes");

        assertThatThrownBy(() -> transform.configure(props)).hasMessageContaining("partial.key.behavior");
    }

    @Test
    void flatRowWithColumnsNamedLikeAnEnvelopeIsARow() {
        Schema payload = SchemaBuilder.struct()
                .name("dbserver.public.events.source")
                .optional()
                .field("system", Schema.STRING_SCHEMA)
                .build();
        Schema value = SchemaBuilder.struct()
                .name("dbserver.public.events.Value")
                .field("id", Schema.INT64_SCHEMA)
                .field("op", Schema.STRING_SCHEMA)
                .field("after", Schema.OPTIONAL_STRING_SCHEMA)
                .field("source", payload)
                .build();
        Struct row = new Struct(value)
                .put("id", 3L)
                .put("op", "u")
                .put("after", TRACKING_CODE)
                .put("source", new Struct(payload).put("system", "crm"));
        Map<String, Object> schemaless = new HashMap<>(
                Map.of("id", 3L, "op", "u", "after", Map.of("x", TRACKING_CODE), "source", Map.of("system", "crm")));
        DomainBoundary<SourceRecord> transform = transform(
                new DomainBoundary.Value<>(), Map.of("columns", "public.events.id,public.events.op", "renames", ""));

        Struct output = (Struct) transform
                .apply(new SourceRecord(null, null, "dbserver.public.events", 0, null, null, value, row, 0L))
                .value();
        Map<?, ?> outputMap = (Map<?, ?>) transform
                .apply(new SourceRecord(null, null, "dbserver.public.events", 0, null, null, null, schemaless, 0L))
                .value();

        assertThat(fieldNames(output.schema())).containsExactly("id", "op");
        assertThat(outputMap).isEqualTo(Map.of("id", 3L, "op", "u"));
    }

    private DomainBoundary<SourceRecord> transform(DomainBoundary<SourceRecord> transform, Map<String, String> over) {
        Map<String, String> props = PackagesTable.contract();
        props.putAll(over);
        transform.configure(props);
        transforms.add(transform);
        return transform;
    }

    private List<DomainBoundary<SourceRecord>> bothTransforms(Map<String, String> over) {
        Map<String, String> allow = new HashMap<>(over);
        allow.put("partial.key.behavior", "allow");
        return List.of(transform(new DomainBoundary.Key<>(), allow), transform(new DomainBoundary.Value<>(), allow));
    }

    /** One of the two records Debezium emits when an update changes the primary key. */
    private static SourceRecord primaryKeyChange(String op, String header) {
        Struct oldKey = new Struct(KEY_SCHEMA).put("id", ID + 1).put("tracking_code", TRACKING_CODE + "-old");
        Struct newKey = new Struct(KEY_SCHEMA).put("id", ID).put("tracking_code", TRACKING_CODE);
        Struct row = PackagesTable.row();
        Struct envelope = op.equals("c")
                ? PackagesTable.envelope(PackagesTable.ENVELOPE_SCHEMA, null, row)
                : PackagesTable.envelope(PackagesTable.ENVELOPE_SCHEMA, row, null);
        envelope.put("op", op);
        Headers headers = new ConnectHeaders().add(header, op.equals("c") ? oldKey : newKey, KEY_SCHEMA);
        return new SourceRecord(
                null,
                null,
                TOPIC,
                0,
                KEY_SCHEMA,
                op.equals("c") ? newKey : oldKey,
                envelope.schema(),
                envelope,
                0L,
                headers);
    }

    private static SourceRecord withHeaders(Struct envelope, Headers headers) {
        Struct key = new Struct(KEY_SCHEMA).put("id", ID).put("tracking_code", TRACKING_CODE);
        return new SourceRecord(null, null, TOPIC, 0, KEY_SCHEMA, key, envelope.schema(), envelope, 0L, headers);
    }

    private static SourceRecord keyRecord(Schema schema, Object key) {
        Struct envelope = PackagesTable.envelope();
        return new SourceRecord(null, null, TOPIC, 0, schema, key, envelope.schema(), envelope, 0L);
    }

    private static Struct headerStruct(SourceRecord record, String name) {
        Header header = record.headers().lastWithName(name);
        assertThat(header).as(name).isNotNull();
        assertThat(header.schema()).isSameAs(((Struct) header.value()).schema());
        return (Struct) header.value();
    }

    private static List<String> headerNames(SourceRecord record) {
        List<String> names = new ArrayList<>();
        record.headers().forEach(header -> names.add(header.key()));
        return names;
    }

    private static List<String> keys(Map<?, ?> map) {
        return map.keySet().stream().map(String::valueOf).toList();
    }

    private static List<String> fieldNames(Schema schema) {
        return schema.fields().stream().map(Field::name).toList();
    }

    private static Map<String, String> mariaDbContract() {
        return Map.of(
                "columns", "parcels.packages.id",
                "mask.columns", "",
                "pseudonymize.columns", "",
                "renames", "");
    }

    /** An update as Debezium's MariaDB connector emits it with {@code include.query=true}. */
    private static Struct mariaDbEnvelope() {
        Schema source = SchemaBuilder.struct()
                .name("io.debezium.connector.mariadb.Source")
                .version(1)
                .field("version", Schema.STRING_SCHEMA)
                .field("connector", Schema.STRING_SCHEMA)
                .field("name", Schema.STRING_SCHEMA)
                .field("ts_ms", Schema.INT64_SCHEMA)
                .field("snapshot", Schema.OPTIONAL_STRING_SCHEMA)
                .field("db", Schema.STRING_SCHEMA)
                .field("table", Schema.OPTIONAL_STRING_SCHEMA)
                .field("server_id", Schema.INT64_SCHEMA)
                .field("gtid", Schema.OPTIONAL_STRING_SCHEMA)
                .field("file", Schema.STRING_SCHEMA)
                .field("pos", Schema.INT64_SCHEMA)
                .field("row", Schema.INT32_SCHEMA)
                .field("thread", Schema.OPTIONAL_INT64_SCHEMA)
                .field("query", Schema.OPTIONAL_STRING_SCHEMA)
                .field("debug_note", Schema.OPTIONAL_STRING_SCHEMA)
                .build();
        Schema row = SchemaBuilder.struct()
                .name("mariadb.parcels.packages.Value")
                .optional()
                .field("id", Schema.INT64_SCHEMA)
                .field("tracking_code", Schema.STRING_SCHEMA)
                .build();
        Schema audit = SchemaBuilder.struct()
                .optional()
                .field("tracking_code", Schema.STRING_SCHEMA)
                .build();
        Schema envelope = SchemaBuilder.struct()
                .name("mariadb.parcels.packages.Envelope")
                .version(2)
                .field("before", row)
                .field("after", row)
                .field("source", source)
                .field("op", Schema.STRING_SCHEMA)
                .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
                .field("ts_us", Schema.OPTIONAL_INT64_SCHEMA)
                .field("audit", audit)
                .build();
        return new Struct(envelope)
                .put("before", new Struct(row).put("id", 5L).put("tracking_code", "TRK-OLD"))
                .put("after", new Struct(row).put("id", 5L).put("tracking_code", TRACKING_CODE))
                .put(
                        "source",
                        new Struct(source)
                                .put("version", "3.6.1.Final")
                                .put("connector", "mariadb")
                                .put("name", "mariadb")
                                .put("ts_ms", 1_767_225_600_000L)
                                .put("snapshot", "false")
                                .put("db", "parcels")
                                .put("table", "packages")
                                .put("server_id", 1L)
                                .put("file", "mysql-bin.000003")
                                .put("pos", 154L)
                                .put("row", 0)
                                .put("thread", 7L)
                                .put("query", "UPDATE packages SET tracking_code = '" + TRACKING_CODE + "'")
                                .put("debug_note", TRACKING_CODE))
                .put("op", "u")
                .put("ts_ms", 1_767_225_600_123L)
                .put("ts_us", 1_767_225_600_123_000L)
                .put("audit", new Struct(audit).put("tracking_code", TRACKING_CODE));
    }

    private static Map<String, Object> toMap(Struct struct) {
        Map<String, Object> map = new HashMap<>();
        Function<Object, Object> convert = value -> value instanceof Struct nested ? toMap(nested) : value;
        struct.schema().fields().forEach(field -> map.put(field.name(), convert.apply(struct.get(field))));
        return map;
    }
}

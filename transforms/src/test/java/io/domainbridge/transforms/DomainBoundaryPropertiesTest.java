package io.domainbridge.transforms;

import static io.domainbridge.transforms.PackagesTable.KEY;
import static io.domainbridge.transforms.PackagesTable.hmac;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * For random tables, contracts and schema drift: nothing the contract withholds leaves, everything it shares leaves
 * under its output name, and kept values leave unchanged. Every generated value is unique by construction (except
 * booleans and int8), so a withheld value found anywhere in the output is a leak.
 */
class DomainBoundaryPropertiesTest {

    private static final List<Schema.Type> TYPES = List.of(
            Schema.Type.INT8,
            Schema.Type.INT16,
            Schema.Type.INT32,
            Schema.Type.INT64,
            Schema.Type.FLOAT32,
            Schema.Type.FLOAT64,
            Schema.Type.BOOLEAN,
            Schema.Type.STRING,
            Schema.Type.BYTES);

    enum Fate {
        WITHHELD,
        KEEP,
        MASK,
        PSEUDONYMIZE
    }

    record Column(String name, Schema.Type type, boolean optional, boolean withDefault, Fate fate, boolean renamed) {

        /** Renamed columns get upper-case names, which no generated column has, so names never collide. */
        String outputName() {
            return renamed ? name.toUpperCase(Locale.ROOT) + "_R" : name;
        }

        Schema schema() {
            SchemaBuilder builder = SchemaBuilder.type(type);
            if (optional) {
                builder.optional();
            }
            return withDefault ? builder.defaultValue(defaultValue(type)).build() : builder.build();
        }
    }

    record Table(String schema, String name, List<Column> columns, List<Column> drift, List<Integer> positions) {

        List<Column> shared() {
            return columns.stream()
                    .filter(column -> column.fate() != Fate.WITHHELD)
                    .toList();
        }

        /** Whether a key of these columns still tells rows apart: masked values all collapse to one. */
        boolean identifiesRows() {
            return columns.stream()
                    .anyMatch(column -> column.fate() == Fate.KEEP || column.fate() == Fate.PSEUDONYMIZE);
        }

        /** The columns, with the drift columns inserted at their random positions when drifted. */
        List<Column> columns(boolean drifted) {
            List<Column> all = new ArrayList<>(columns);
            for (int i = 0; drifted && i < drift.size(); i++) {
                all.add(positions.get(i) % (all.size() + 1), drift.get(i));
            }
            return all;
        }

        Schema rowSchema(boolean drifted) {
            SchemaBuilder builder = SchemaBuilder.struct().name("dbserver." + schema + "." + name + ".Value");
            columns(drifted).forEach(column -> builder.field(column.name(), column.schema()));
            return builder.optional().build();
        }

        Map<String, String> contract() {
            Map<String, String> props = new HashMap<>();
            props.put("contract.id", "random");
            props.put("contract.version", "1");
            props.put("columns", qualified(Fate.KEEP));
            props.put("mask.columns", qualified(Fate.MASK));
            props.put("pseudonymize.columns", qualified(Fate.PSEUDONYMIZE));
            props.put(
                    "renames",
                    shared().stream()
                            .filter(Column::renamed)
                            .map(column -> schema + "." + name + "." + column.name() + ":" + column.outputName())
                            .collect(Collectors.joining(",")));
            props.put("pseudonymize.key.secret", KEY);
            props.put("pseudonymize.key.id", "k1");
            props.put("unlisted.table.behavior", "fail");
            return props;
        }

        private String qualified(Fate fate) {
            return columns.stream()
                    .filter(column -> column.fate() == fate)
                    .map(column -> schema + "." + name + "." + column.name())
                    .collect(Collectors.joining(","));
        }
    }

    @Property(tries = 200)
    void onlyContractedColumnsLeave(@ForAll("tables") Table table, @ForAll long seed) {
        RowValues values = new RowValues(seed);
        DomainBoundary<SourceRecord> value = new DomainBoundary.Value<>();
        DomainBoundary<SourceRecord> key = new DomainBoundary.Key<>();
        value.configure(table.contract());
        // The whole row serves as the key here, so the contract withholds some of its columns.
        Map<String, String> partialKey = new HashMap<>(table.contract());
        partialKey.put("partial.key.behavior", "allow");
        key.configure(partialKey);
        try {
            for (boolean drifted : new boolean[] {false, true, false}) {
                Schema rowSchema = table.rowSchema(drifted);
                Struct before = values.row(table, rowSchema, drifted);
                Struct after = values.row(table, rowSchema, drifted);
                assertStructsFiltered(table, value, key, before, after);
                assertMapsFiltered(table, value, asMap(before), asMap(after));
            }
        } finally {
            value.close();
            key.close();
        }
    }

    private static void assertStructsFiltered(
            Table table,
            DomainBoundary<SourceRecord> value,
            DomainBoundary<SourceRecord> key,
            Struct before,
            Struct after) {
        String topic = "dbserver." + table.schema() + "." + table.name();
        Schema rowSchema = after.schema();
        Schema envelopeSchema = envelopeSchema(rowSchema);
        Struct envelope = envelope(envelopeSchema, table, before, after);

        Struct row = (Struct)
                value.apply(record(topic, null, null, rowSchema, after)).value();
        SourceRecord keyRecord = record(topic, rowSchema, after, null, null);
        if (table.identifiesRows()) {
            assertRow(table, after, (Struct) key.apply(keyRecord).key());
        } else {
            assertThatThrownBy(() -> key.apply(keyRecord))
                    .isInstanceOf(DataException.class)
                    .hasMessageContaining("shares no key column");
        }
        Struct filtered = (Struct) value.apply(record("cdc-all", null, null, envelopeSchema, envelope))
                .value();

        assertRow(table, after, row);
        assertRow(table, before, filtered.getStruct("before"));
        assertRow(table, after, filtered.getStruct("after"));
        assertThat(filtered.get("source")).isEqualTo(envelope.get("source"));
        assertThat(filtered.get("op")).isEqualTo("u");
        assertNoWithheldValue(table, before, filtered);
        assertNoWithheldValue(table, after, filtered);
    }

    private static void assertMapsFiltered(
            Table table, DomainBoundary<SourceRecord> value, Map<String, Object> before, Map<String, Object> after) {
        String topic = "dbserver." + table.schema() + "." + table.name();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("before", before);
        envelope.put("after", after);
        envelope.put("source", asMap(source(table)));
        envelope.put("op", "u");

        Map<?, ?> row =
                (Map<?, ?>) value.apply(record(topic, null, null, null, after)).value();
        Map<?, ?> filtered = (Map<?, ?>)
                value.apply(record("cdc-all", null, null, null, envelope)).value();

        assertRow(table, after, row);
        assertRow(table, before, (Map<?, ?>) filtered.get("before"));
        assertRow(table, after, (Map<?, ?>) filtered.get("after"));
        assertThat(filtered.get("source")).isEqualTo(envelope.get("source"));
        assertNoWithheldValue(table, before, filtered);
        assertNoWithheldValue(table, after, filtered);
    }

    @Provide
    Arbitrary<Table> tables() {
        Arbitrary<String> identifiers = Arbitraries.strings()
                .withCharRange('a', 'z')
                .numeric()
                .withChars('_')
                .ofMinLength(1)
                .ofMaxLength(8);
        Arbitrary<List<String>> names =
                identifiers.list().uniqueElements().ofMinSize(1).ofMaxSize(14);
        return Combinators.combine(
                        identifiers, identifiers, names, Arbitraries.integers().between(0, 4))
                .flatAs((schema, name, all, driftSize) -> {
                    int drift = Math.min(driftSize, all.size() - 1);
                    List<String> base = all.subList(0, all.size() - drift);
                    List<String> added = all.subList(all.size() - drift, all.size());
                    return Combinators.combine(
                                    columns(base, Arbitraries.of(Fate.class)),
                                    columns(added, Arbitraries.just(Fate.WITHHELD)),
                                    Arbitraries.integers()
                                            .between(0, 100)
                                            .list()
                                            .ofSize(drift))
                            .as((columns, driftColumns, positions) ->
                                    new Table(schema, name, columns, driftColumns, positions));
                })
                .filter(table -> !table.shared().isEmpty());
    }

    private static Arbitrary<List<Column>> columns(List<String> names, Arbitrary<Fate> fates) {
        List<Arbitrary<Column>> columns = names.stream()
                .map(name -> Combinators.combine(
                                Arbitraries.of(TYPES),
                                Arbitraries.of(true, false),
                                Arbitraries.of(true, false),
                                fates,
                                Arbitraries.of(true, false))
                        .as((type, optional, withDefault, fate, renamed) ->
                                new Column(name, type, optional, withDefault, fate, renamed && fate != Fate.WITHHELD)))
                .toList();
        return Combinators.combine(columns).as(List::copyOf);
    }

    /** The output row has exactly the shared columns, under their output names, treated as the contract says. */
    private static void assertRow(Table table, Struct input, Struct output) {
        assertThat(DomainBoundaryTest.fieldNames(output.schema()))
                .containsExactlyElementsOf(
                        table.shared().stream().map(Column::outputName).toList())
                .noneMatch(withheldNames(table)::contains);
        for (Column column : table.shared()) {
            Schema schema = output.schema().field(column.outputName()).schema();
            Object expected = input.getWithoutDefault(column.name());
            Object actual = output.getWithoutDefault(column.outputName());
            assertTreated(column, expected, actual);
            if (column.fate() == Fate.PSEUDONYMIZE) {
                assertThat(schema.type()).isEqualTo(Schema.Type.STRING);
                assertThat(schema.isOptional()).isEqualTo(column.optional());
            } else {
                assertThat(schema).isEqualTo(column.schema());
            }
        }
        assertNoWithheldValue(table, input, output);
    }

    private static void assertRow(Table table, Map<?, ?> input, Map<?, ?> output) {
        assertThat(DomainBoundaryTest.keys(output))
                .containsExactlyInAnyOrderElementsOf(
                        table.shared().stream().map(Column::outputName).toList())
                .noneMatch(withheldNames(table)::contains);
        for (Column column : table.shared()) {
            Object actual = output.get(column.outputName());
            if (column.fate() == Fate.MASK) {
                assertThat(actual).as(column.name()).isNull();
            } else {
                assertTreated(column, input.get(column.name()), actual);
            }
        }
        assertNoWithheldValue(table, input, output);
    }

    private static void assertTreated(Column column, Object input, Object actual) {
        switch (column.fate()) {
            case KEEP -> assertThat(Objects.deepEquals(actual, input))
                    .as("%s kept as %s, left as %s", column, input, actual)
                    .isTrue();
            case MASK -> assertThat(Objects.deepEquals(actual, column.optional() ? null : zero(column.type())))
                    .as("%s masked to %s", column, actual)
                    .isTrue();
            case PSEUDONYMIZE -> assertThat(actual)
                    .as(column.name())
                    .isEqualTo(input == null ? null : hmac(KEY, canonical(input)));
            case WITHHELD -> throw new AssertionError("withheld columns are not shared");
        }
    }

    /** No value of a withheld or drift column that is unique by construction appears anywhere in the output. */
    private static void assertNoWithheldValue(Table table, Object input, Object output) {
        List<Object> leaves = new ArrayList<>();
        collectLeaves(output, leaves);
        for (Column column : table.columns(true)) {
            Object value = input instanceof Struct struct
                    ? (struct.schema().field(column.name()) == null ? null : struct.getWithoutDefault(column.name()))
                    : ((Map<?, ?>) input).get(column.name());
            if (column.fate() == Fate.WITHHELD && RowValues.isUnique(value)) {
                assertThat(leaves.stream().noneMatch(leaf -> Objects.deepEquals(leaf, value)))
                        .as("value of withheld column %s left the domain", column.name())
                        .isTrue();
            }
        }
    }

    private static void collectLeaves(Object value, List<Object> leaves) {
        if (value instanceof Struct struct) {
            struct.schema().fields().forEach(field -> collectLeaves(struct.getWithoutDefault(field.name()), leaves));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(nested -> collectLeaves(nested, leaves));
        } else if (value != null) {
            leaves.add(value);
        }
    }

    private static List<String> withheldNames(Table table) {
        return table.columns(true).stream()
                .filter(column -> column.fate() == Fate.WITHHELD)
                .map(Column::name)
                .toList();
    }

    private static byte[] canonical(Object value) {
        return value instanceof byte[] bytes ? bytes : String.valueOf(value).getBytes(StandardCharsets.UTF_8);
    }

    private static Object zero(Schema.Type type) {
        return switch (type) {
            case INT8 -> (byte) 0;
            case INT16 -> (short) 0;
            case INT32 -> 0;
            case INT64 -> 0L;
            case FLOAT32 -> 0.0f;
            case FLOAT64 -> 0.0d;
            case BOOLEAN -> false;
            case STRING -> "";
            case BYTES -> new byte[0];
            default -> throw new IllegalArgumentException(type.toString());
        };
    }

    /** Defaults are negative or fixed, so no generated value is ever equal to one. */
    private static Object defaultValue(Schema.Type type) {
        return switch (type) {
            case INT8 -> (byte) -1;
            case INT16 -> (short) -1;
            case INT32 -> -1;
            case INT64 -> -1L;
            case FLOAT32 -> -1.0f;
            case FLOAT64 -> -1.0d;
            case BOOLEAN -> true;
            case STRING -> "default";
            case BYTES -> new byte[] {-1};
            default -> throw new IllegalArgumentException(type.toString());
        };
    }

    private static Schema envelopeSchema(Schema row) {
        return SchemaBuilder.struct()
                .name("dbserver.Envelope")
                .field("before", row)
                .field("after", row)
                .field("source", PackagesTable.SOURCE_SCHEMA)
                .field("op", Schema.STRING_SCHEMA)
                .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
                .build();
    }

    private static Struct source(Table table) {
        return PackagesTable.source().put("schema", table.schema()).put("table", table.name());
    }

    private static Struct envelope(Schema schema, Table table, Struct before, Struct after) {
        return new Struct(schema)
                .put("before", before)
                .put("after", after)
                .put("source", source(table))
                .put("op", "u")
                .put("ts_ms", 1_767_225_600_123L);
    }

    /** The struct as Debezium's schemaless JSON would give it: nested maps, nulls kept. */
    private static Map<String, Object> asMap(Struct struct) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Field field : struct.schema().fields()) {
            Object value = struct.getWithoutDefault(field.name());
            map.put(field.name(), value instanceof Struct nested ? asMap(nested) : value);
        }
        return map;
    }

    private static SourceRecord record(String topic, Schema keySchema, Object key, Schema valueSchema, Object value) {
        return new SourceRecord(Map.of(), Map.of(), topic, 0, keySchema, key, valueSchema, value);
    }

    /** Row values, each unique within a try by construction; optional columns are sometimes null. */
    private static final class RowValues {

        private final Random random;
        private int next = 1;

        RowValues(long seed) {
            random = new Random(seed);
        }

        static boolean isUnique(Object value) {
            return value != null && !(value instanceof Boolean) && !(value instanceof Byte);
        }

        Struct row(Table table, Schema schema, boolean drifted) {
            Struct row = new Struct(schema);
            for (Column column : table.columns(drifted)) {
                row.put(column.name(), column.optional() && random.nextInt(4) == 0 ? null : value(column.type()));
            }
            return row;
        }

        private Object value(Schema.Type type) {
            int n = next++;
            return switch (type) {
                case INT8 -> (byte) (1 + n % 100);
                case INT16 -> (short) (1_000 + n);
                case INT32 -> 1_000_000 + n;
                case INT64 -> 5_000_000_000L + n;
                case FLOAT32 -> n + 0.5f;
                case FLOAT64 -> n + 0.25d;
                case BOOLEAN -> random.nextBoolean();
                case STRING -> "value-" + n;
                case BYTES -> ("bytes-" + n).getBytes(StandardCharsets.UTF_8);
                default -> throw new IllegalArgumentException(type.toString());
            };
        }
    }
}

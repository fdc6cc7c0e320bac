package io.domainbridge.transforms;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

/**
 * Test fixture: flat rows (no envelope, a plain schema name) of table {@code shop.orders} with a column of every type
 * Connect has, and the contract that shares, masks or withholds each column, for comparison with Kafka's own SMTs.
 */
final class FlatRows {

    static final String TOPIC = "dbserver.shop.orders";
    private static final long DAY_MILLIS = 86_400_000L;

    private FlatRows() {}

    enum Fate {
        WITHHELD,
        KEEP,
        MASK
    }

    /** Every schema type and logical type; arrays, maps and structs have no default. */
    enum Type {
        INT8,
        INT16,
        INT32,
        INT64,
        FLOAT32,
        FLOAT64,
        BOOLEAN,
        STRING,
        BYTES,
        DECIMAL,
        DATE,
        TIME,
        TIMESTAMP,
        ARRAY,
        MAP,
        STRUCT;

        SchemaBuilder builder() {
            return switch (this) {
                case INT8 -> SchemaBuilder.int8();
                case INT16 -> SchemaBuilder.int16();
                case INT32 -> SchemaBuilder.int32();
                case INT64 -> SchemaBuilder.int64();
                case FLOAT32 -> SchemaBuilder.float32();
                case FLOAT64 -> SchemaBuilder.float64();
                case BOOLEAN -> SchemaBuilder.bool();
                case STRING -> SchemaBuilder.string();
                case BYTES -> SchemaBuilder.bytes();
                case DECIMAL -> Decimal.builder(2);
                case DATE -> Date.builder();
                case TIME -> Time.builder();
                case TIMESTAMP -> Timestamp.builder();
                case ARRAY -> SchemaBuilder.array(Schema.STRING_SCHEMA);
                case MAP -> SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA);
                case STRUCT -> SchemaBuilder.struct().name("shop.orders.Nested").field("a", Schema.STRING_SCHEMA);
            };
        }

        boolean defaultable() {
            return this != ARRAY && this != MAP && this != STRUCT;
        }

        /** A value unique to {@code n} (booleans aside). */
        Object sample(int n) {
            return switch (this) {
                case INT8 -> (byte) (1 + n % 100);
                case INT16 -> (short) (1_000 + n);
                case INT32 -> 1_000_000 + n;
                case INT64 -> 5_000_000_000L + n;
                case FLOAT32 -> n + 0.5f;
                case FLOAT64 -> n + 0.25d;
                case BOOLEAN -> n % 2 == 0;
                case STRING -> "value-" + n;
                case BYTES -> ("bytes-" + n).getBytes(StandardCharsets.UTF_8);
                case DECIMAL -> BigDecimal.valueOf(100_000L + n, 2);
                case DATE -> new java.util.Date((19_000L + n) * DAY_MILLIS);
                case TIME -> new java.util.Date((n * 1_000L) % DAY_MILLIS);
                case TIMESTAMP -> new java.util.Date(1_767_225_600_000L + n);
                case ARRAY -> List.of("item-" + n);
                case MAP -> Map.of("k-" + n, n);
                case STRUCT -> throw new IllegalStateException("a struct value needs its column's schema");
            };
        }

        /** Defaults are negative or fixed, so no sample ever equals one. */
        Object defaultValue() {
            return switch (this) {
                case INT8 -> (byte) -1;
                case INT16 -> (short) -1;
                case INT32 -> -1;
                case INT64 -> -1L;
                case FLOAT32 -> -1.0f;
                case FLOAT64 -> -1.0d;
                case BOOLEAN -> true;
                case STRING -> "default";
                case BYTES -> new byte[] {-1};
                case DECIMAL -> new BigDecimal("-1.00");
                case DATE -> new java.util.Date(10 * DAY_MILLIS);
                case TIME -> new java.util.Date(1_000L);
                case TIMESTAMP -> new java.util.Date(1_000_000L);
                default -> throw new IllegalStateException(name() + " has no default");
            };
        }
    }

    /** A column {@code c<index>}; an optional column may hold null, renamed columns leave as {@code r_c<index>}. */
    record Column(
            int index,
            Type type,
            boolean optional,
            boolean withDefault,
            boolean nullValue,
            Fate fate,
            boolean renamed) {

        String name() {
            return "c" + index;
        }

        String outputName() {
            return renamed ? "r_" + name() : name();
        }

        Schema schema() {
            SchemaBuilder builder = type.builder();
            if (optional) {
                builder.optional();
            }
            return withDefault ? builder.defaultValue(type.defaultValue()).build() : builder.build();
        }

        Object value() {
            if (nullValue) {
                return null;
            }
            return type == Type.STRUCT ? new Struct(schema()).put("a", "nested-" + index) : type.sample(index);
        }
    }

    record Row(List<Column> columns) {

        Schema schema() {
            SchemaBuilder builder = SchemaBuilder.struct().name("shop.orders.Row");
            columns.forEach(column -> builder.field(column.name(), column.schema()));
            return builder.build();
        }

        Struct struct() {
            Struct struct = new Struct(schema());
            columns.forEach(column -> struct.put(column.name(), column.value()));
            return struct;
        }

        List<Column> with(Fate fate) {
            return columns.stream().filter(column -> column.fate() == fate).toList();
        }

        /** The DomainBoundary contract of this row. */
        Map<String, String> contract() {
            Map<String, String> props = new HashMap<>();
            props.put("contract.id", "parity");
            props.put("contract.version", "1");
            props.put("columns", qualified(with(Fate.KEEP), Column::name));
            props.put("mask.columns", qualified(with(Fate.MASK), Column::name));
            props.put(
                    "renames",
                    qualified(
                            columns.stream().filter(Column::renamed).toList(),
                            column -> column.name() + ":" + column.outputName()));
            return props;
        }

        private static String qualified(List<Column> columns, java.util.function.Function<Column, String> entry) {
            return columns.stream()
                    .map(column -> "shop.orders." + entry.apply(column))
                    .collect(Collectors.joining(","));
        }
    }

    /** Rows with one column per type at least once in a while; {@code fates} decide what the contract does. */
    static Arbitrary<Row> rows(List<Fate> fates, boolean renames) {
        Arbitrary<Column> column = Combinators.combine(
                        Arbitraries.of(Type.class),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false),
                        Arbitraries.of(fates),
                        renames ? Arbitraries.of(true, false) : Arbitraries.just(false))
                .as((type, optional, withDefault, nullValue, fate, renamed) -> new Column(
                        0,
                        type,
                        optional,
                        withDefault && type.defaultable(),
                        nullValue && optional,
                        fate,
                        renamed && fate != Fate.WITHHELD));
        return column.list().ofMinSize(1).ofMaxSize(12).map(FlatRows::numbered).filter(row -> !row.with(Fate.WITHHELD)
                .equals(row.columns()));
    }

    private static Row numbered(List<Column> columns) {
        return new Row(java.util.stream.IntStream.range(0, columns.size())
                .mapToObj(i -> {
                    Column c = columns.get(i);
                    return new Column(i, c.type(), c.optional(), c.withDefault(), c.nullValue(), c.fate(), c.renamed());
                })
                .toList());
    }
}
